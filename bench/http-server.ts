/**
 * The server the HTTP benchmark loads: the real application on an in-memory PGlite, plus one bare
 * hello-world route on the same app as the yardstick. Prints its port on stdout, then serves
 * until killed.
 */
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app.ts';
import { openPlatform } from '../src/server/start.ts';

const platform = await openPlatform({ HUIQI_DATA_DIR: 'memory' });
const app = createApp(platform);
app.get('/bench/hello', (c) => c.json({ hello: 'world' }));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${info.port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
