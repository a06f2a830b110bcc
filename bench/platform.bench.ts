/**
 * Platform benchmark: `npm run bench:platform` (part of `npm run bench`).
 *
 * 1. Import of a BENCH_IMPORT_ROWS-row .xlsx (default 100,000) into the fact ledger — parse,
 *    validate, diff against the ledger, append, refresh tags — beside the yardstick: reading the
 *    same file and bulk-inserting the same fact rows with multi-row INSERTs, no checks. Target ≤ 3×.
 *    On embedded PGlite, and on the PostgreSQL server when one is given.
 * 2. POST /api/v1/policies/cn.most.tech-sme/evaluate on loopback with autocannon (a pool of
 *    generated profiles, so nothing is served from a cache), with gaps (the calculator's answer)
 *    and without, beside GET of a bare hello-world route on the same server. Target ≥ 50 % of
 *    hello's requests/s and p99 < 20 ms.
 * 3. Dashboard statistics (GET /api/v1/stats's queries, which read the running counts) over
 *    BENCH_STATS_FIRMS firms (default 1,000,000) on the PostgreSQL server, for a city, a province
 *    and the whole country, beside a bare count(*) of the same firms. Target p50 ≤ 200 ms.
 *
 * 4. The reviewer's queue (GET /api/v1/applications's query) over BENCH_QUEUE_APPLICATIONS
 *    applications (default 10,000) in every state of review on the PostgreSQL server: a city's and a
 *    province's queue, filtered by batch, overdue, and searched by name, beside a bare SELECT of the
 *    same page. Target p50 < 200 ms.
 *
 * 5. 免申即享 screening of BENCH_SCREEN_FIRMS firms (default 1,000,000) stored in PostgreSQL against
 *    杭州's R&D subsidy, end to end as the job runs it (read profiles, evaluate, write one decision
 *    record per firm, batch by batch with the cursor), beside reading the same rows in the same
 *    batches alone (the floor). Targets: under 60 s and ≤ 3× the read alone. Then the policy
 *    sandbox (the cap and the share changed) over one district's firms (a tenth of them), beside
 *    reading that district's profiles alone. Target < 5 s.
 *
 * The PostgreSQL server: HUIQI_BENCH_DATABASE_URL (a role that may create databases); without it
 * parts 1 (server row), 3 and 4 are skipped and say so. Other settings: BENCH_PARTS
 * (import,http,stats,queue,screening), BENCH_HTTP_SECONDS (10), BENCH_HTTP_CONNECTIONS (10), BENCH_STATS_RUNS (21).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { readGrid } from '../src/platform/sheets.ts';
import { importSpreadsheet } from '../src/enterprises/import/service.ts';
import { rebuildCounts } from '../src/enterprises/counts.ts';
import { projector } from '../src/enterprises/tags.ts';
import { listApplications } from '../src/cultivation/applications.ts';
import { compareSandbox } from '../src/delivery/sandbox.ts';
import { screenings } from '../src/delivery/schema.ts';
import { runScreening, SCREENING_BATCH } from '../src/delivery/screening.ts';
import { regionStats } from '../src/enterprises/service.ts';
import { checkCharacter } from '../src/facts/uscc.ts';
import { regionsUnder } from '../src/facts/regions.ts';
import type { Actor } from '../src/platform/actor.ts';
import type { Platform } from '../src/platform/context.ts';
import { openDatabase, type Database } from '../src/platform/database.ts';
import { loadLibrary } from '../src/policy/library.ts';
import { generatePool, Rng } from './profiles.ts';

const int = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw ? Number(raw.replace(/_/g, '')) : fallback;
  if (!Number.isFinite(n) || n < 1) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return Math.floor(n);
};
const IMPORT_ROWS = int('BENCH_IMPORT_ROWS', 100_000);
const HTTP_SECONDS = int('BENCH_HTTP_SECONDS', 10);
const CONNECTIONS = int('BENCH_HTTP_CONNECTIONS', 10);
const STATS_FIRMS = int('BENCH_STATS_FIRMS', 1_000_000);
const STATS_RUNS = int('BENCH_STATS_RUNS', 21);
const SERVER = process.env.HUIQI_BENCH_DATABASE_URL;
const AS_OF = '2026-06-30';
const QUEUE_APPLICATIONS = int('BENCH_QUEUE_APPLICATIONS', 10_000);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'import,http,stats,queue,screening').split(','));
const SCREEN_FIRMS = int('BENCH_SCREEN_FIRMS', 1_000_000);

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const fmt = (x: number, digits = 0) =>
  x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, (performance.now() - t) / 1000];
};

/** A scratch database on the server, dropped by the returned close(). */
async function serverDatabase(name: string): Promise<Database> {
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: SERVER });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  await admin(`drop database if exists ${name}`);
  await admin(`create database ${name}`);
  const url = new URL(SERVER!);
  url.pathname = `/${name}`;
  const d = await openDatabase({ url: url.toString() });
  await d.migrate();
  return { ...d, close: async () => (await d.close(), await admin(`drop database ${name}`)) };
}

