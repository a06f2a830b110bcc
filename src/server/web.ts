/**
 * The web app on the API's port: built files under /assets (cached for good: their names carry a
 * hash), and index.html for every other page address, so /calculator or /console/enterprises can
 * be opened and shared directly. `ensureWebBuilt` builds the bundle when it is missing.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';

export const WEB_ROOT = fileURLToPath(new URL('../../web', import.meta.url));
export const WEB_DIST = join(WEB_ROOT, 'dist');

/**
 * Builds into a folder of its own and moves it into place whole, so two servers starting at once
 * on a fresh clone never serve, or delete, each other's half-written files.
 */
export async function ensureWebBuilt(say: (s: string) => void): Promise<void> {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  say('正在构建网页（首次启动）……');
  const { build } = await import('vite');
  const outDir = `${WEB_DIST}.${process.pid}.building`;
  try {
    await build({
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    // A folder without its index.html is a build that never finished: it goes; a finished one stays.
    if (!existsSync(join(WEB_DIST, 'index.html'))) await rm(WEB_DIST, { recursive: true, force: true });
    await rename(outDir, WEB_DIST).catch((e: NodeJS.ErrnoException) => {
      // Another server moved its build in first: serve that one.
      if (!existsSync(join(WEB_DIST, 'index.html'))) throw e;
    });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
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
