/**
 * An import killed with kill -9 while it runs: a real `huiqi serve` (on an embedded data folder,
 * or on a PostgreSQL server when HUIQI_TEST_DATABASE_URL names one) is killed in the middle of a
 * few thousand firms and started again. The import must end failed with its reason, the registry
 * must hold whole firms only, each fact once, and the same file uploaded again must add exactly
 * the rest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from './test-processes.ts';
import { createUser } from '../platform/auth.ts';
import { openDatabase, rowsOf, type Db } from '../platform/database.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../platform/http.ts';
import { testDatabase } from '../platform/test-database.ts';
import { usccFor } from '../server/test-app.ts';

const BACKEND = process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const REVIEWER = { username: 'wuxi-importer', password: 'faults-test-2026' };
const FIRMS = 6000;
/** Each row's facts: name, region, revenue and employees of 2025. */
const PATHS = ['name', 'regionCode', 'years.2025.employees', 'years.2025.revenue'];
/** A running import left by a stopped process is failed by the sweep within STALE_MS plus a heartbeat. */
const RESTART_WAIT_MS = 60_000;

const CSV = Buffer.from(
  '统一社会信用代码,企业名称,区划代码,营业收入（万元）,从业人员\r\n' +
    Array.from(
      { length: FIRMS },
      (_, i) =>
        `${usccFor('320211', 50_000 + i)},无锡滨湖故障测试${i}有限公司,320211,${1000 + i},${20 + (i % 300)}\r\n`,
    ).join(''),
);

/** Where the server keeps its data, and a way to read it directly while no server holds it. */
interface Store {
  settings: Record<string, string>;
  withDb<T>(work: (db: Db) => Promise<T>): Promise<T>;
  remove(): Promise<void>;
}

async function store(): Promise<Store> {
  if (process.env.HUIQI_TEST_DATABASE_URL) {
    const d = await testDatabase();
    return { settings: { DATABASE_URL: d.url! }, withDb: (work) => work(d.db), remove: () => d.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-faults-'));
  return {
    settings: { HUIQI_DATA_DIR: dir },
    async withDb(work) {
      const d = await openDatabase({ dataDir: dir });
      try {
        await d.migrate();
        return await work(d.db);
      } finally {
        await d.close();
      }
    },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

type Call = (path: string, init?: RequestInit) => Promise<Response>;

/** Logs in to a running server as the reviewer: a fetch that sends the session and CSRF token. */
async function loginTo(url: string): Promise<Call> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(REVIEWER),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
  const headers = { cookie: `${session}; ${CSRF_COOKIE}=${csrfToken}`, [CSRF_HEADER]: csrfToken };
  return (path, init = {}) => fetch(`${url}${path}`, { ...init, headers: { ...headers, ...init.headers } });
}

interface ImportStatus {
  status: string;
  total: number;
  processed: number;
  imported: number;
  unchanged: number;
  rejected: number;
  failure: string | null;
}

async function upload(call: Call): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(CSV)]), '故障测试名单.csv');
  form.append('year', '2025');
  const res = await call('/api/v1/imports', { method: 'POST', body: form });
  expect(res.status, await res.clone().text()).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

async function statusOf(call: Call, id: string): Promise<ImportStatus> {
  const res = await call(`/api/v1/imports/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ImportStatus;
}

/** Polls the import until `until` holds, for at most `ms`. */
async function pollUntil(call: Call, id: string, until: (s: ImportStatus) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  let s = await statusOf(call, id);
  while (!until(s)) {
    if (Date.now() > deadline) throw new Error(`import ${id} still ${JSON.stringify(s)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
    s = await statusOf(call, id);
  }
  return s;
}

const finished = (s: ImportStatus) => s.status === 'done' || s.status === 'failed';

describe(`an import killed with kill -9 while it runs, on ${BACKEND}`, { timeout: 300_000 }, () => {
  let data: Store;
  let server: Served | undefined;

  beforeAll(async () => {
    data = await store();
    await data.withDb((db) =>
      createUser(db, {
        ...REVIEWER,
        role: 'reviewer',
        displayName: '无锡市工业和信息化局',
        regionCode: '320200',
        level: 'city',
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await data?.remove();
  });

  it('fails with its reason after the restart, keeps whole firms once each, and the file again adds the rest', async () => {
    const settings = { ...data.settings, HUIQI_DEMO: 'off' };
    server = await serve(settings);
    let call = await loginTo(server.url);
    const first = await upload(call);
    // Killed between chunks of firms: some written and reported, the rest not yet. On the embedded
    // database this needs a server that answers polls while an import writes.
    const before = await pollUntil(
      call,
      first,
      (s) => finished(s) || (s.status === 'running' && s.processed > 0 && s.processed < s.total),
      120_000,
    );
    expect(before.status, 'no poll saw the import between its chunks').toBe('running');
    expect(await server.stop('SIGKILL')).toBeNull();

    server = await serve(settings);
    call = await loginTo(server.url);
    const after = await pollUntil(call, first, finished, RESTART_WAIT_MS);
    // Failed for good, not retried into whatever stopped it (sweepImports).
    expect(after.status).toBe('failed');
    expect(after.failure).toMatch(/^导入过程中服务进程意外中断.*\(the process stopped while importing/);
    const listed = await call('/api/v1/enterprises?pageSize=1');
    const firmsKept = ((await listed.json()) as { total: number }).total;
    // No firm reported imported is lost.
    expect(firmsKept).toBeGreaterThanOrEqual(before.imported);
    expect(firmsKept).toBeGreaterThanOrEqual(after.imported);

    const again = await upload(call);
    const done = await pollUntil(call, again, finished, 120_000);
    // Every firm the killed run wrote was written whole: the file again finds it unchanged.
    expect(done).toMatchObject({ status: 'done', imported: FIRMS, rejected: 0, unchanged: firmsKept });
    expect(await server.stop()).toBe(0);
    server = undefined;

    await data.withDb(async (db) => {
      const [firms] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from enterprises`);
      expect(firms!.n).toBe(FIRMS);
      const twice = await rowsOf(
        db,
        sql`select uscc, path, count(*)::int as n from facts group by uscc, path having count(*) <> 1 limit 5`,
      );
      expect(twice).toEqual([]);
      const paths = await rowsOf<{ path: string; n: number }>(
        db,
        sql`select path, count(*)::int as n from facts group by path order by path`,
      );
      expect(paths).toEqual(PATHS.map((path) => ({ path, n: FIRMS })));
      const byRun = await rowsOf<{ actor: string; firms: number; facts: number }>(
        db,
        sql`select actor, count(distinct uscc)::int as firms, count(*)::int as facts from facts group by actor`,
      );
      const written = Object.fromEntries(byRun.map((r) => [r.actor, r]));
      expect(written[`import:${first}`]).toEqual({
        actor: `import:${first}`,
        firms: firmsKept,
        facts: firmsKept * PATHS.length,
      });
      if (firmsKept < FIRMS) expect(written[`import:${again}`]).toMatchObject({ firms: FIRMS - firmsKept });
    });
  });
});