async function embeddedDatabase(): Promise<Database & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-bench-'));
  const d = await openDatabase({ dataDir: dir });
  await d.migrate();
  return { ...d, dir, close: async () => (await d.close(), rmSync(dir, { recursive: true, force: true })) };
}

// ── 1. Import ───────────────────────────────────────────────────────────────────────────────

const WUXI = regionsUnder('320200').filter((c) => c !== '320200');
const CLASSES = ['C3562', 'C3484', 'C2641', 'C3311', 'I6513', 'M7320', 'C3982', 'C4090'];

function usccFor(i: number, region: string): string {
  const body = `91${region}${String(i).padStart(9, '0')}`;
  return body + checkCharacter(body);
}

async function writeSheet(file: string, rows: number): Promise<void> {
  const rng = new Rng(7);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const sheet = book.addWorksheet('企业名单');
  sheet.addRow(['2025年度规模以上工业企业名单']).commit();
  sheet
    .addRow([
      '序号',
      '统一社会信用代码',
      '企业名称',
      '所属地区',
      '行业代码',
      '营业收入（万元）',
      '从业人员',
      '研发费用（万元）',
      '资产总额（万元）',
    ])
    .commit();
  for (let i = 1; i <= rows; i++) {
    const region = rng.pick(WUXI);
    const revenue = Math.round(Math.exp(rng.range(Math.log(100), Math.log(200_000))) * 100) / 100; // 万元
    sheet
      .addRow([
        i,
        usccFor(i, region),
        `无锡测试${i}号科技有限公司`,
        region,
        rng.pick(CLASSES),
        revenue,
        rng.int(5, 900),
        Math.round(revenue * rng.range(0, 0.08) * 100) / 100,
        Math.round(revenue * rng.range(0.5, 2) * 100) / 100,
      ])
      .commit();
  }
  await book.commit();
}

/** The yardstick: the same file read with the same reader, its facts inserted as they stand. */
async function bulkInsert(d: Database, data: Buffer): Promise<number> {
  const grid = await readGrid(data, 'bench.xlsx');
  const paths = [
    'name',
    'regionCode',
    'industryCode',
    'years.2025.revenue',
    'years.2025.employees',
    'years.2025.rdExpense',
    'years.2025.totalAssets',
  ];
  const wan = [false, false, false, true, false, true, true];
  let n = 0;
  const body = grid.slice(2);
  for (let i = 0; i < body.length; i += 1000) {
    const chunk = body.slice(i, i + 1000);
    const firms = chunk.map((r) => sql`(${String(r.cells[1])})`);
    await d.db.execute(sql`insert into enterprises (uscc) values ${sql.join(firms, sql`, `)}`);
    const facts = chunk.flatMap((r) =>
      paths.map((p, k) => {
        const v = r.cells[k + 2];
        const value = wan[k] ? Number(v) * 10_000 : v;
        return sql`(${String(r.cells[1])}, ${p}, ${JSON.stringify(value)}::jsonb, 'import', 'bench')`;
      }),
    );
    await d.db.execute(sql`insert into facts (uscc, path, value, source, actor) values ${sql.join(facts, sql`, `)}`);
    n += facts.length;
  }
  return n;
}

