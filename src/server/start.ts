/**
 * Starting the platform: open the database (embedded PGlite in ./data, or DATABASE_URL), apply
 * migrations, create the administrator and load the demo on a first start, start the job workers
 * and serve the API and the web app on one port. Stops cleanly on SIGINT/SIGTERM (PGlite must be
 * closed, or the next start finds its lock file).
 */
import { randomBytes } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { loadDemo, DEMO_COUNT } from '../demo/load.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { resumeScreenings, runScreeningJob, SCREENING_QUEUE } from '../delivery/screening.ts';
import { IMPORT_QUEUE, runImport, sweepImports } from '../enterprises/import/jobs.ts';
import { createUser, userCount } from '../platform/auth.ts';
import { calendarFromEnv, chinaToday, type Platform } from '../platform/context.ts';
import { configFromEnv, openDatabase, type Database } from '../platform/database.ts';
import { startJobs } from '../platform/jobs.ts';
import { loadLibrary } from '../policy/library.ts';
import { createApp } from './app.ts';
import { ensureWebBuilt } from './web.ts';

export interface Started {
  platform: Platform;
  server: ServerType;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database and everything the services need, without serving. */
export async function openPlatform(env: NodeJS.ProcessEnv = process.env): Promise<Platform> {
  const database = await openDatabase(configFromEnv(env));
  await database.migrate();
  return platformOn(database, calendarFromEnv(env));
}

/** Everything the services need, on a migrated database: policies, job queue and workers. */
export async function platformOn(database: Database, today: () => string = chinaToday): Promise<Platform> {
  const jobs = await startJobs(database);
  const platform: Platform = { database, db: database.db, policies: loadLibrary(), jobs, today };
  // Before the workers take anything: what a stopped process left running is failed or resumed.
  // A screening carries on from its cursor; it keeps no heartbeat, so it is resumed at start only.
  await jobs.sweep([sweepImports(platform), async ({ starting }) => (starting ? resumeScreenings(platform) : [])]);
  await jobs.work<{ id: string }>(IMPORT_QUEUE, ({ id }) => runImport(platform, id));
  await jobs.work<{ id: number }>(SCREENING_QUEUE, ({ id }) => runScreeningJob(platform, id));
  return platform;
}

export async function closePlatform(p: Platform): Promise<void> {
  await p.jobs.stop();
  await p.database.close();
}

/** On a first start: the administrator, and (unless HUIQI_DEMO=off) the demo firms and accounts. */
async function firstStart(p: Platform, env: NodeJS.ProcessEnv, say: (s: string) => void): Promise<void> {
  if ((await userCount(p.db)) > 0) return;
  const given = env.HUIQI_ADMIN_PASSWORD;
  const password = given || randomBytes(12).toString('base64url');
  await createUser(p.db, { username: 'admin', password, displayName: '平台管理员', role: 'admin' });
  say(
    given
      ? '已创建管理员 admin（密码取自 HUIQI_ADMIN_PASSWORD）'
      : `已创建管理员 admin，密码（只显示这一次）：${password}`,
  );
  if (env.HUIQI_DEMO === 'off') return;
  say(`正在生成演示数据（${DEMO_COUNT} 家企业）……`);
  const demo = await loadDemo(p);
  say(`演示数据：${demo.firms} 家企业；演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const a of demo.accounts) say(`  ${a.username.padEnd(12)} ${a.role.padEnd(10)} ${a.displayName}`);
}

export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  say = (s: string) => console.log(s),
): Promise<Started> {
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  await ensureWebBuilt(say);
  const platform = await openPlatform(env);
  await firstStart(platform, env, say);
  const app = createApp(platform);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: env.HOST || '0.0.0.0' }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://localhost:${actualPort}`;
  say(`惠企 Huiqi 已启动（数据库：${platform.database.kind === 'pglite' ? '内置 PGlite' : 'PostgreSQL'}）：${url}`);
  say(`API 文档：${url}/api/docs`);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closePlatform(platform);
    })());
  return { platform, server, url, stop };
}
