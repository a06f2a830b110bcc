/**
 * Starting the platform: open the database (embedded PGlite in ./data, held by this process alone,
 * or DATABASE_URL), apply migrations, create the administrator and load the demo on a first start,
 * start the job workers and serve the API and the web app on one port — on 127.0.0.1 unless HOST
 * says otherwise, and never with the demo's public password on an address others can reach.
 * Stops cleanly on SIGINT/SIGTERM (PGlite must be closed, and the folder let go).
 */
import { randomBytes } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { inArray } from 'drizzle-orm';
import { loadDemo, DEMO_COUNT } from '../demo/load.ts';
import { demoAccounts, DEMO_PASSWORD } from '../demo/accounts.ts';
import { resumeScreenings, runScreeningJob, SCREENING_QUEUE } from '../delivery/screening.ts';
import { IMPORT_QUEUE, runImport, sweepImports } from '../enterprises/import/jobs.ts';
import { trustedProxies } from '../platform/addresses.ts';
import { flushListReads } from '../platform/audit.ts';
import { createUser, userCount } from '../platform/auth.ts';
import { calendarFromEnv, chinaToday, type Platform } from '../platform/context.ts';
import { configFromEnv, openDatabase, type Database, type Db } from '../platform/database.ts';
import { AppError, type Message } from '../platform/errors.ts';
import { startJobs } from '../platform/jobs.ts';
import { verifyPassword } from '../platform/passwords.ts';
import { users } from '../platform/schema.ts';
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
  const proxies = trustedProxies(env.HUIQI_TRUSTED_PROXIES);
  const database = await openDatabase(configFromEnv(env));
  await database.migrate();
  const platform = await platformOn(database, calendarFromEnv(env));
  platform.trustedProxies = proxies;
  return platform;
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
  await flushListReads(p.db);
  await p.database.close();
}

/** Whether a first start loads the demo: as HUIQI_DEMO says, else only on the embedded database. */
export function demoWanted(env: NodeJS.ProcessEnv, kind: Database['kind']): boolean {
  const setting = env.HUIQI_DEMO;
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  if (setting)
    throw new AppError(400, 'invalid_setting', {
      zh: `HUIQI_DEMO 应为 on 或 off，而不是「${setting}」`,
      en: `HUIQI_DEMO must be on or off, not "${setting}"`,
    });
  // The two-command try-out runs embedded; a server database is someone's real one.
  return kind === 'pglite';
}

export function isLoopback(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}

/** The demo's accounts that do not depend on the generated firms still open with its public password. */
async function demoAccountsOpen(db: Db): Promise<boolean> {
  const names = demoAccounts([]).map((a) => a.username);
  const found = await db.select({ hash: users.passwordHash }).from(users).where(inArray(users.username, names));
  for (const { hash } of found) if (await verifyPassword(DEMO_PASSWORD, hash)) return true;
  return false;
}

/** The demo's password is in the README: its accounts are served only to this machine. */
const demoOnNetwork = (host: string, why: Message, instead: Message) =>
  new AppError(409, 'demo_on_network', {
    zh: `${why.zh}，不能在对外地址 ${host} 上提供服务：请${instead.zh}，或不设 HOST（只在本机 127.0.0.1 监听）`,
    en: `${why.en}: refusing to serve on the reachable address ${host}. ${instead.en}, or leave HOST unset (127.0.0.1 only)`,
  });

/** On a first start: the administrator, and the demo when wanted. */
async function firstStart(p: Platform, env: NodeJS.ProcessEnv, withDemo: boolean, say: (s: string) => void) {
  const given = env.HUIQI_ADMIN_PASSWORD;
  const password = given || randomBytes(12).toString('base64url');
  await createUser(p.db, { username: 'admin', password, displayName: '平台管理员', role: 'admin' });
  say(
    given
      ? '已创建管理员 admin（密码取自 HUIQI_ADMIN_PASSWORD）'
      : `已创建管理员 admin，密码（只显示这一次）：${password}`,
  );
  if (!withDemo) return;
  say(`正在生成演示数据（${DEMO_COUNT} 家企业）……`);
  const demo = await loadDemo(p);
  say(`演示数据：${demo.firms} 家企业；演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const a of demo.accounts) say(`  ${a.username.padEnd(12)} ${a.role.padEnd(10)} ${a.displayName}`);
}

function listen(app: ReturnType<typeof createApp>, port: number, hostname: string): Promise<ServerType> {
  return new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new AppError(409, 'port_in_use', {
              zh: `端口 ${hostname}:${port} 已被占用：请停止占用它的程序，或用 PORT 换一个端口`,
              en: `port ${hostname}:${port} is in use: stop what holds it, or choose another with PORT`,
            })
          : e,
      ),
    );
  });
}

/** Opens, checks and prepares the database; the folder is let go again if anything fails. */
async function preparePlatform(env: NodeJS.ProcessEnv, host: string, demo: boolean, say: (s: string) => void) {
  const database = await openDatabase(configFromEnv(env));
  try {
    await database.migrate();
    const first = (await userCount(database.db)) === 0;
    const withDemo = first && demo;
    if (!isLoopback(host) && (await demoAccountsOpen(database.db)))
      throw demoOnNetwork(
        host,
        {
          zh: '数据库中有演示账号（其密码是公开的）',
          en: 'the database holds demo accounts, whose password is public',
        },
        {
          zh: '用新的数据目录或数据库并设置 HUIQI_DEMO=off',
          en: 'Use a new data folder or database with HUIQI_DEMO=off',
        },
      );
    await ensureWebBuilt(say);
    const platform = await platformOn(database, calendarFromEnv(env));
    return { platform, first, withDemo };
  } catch (e) {
    await database.close();
    throw e;
  }
}

export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  say = (s: string) => console.log(s),
): Promise<Started> {
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const host = env.HOST || '127.0.0.1';
  const demo = demoWanted(env, configFromEnv(env).url ? 'postgres' : 'pglite');
  // Refused before the database is even opened: whether or not this is the first start.
  if (demo && !isLoopback(host))
    throw demoOnNetwork(
      host,
      {
        zh: 'HUIQI_DEMO 为 on（内置数据库的默认值），而演示账号的密码是公开的',
        en: "HUIQI_DEMO is on (the embedded database's default) and the demo accounts' password is public",
      },
      { zh: '设置 HUIQI_DEMO=off', en: 'Set HUIQI_DEMO=off' },
    );
  const { platform, first, withDemo } = await preparePlatform(env, host, demo, say);
  let server: ServerType;
  try {
    if (first) await firstStart(platform, env, withDemo, say);
    server = await listen(createApp(platform), port, host);
  } catch (e) {
    await closePlatform(platform);
    throw e;
  }
  const address = server.address();
  const bound = typeof address === 'object' && address ? address : { address: host, port };
  const shown = isLoopback(host) || ['0.0.0.0', '::'].includes(host) ? 'localhost' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${bound.port}`;
  platform.database.folder?.announce(url);
  say(
    `惠企 Huiqi 已启动（数据库：${platform.database.kind === 'pglite' ? '内置 PGlite' : 'PostgreSQL'}，监听 ${bound.address} 端口 ${bound.port}）：${url}`,
  );
  say(`API 文档：${url}/api/docs`);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closePlatform(platform);
    })());
  return { platform, server, url, stop };
}