async function benchImport(kind: 'pglite' | 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-sheet-'));
  const file = join(dir, 'bench.xlsx');
  await writeSheet(file, IMPORT_ROWS);
  const { readFileSync } = await import('node:fs');
  const data = readFileSync(file);
  const open = () => (kind === 'pglite' ? embeddedDatabase() : serverDatabase('huiqi_bench_import'));
  const project = projector(loadLibrary(), AS_OF);
  let d = await open();
  const [outcome, importS] = await time(() => importSpreadsheet(d.db, data, 'bench.xlsx', { actor: 'bench', project }));
  const [again, reimportS] = await time(() => importSpreadsheet(d.db, data, 'bench.xlsx', { actor: 'bench', project }));
  await d.close();
  d = await open();
  const [factRows, bulkS] = await time(() => bulkInsert(d, data));
  await d.close();
  rmSync(dir, { recursive: true, force: true });
  if (outcome.sheet.good.length !== IMPORT_ROWS || again.factsWritten !== 0)
    throw new Error(
      `import bench: ${outcome.sheet.good.length} of ${IMPORT_ROWS} rows in, re-import wrote ${again.factsWritten}; first refusal: ${JSON.stringify(outcome.sheet.bad[0]?.errors)}`,
    );
  return { kind, importS, reimportS, bulkS, factRows, facts: outcome.factsWritten };
}

// ── 2. HTTP ─────────────────────────────────────────────────────────────────────────────────

async function startBenchServer(): Promise<{ port: number; token: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/http-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const [port, token] = line.split(' ');
  return { port: Number(port), token: token!, stop: () => child.kill('SIGTERM') };
}

interface Load {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string, bodies?: string[], token?: string): Promise<Load> {
  let i = 0;
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: HTTP_SECONDS,
    ...(bodies
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
        }
      : {}),
  });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function benchHttp(): Promise<Load[]> {
  const server = await startBenchServer();
  const base = `http://127.0.0.1:${server.port}`;
  // Firms that fall short and get their gaps searched, and firms that qualify: a realistic mix.
  const bodies = generatePool(2000, { asOf: AS_OF }).map((p) => JSON.stringify(p));
  const evaluate = `${base}/api/v1/policies/cn.most.tech-sme/evaluate?asOf=${AS_OF}`;
  try {
    await load('warm-up', evaluate, bodies, server.token);
    return [
      await load('GET /bench/hello (yardstick)', `${base}/bench/hello`),
      await load('POST …/evaluate (with gaps)', evaluate, bodies, server.token),
      await load('POST …/evaluate?gaps=false', `${evaluate}&gaps=false`, bodies, server.token),
    ];
  } finally {
    server.stop();
  }
}

/**
 * A query measured beside its yardstick, alternately, STATS_RUNS times after 2 warm-ups: medians in
 * ms, the p95 of the query, and the count it gave.
 */
async function against(query: () => Promise<number>, yardstick: () => Promise<unknown>) {
  const runs: number[] = [];
  const floor: number[] = [];
  let found = 0;
  for (let i = 0; i < STATS_RUNS + 2; i++) {
    const [n, t] = await time(query);
    found = n;
    const [, f] = await time(yardstick);
    if (i < 2) continue; // warm-up
    runs.push(t * 1000);
    floor.push(f * 1000);
  }
  return { found, p50: median(runs), p95: pct(runs, 0.95), floor: median(floor) };
}

// ── 3. Statistics over a million firms ──────────────────────────────────────────────────────

async function fillFirms(d: Database, n: number): Promise<void> {
  const counties = ['320200', '320100', '310000', '440600', '420100', '510100', '341700', '630100']
    .flatMap((c) => regionsUnder(c).filter((x) => x !== c))
    .concat('442000');
  const list = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;
  // Generated in SQL: a million rows through the driver would measure the driver, not the query.
  await d.execute(`
    insert into enterprises (uscc, name, region_code, industry_code, size_class, tags)
    select lpad(i::text, 18, '0'), '企业' || i,
      (${list(counties)})[1 + (i::bigint * 7919) % ${counties.length}],
      (${list(CLASSES)})[1 + (i * 31) % ${CLASSES.length}],
      (array['micro','small','medium','large'])[1 + (i * 13) % 4],
      case when i % 3 = 0 then array['size:small','qualifies:cn.most.tech-sme']
           when i % 17 = 0 then array['size:medium','holds:specialized_sme','qualifies:cn.miit.specialized-sme']
           else array['size:micro'] end
    from generate_series(1, ${n}) as i`);
  await rebuildCounts(d.db);
  await d.execute('analyze enterprises');
}

