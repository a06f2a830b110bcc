/**
 * Once per `npm run test:e2e`: check the browser is there, warn if the web bundle is stale,
 * start one real server and hand its address to every test file (`inject('baseURL')`).
 *
 * HUIQI_E2E_URL=http://127.0.0.1:3456 runs the tests against a server you started yourself
 * (nothing is started or stopped; its admin password is taken from HUIQI_E2E_ADMIN_PASSWORD).
 * HUIQI_E2E_DATA_DIR=/tmp/hq-e2e keeps the data directory between runs (the 40 s demo load happens
 * once; tests that change data then see earlier runs' changes). HUIQI_E2E_CLOCK_FILE names the
 * HUIQI_CLOCK_FILE of a server you started, for tests that move the calendar.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from './browser.ts';
import { E2E_ADMIN_PASSWORD, warnIfStaleBundle, startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    adminPassword: string;
    /** The server's HUIQI_CLOCK_FILE ('' when unknown: tests that move the calendar are skipped). */
    clockFile: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `e2e: no browser at ${CHROMIUM}. Install Debian's Chromium and CJK fonts: apt-get install -y chromium fonts-noto-cjk (or set HUIQI_E2E_CHROMIUM).`,
    );
  const external = process.env.HUIQI_E2E_URL;
  if (external) {
    project.provide('baseURL', external.replace(/\/$/, ''));
    project.provide('adminPassword', process.env.HUIQI_E2E_ADMIN_PASSWORD ?? E2E_ADMIN_PASSWORD);
    project.provide('clockFile', process.env.HUIQI_E2E_CLOCK_FILE ?? '');
    console.log(`e2e: using the server at ${external}`);
    return undefined;
  }
  warnIfStaleBundle((s) => console.log(s));
  const started = Date.now();
  const server = await startServer({ dataDir: process.env.HUIQI_E2E_DATA_DIR || undefined });
  console.log(
    `e2e: server ${server.url} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (data ${server.dataDir})`,
  );
  project.provide('baseURL', server.url);
  project.provide('adminPassword', E2E_ADMIN_PASSWORD);
  project.provide('clockFile', server.clockFile);
  return async () => {
    await server.stop();
    console.log('e2e: server stopped cleanly');
  };
}
