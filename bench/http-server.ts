/**
 * The server the HTTP benchmark loads: the real application on an in-memory PGlite, plus one bare
 * hello-world route on the same app as the yardstick. Prints its port and an API token on stdout
 * (the load is a logged-in caller's: an anonymous client that fast is what the calculator's
 * per-address limit refuses), then serves until killed.
 */
import { serve } from '@hono/node-server';
import { createUser, issueToken } from '../src/platform/auth.ts';
import { createApp } from '../src/server/app.ts';
import { openPlatform } from '../src/server/start.ts';

const platform = await openPlatform({ HUIQI_DATA_DIR: 'memory' });
const bench = await createUser(platform.db, {
  username: 'bench',
  password: 'bench-password-not-secret',
  displayName: '基准测试',
  role: 'provider',
  organization: '基准测试',
});
const { token } = await issueToken(platform.db, bench, { name: 'bench' });
const app = createApp(platform);
app.get('/bench/hello', (c) => c.json({ hello: 'world' }));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${info.port} ${token}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