async function benchStats() {
  const d = await serverDatabase('huiqi_bench_stats');
  try {
    log(`filling ${fmt(STATS_FIRMS)} firms…`);
    await fillFirms(d, STATS_FIRMS);
    const platform = { db: d.db } as Platform;
    const who = (role: Actor['role'], regionCode: string | null): Actor => ({
      userId: 1,
      username: 'bench',
      displayName: 'bench',
      role,
      regionCode,
      level: role === 'reviewer' ? 'city' : null,
      uscc: null,
      organization: null,
    });
    const cases = [
      { name: '无锡市 (city reviewer)', actor: who('reviewer', '320200'), prefix: '3202' },
      { name: '江苏省 (province reviewer)', actor: who('reviewer', '320000'), prefix: '32' },
      { name: '全国 (administrator)', actor: who('admin', null), prefix: '' },
    ];
    const rows = [];
    for (const c of cases)
      rows.push({
        name: c.name,
        ...(await against(
          async () => (await regionStats(platform, c.actor)).total,
          () => d.execute(`select count(*) from enterprises where region_code like '${c.prefix}%'`),
        )),
      });
    return rows;
  } finally {
    await d.close();
  }
}

// ── 4. The reviewer's queue ──────────────────────────────────────────────────────────────────

async function fillApplications(d: Database, n: number): Promise<void> {
  const counties = regionsUnder('320000').filter((c) => !c.endsWith('00'));
  const list = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;
  await d.execute(`
    insert into batches (policy_id, title, region_code, levels, opens_on, closes_on, as_of, review_days,
      correction_days, notice_days, created_by)
    select 'cn.miit.specialized-sme', '江苏省专精特新认定第' || b || '批', '320000', array['district','city','province'],
      '2026-04-01', '2026-06-30', '2026-04-01', 15, 10, 7, 1
    from generate_series(1, 4) as b`);
  // Every state of review, spread over the province's counties, levels and due dates.
  await d.execute(`
    insert into applications (batch_id, uscc, firm_name, region_code, kind, status, step, due_on, version)
    select 1 + i % 4, lpad(i::text, 18, '0'), '江苏测试企业' || i,
      (${list(counties)})[1 + (i::bigint * 7919) % ${counties.length}], 'new',
      (array['in_review','in_review','in_review','in_review','returned','approved','certified','draft','rejected'])[1 + i % 9],
      (i / 9) % 3, date '2026-06-01' + (i % 40), 1 + i % 5
    from generate_series(1, ${n}) as i`);
  await d.execute('analyze applications; analyze batches');
}

async function benchQueue() {
  const d = await serverDatabase('huiqi_bench_queue');
  try {
    log(`filling ${fmt(QUEUE_APPLICATIONS)} applications…`);
    await fillApplications(d, QUEUE_APPLICATIONS);
    const platform = { db: d.db, today: () => '2026-06-20' } as Platform;
    const reviewer = (regionCode: string, level: 'city' | 'province'): Actor => ({
      userId: 1,
      username: 'bench',
      displayName: 'bench',
      role: 'reviewer',
      regionCode,
      level,
      uscc: null,
      organization: null,
    });
    const wuxi = reviewer('320200', 'city');
    const jiangsu = reviewer('320000', 'province');
    const page = { page: 1, pageSize: 20 };
    const cases = [
      {
        name: '无锡市 queue (city level)',
        actor: wuxi,
        q: page,
        floor: `region_code like '3202%' and status = 'in_review'`,
      },
      {
        name: '江苏省 queue (province level)',
        actor: jiangsu,
        q: page,
        floor: `region_code like '32%' and status = 'in_review'`,
      },
      {
        name: '江苏省, one batch, overdue',
        actor: jiangsu,
        q: { ...page, batch: 2, overdue: true },
        floor: `region_code like '32%' and status = 'in_review' and batch_id = 2 and due_on < '2026-06-20'`,
      },
      {
        name: '江苏省, all states, name search',
        actor: jiangsu,
        q: { ...page, queue: false, q: '企业12' },
        floor: `region_code like '32%' and firm_name ilike '%企业12%'`,
      },
    ];
    const rows = [];
    for (const c of cases)
      rows.push({
        name: c.name,
        ...(await against(
          async () => (await listApplications(platform, c.actor, c.q)).total,
          () => d.execute(`select * from applications where ${c.floor} order by due_on limit 20`),
        )),
      });
    return rows;
  } finally {
    await d.close();
  }
}

