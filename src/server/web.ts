/**
 * The web app on the API's port: built files under /assets (cached for good: their names carry a
 * hash), and index.html for every other page address, so /calculator or /console/enterprises can
 * be opened and shared directly. `ensureWebBuilt` builds the bundle when it is missing.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';

export const WEB_ROOT = fileURLToPath(new URL('../../web', import.meta.url));
export const WEB_DIST = join(WEB_ROOT, 'dist');

export async function ensureWebBuilt(say: (s: string) => void): Promise<void> {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  say('正在构建网页（首次启动）……');
  const { build } = await import('vite');
  await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

export function webRoutes(): Hono {
  const root = relative(process.cwd(), WEB_DIST) || '.';
  return new Hono()
    .use('*', compress())
    .use(
      '/assets/*',
      serveStatic({ root, onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }),
    )
    .get('/assets/*', (c) => c.notFound())
    .get('/favicon.svg', serveStatic({ root }))
    .get('*', async (c) => {
      if (c.req.path.startsWith('/api/')) return c.notFound();
      // Read each time: a rebuilt bundle has new file names, and the file is small.
      const index = await readFile(join(WEB_DIST, 'index.html'), 'utf8').catch(() => undefined);
      if (!index)
        return c.text('The web app is not built: run `npm start` (it builds it) or `npm run build:web`.', 503);
      return c.html(index, 200, { 'cache-control': 'no-cache' });
    });
}