// ── 5. 免申即享 screening and the sandbox ───────────────────────────────────────────────────────

const HANGZHOU = 'local.330100.rd-subsidy';
const HZ_DISTRICTS = [
  '330102',
  '330105',
  '330106',
  '330108',
  '330109',
  '330110',
  '330111',
  '330112',
  '330113',
  '330114',
];

/**
 * Where each fact comes from, as on a real platform: the registry's name and region, tax and social
 * insurance figures, titles from the bureau's list, IP and the credit record declared by the firm.
 */
const BENCH_SOURCES = JSON.stringify({
  ...Object.fromEntries(['name', 'regionCode', 'industryCode', 'establishedOn'].map((f) => [f, 'registry'])),
  ...Object.fromEntries(
    [2023, 2024, 2025].flatMap((y) =>
      [
        'employees',
        'techStaff',
        'rdStaff',
        'revenue',
        'mainRevenue',
        'totalAssets',
        'totalLiabilities',
        'rdExpense',
        'netProfit',
      ].map((f) => [`years.${y}.${f}`, f === 'employees' ? 'social_insurance' : 'tax']),
    ),
  ),
  honors: 'import',
  ip: 'self',
  ...Object.fromEntries(
    ['seriousDishonesty', 'abnormalOperationList', 'researchMisconduct'].map((f) => [`compliance.${f}`, 'self']),
  ),
});

/** Firms of 杭州 with profiles the size of real ones: three years of figures, titles, IP, adverse records. */
async function fillProfiles(d: Database, n: number): Promise<void> {
  const districts = `array[${HZ_DISTRICTS.map((x) => `'${x}'`).join(',')}]`;
  const year = (y: number, k: number) => `jsonb_build_object(
      'employees', 20 + (i * ${k}) % 480, 'techStaff', 3 + (i * ${k}) % 60, 'rdStaff', 2 + (i * ${k}) % 40,
      'revenue', 5000000 + (i::bigint * ${k * 7919}) % 200000000, 'mainRevenue', 4000000 + (i::bigint * ${k * 7919}) % 190000000,
      'totalAssets', 3000000 + (i::bigint * ${k * 104729}) % 150000000, 'totalLiabilities', 1000000 + (i::bigint * ${k * 1299709}) % 80000000,
      'rdExpense', case when i % 11 = 0 and ${y} = 2024 then null else 100000 + (i::bigint * ${k * 15485863}) % 9000000 end,
      'netProfit', (i::bigint * ${k * 32452843}) % 20000000 - 5000000)`;
  await d.execute(`
    insert into enterprises (uscc, name, region_code, industry_code, size_class, tags, sources, profile, ledger_mark)
    select u, '企业' || i, r, 'C3562', 'small', array['size:small'], '${BENCH_SOURCES}'::jsonb,
      jsonb_strip_nulls(jsonb_build_object(
        'uscc', u, 'name', '杭州测试企业' || i, 'regionCode', r, 'industryCode', 'C3562', 'establishedOn', '2015-06-01',
        'years', jsonb_build_object('2025', ${year(2025, 3)}, '2024', ${year(2024, 5)}, '2023', ${year(2023, 7)}),
        'honors', case when i % 4 = 0 then jsonb_build_array(jsonb_build_object('kind', 'high_tech_enterprise', 'validFrom', '2024-11-20', 'validTo', '2027-11-19'))
                       when i % 4 = 1 then jsonb_build_array(jsonb_build_object('kind', 'tech_sme', 'validFrom', '2026-04-01', 'validTo', '2026-12-31'))
                       else '[]'::jsonb end,
        'ip', jsonb_build_array(jsonb_build_object('kind', 'invention_patent', 'mainProduct', true, 'selfDeveloped', true),
                                jsonb_build_object('kind', 'software_copyright', 'mainProduct', i % 2 = 0, 'selfDeveloped', true)),
        'compliance', jsonb_build_object('seriousDishonesty', i % 97 = 0, 'abnormalOperationList', i % 89 = 0, 'researchMisconduct', false))),
      i
    from (select i, lpad(i::text, 18, '0') as u, (${districts})[1 + i % ${HZ_DISTRICTS.length}] as r
          from generate_series(1, ${n}) as i) as g`);
  await d.execute('analyze enterprises');
}

async function benchScreening() {
  const d = await serverDatabase('huiqi_bench_screening');
  try {
    log(`filling ${fmt(SCREEN_FIRMS)} firms with profiles…`);
    await fillProfiles(d, SCREEN_FIRMS);
    const policies = loadLibrary();
    const asOf = '2026-05-01';
    const platform = { db: d.db, policies, today: () => asOf, database: d } as Platform;
    const admin: Actor = {
      userId: 1,
      username: 'bench',
      displayName: 'bench',
      role: 'admin',
      regionCode: null,
      level: null,
      uscc: null,
      organization: null,
    };
    // The floor: the same rows in the same batches, read and nothing else.
    const readAlone = async (prefix: string) => {
      let cursor = '';
      let n = 0;
      for (;;) {
        const r = (await d.execute(
          `select uscc, profile, sources, ledger_mark from enterprises where region_code like $1 and uscc > $2 order by uscc limit ${SCREENING_BATCH}`,
          [`${prefix}%`, cursor],
        )) as { rows: { uscc: string }[] };
        if (r.rows.length === 0) return n;
        n += r.rows.length;
        cursor = r.rows[r.rows.length - 1]!.uscc;
      }
    };
    log('reading alone…');
    const [, readS] = await time(() => readAlone('3301'));
    log('screening…');
    const [row] = await d.db
      .insert(screenings)
      .values({
        policyId: HANGZHOU,
        policyHash: policies.loaded(HANGZHOU).hash,
        edition: policies.edition(HANGZHOU, asOf).edition,
        asOf,
        regionCode: '3301',
        startedBy: 1,
        total: SCREEN_FIRMS,
      })
      .returning();
    const [, screenS] = await time(() => runScreening(platform, row!.id));
    const counts = (await d.execute(
      `select verdict, count(*)::int as n from screening_results where screening_id = ${row!.id} group by verdict order by verdict`,
    )) as { rows: { verdict: string; n: number }[] };
    const size = (await d.execute(`select pg_total_relation_size('screening_results') as b`)) as {
      rows: { b: string }[];
    };

    const district = HZ_DISTRICTS[2]!;
    const sandbox = [];
    const sandboxRead = [];
    for (let i = 0; i < 5; i++) {
      const [r, t] = await time(() =>
        compareSandbox(platform, admin, {
          policyId: HANGZHOU,
          asOf,
          region: district,
          parameters: { cap: 1_000_000, share: 0.25 },
        }),
      );
      sandbox.push({ r, t });
      sandboxRead.push((await time(() => readAlone(district)))[1]);
    }
    const sandboxS = median(sandbox.map((x) => x.t));
    return {
      screenS,
      readS,
      counts: counts.rows,
      bytesPerRecord: Number(size.rows[0]!.b) / SCREEN_FIRMS,
      sandboxS,
      sandboxReadS: median(sandboxRead),
      sandboxFirms: sandbox[0]!.r.firms,
      moved: sandbox[0]!.r.moved,
    };
  } finally {
    await d.close();
  }
}

// ── Report ──────────────────────────────────────────────────────────────────────────────────

const out = { push: (...lines: string[]) => void process.stdout.write(lines.map((l) => l + '\n').join('')) };
out.push('## Platform benchmark', '');
out.push(
  `Node ${process.version}; ${IMPORT_ROWS.toLocaleString('en')} import rows; HTTP ${HTTP_SECONDS} s × ${CONNECTIONS} connections per row.`,
  '',
);

if (PARTS.has('import')) {
  out.push('### Import of a spreadsheet', '');
  out.push(
    '| database | import (s) | rows/s | re-import, nothing changes (s) | yardstick: read + bulk INSERT (s) | import ÷ yardstick | target |',
  );
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const kind of SERVER ? (['pglite', 'postgres'] as const) : (['pglite'] as const)) {
    log(`import on ${kind}…`);
    const r = await benchImport(kind);
    out.push(
      `| ${kind} | ${fmt(r.importS, 1)} | ${fmt(IMPORT_ROWS / r.importS)} | ${fmt(r.reimportS, 1)} | ${fmt(r.bulkS, 1)} | ${fmt(r.importS / r.bulkS, 2)}× | ≤ 3× ${r.importS / r.bulkS <= 3 ? '✔' : '✘'} |`,
    );
  }
  if (!SERVER) out.push('', '(PostgreSQL server row skipped: set HUIQI_BENCH_DATABASE_URL.)');
}

if (PARTS.has('http')) {
  out.push('', '### HTTP on loopback (autocannon)', '');
  log('HTTP…');
  const http = await benchHttp();
  const hello = http[0]!;
  out.push('| route | req/s | p50 (ms) | p99 (ms) | errors | ÷ hello | targets: ≥ 50 %, p99 < 20 ms |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of http) {
    const share = r.rps / hello.rps;
    const ok = r === hello ? '' : `${share >= 0.5 ? '✔' : '✘'} ${r.p99 < 20 ? '✔' : '✘'}`;
    out.push(
      `| ${r.name} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.errors} | ${fmt(share * 100)} % | ${ok} |`,
    );
  }
}
if (PARTS.has('stats')) {
  out.push('', `### Dashboard statistics over ${fmt(STATS_FIRMS)} firms (PostgreSQL server)`, '');
  if (SERVER) {
    log('statistics…');
    out.push('| scope | firms in scope | p50 (ms) | p95 (ms) | yardstick: count(*) p50 (ms) | target p50 ≤ 200 ms |');
    out.push('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const r of await benchStats())
      out.push(
        `| ${r.name} | ${fmt(r.found)} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${fmt(r.floor, 1)} | ${r.p50 <= 200 ? '✔' : '✘'} |`,
      );
  } else out.push('(skipped: set HUIQI_BENCH_DATABASE_URL to a PostgreSQL server.)');
}
if (PARTS.has('queue')) {
  out.push('', `### Reviewer queue over ${fmt(QUEUE_APPLICATIONS)} applications (PostgreSQL server)`, '');
  if (SERVER) {
    log('queue…');
    out.push(
      '| queue | found | p50 (ms) | p95 (ms) | yardstick: bare SELECT of the page p50 (ms) | target p50 < 200 ms |',
    );
    out.push('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const r of await benchQueue())
      out.push(
        `| ${r.name} | ${fmt(r.found)} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${fmt(r.floor, 1)} | ${r.p50 < 200 ? '✔' : '✘'} |`,
      );
  } else out.push('(skipped: set HUIQI_BENCH_DATABASE_URL to a PostgreSQL server.)');
}
if (PARTS.has('screening')) {
  out.push('', `### 免申即享 screening of ${fmt(SCREEN_FIRMS)} firms and the sandbox (PostgreSQL server)`, '');
  if (SERVER) {
    log('screening…');
    const r = await benchScreening();
    const ratio = r.screenS / r.readS;
    out.push(
      '| run | firms | time (s) | firms/s | yardstick: the same rows read alone (s) | ÷ yardstick | targets |',
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
      `| screening 杭州 (read, evaluate, one decision record each) | ${fmt(SCREEN_FIRMS)} | ${fmt(r.screenS, 1)} | ${fmt(SCREEN_FIRMS / r.screenS)} | ${fmt(r.readS, 1)} | ${fmt(ratio, 2)}× | < 60 s ${r.screenS < 60 ? '✔' : '✘'}, ≤ 3× ${ratio <= 3 ? '✔' : '✘'} |`,
      `| sandbox, one district, median of 5 (${r.moved} firms move) | ${fmt(r.sandboxFirms)} | ${fmt(r.sandboxS, 2)} | ${fmt(r.sandboxFirms / r.sandboxS)} | ${fmt(r.sandboxReadS, 2)} | ${fmt(r.sandboxS / r.sandboxReadS, 2)}× | < 5 s ${r.sandboxS < 5 ? '✔' : '✘'} |`,
      '',
      `Verdicts: ${r.counts.map((c) => `${c.verdict} ${fmt(c.n)}`).join(', ')}; decision records take ${fmt(r.bytesPerRecord)} bytes each on disk (table and index).`,
    );
  } else out.push('(skipped: set HUIQI_BENCH_DATABASE_URL to a PostgreSQL server.)');
}
