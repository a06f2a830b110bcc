/**
 * The spreadsheet import through the API, the way a bureau uses it: the fixture lists uploaded as
 * they are (the .xlsx by an administrator, the GBK .csv by the 无锡 city reviewer), the job polled
 * until it ends, and the outcome checked against wuxi-binhu-2025.expected.json — the registry read
 * back over HTTP, the rejected rows downloaded and opened, the same file imported again. Then a
 * reviewer of another region, uploads that cannot be imported, and a list naming a firm twice.
 */
import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../facts/uscc.ts';
import { testApp, type Send, type TestApp, type TestRole } from '../../server/test-app.ts';
import { enterprises, facts, imports } from '../schema.ts';

const BACKEND = process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
/** For a test that waits for an import job (the worker polls the queue every half second). */
const JOB_TIMEOUT = 30_000;
const dir = new URL('../../../fixtures/imports/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, dir));
const expected = JSON.parse(fixture('wuxi-binhu-2025.expected.json').toString('utf8')) as {
  good: { uscc: string; employees: number; revenue_yuan: number; totalAssets_yuan: number }[];
  bad: { uscc: string; column: string }[];
  file: string;
  csv: string;
  rows: number;
};

type Cell = string | number | null;
interface ImportStatus {
  warnings: { row: number; column: string; reason: string }[];
  id: string;
  fileName: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  imported: number;
  unchanged: number;
  rejected: number;
  errors: { row: number; column: string; reason: string }[];
  failure: string | null;
  rejectsUrl: string | null;
  finishedAt: string | null;
}

/** Chinese first, then the English in brackets: "营业收入（万元）不是数字：“abc” (not a number)". */
function isChineseFirst(reason: string): boolean {
  const at = reason.indexOf(' (');
  return at > 0 && /^\p{Script=Han}/u.test(reason) && reason.endsWith(')') && /[a-z]/i.test(reason.slice(at));
}

// ---- the fixture files read independently of the import: row number → cells ---------------------

const blank = (v: unknown): Cell => (v === undefined || v === null || v === '' ? null : (v as Cell));

async function xlsxRows(data: Buffer): Promise<Map<number, Cell[]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const rows = new Map<number, Cell[]>();
  book.worksheets[0]!.eachRow((row, n) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => {
      const rich = (v as { richText?: { text: string }[] } | null)?.richText;
      return blank(rich ? rich.map((r) => r.text).join('') : v);
    });
    rows.set(n, cells);
  });
  return rows;
}

/** Chinese-locale Excel's CSV: GBK, CRLF, no quoting in these files. */
function csvRows(data: Buffer): Map<number, Cell[]> {
  const lines = iconv.decode(data, 'gbk').split('\r\n');
  return new Map(lines.flatMap((l, i) => (l ? [[i + 1, l.split(',').map(blank)] as const] : [])));
}

// ---- calling the API ------------------------------------------------------------------------------

function form(name: string, data: Buffer | string, year?: string): FormData {
  const f = new FormData();
  f.append('file', new File([typeof data === 'string' ? data : new Uint8Array(data)], name));
  if (year) f.append('year', year);
  return f;
}

async function waitFor(send: Send, id: string): Promise<ImportStatus> {
  for (let i = 0; i < 300; i++) {
    const res = await send(`/api/v1/imports/${id}`);
    expect(res.status).toBe(200);
    const got = (await res.json()) as ImportStatus;
    if (got.status === 'done' || got.status === 'failed') return got;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

/** Uploads a file and waits for its import to end. */
async function importFile(send: Send, name: string, data: Buffer | string, year?: string): Promise<ImportStatus> {
  const res = await send('/api/v1/imports', { method: 'POST', body: form(name, data, year) });
  expect(res.status, await res.clone().text()).toBe(202);
  return waitFor(send, ((await res.json()) as { id: string }).id);
}

async function rejectsOf(send: Send, status: ImportStatus): Promise<ExcelJS.Worksheet> {
  const res = await send(status.rejectsUrl!);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book.worksheets[0]!;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number, width: number): Cell[] =>
  Array.from({ length: width }, (_, i) => blank(sheet.getRow(n).getCell(i + 1).value));

async function ledgerSize(t: TestApp) {
  const [f] = await t.platform.db.select({ n: count() }).from(facts);
  const [e] = await t.platform.db.select({ n: count() }).from(enterprises);
  return { facts: f!.n, firms: e!.n };
}

async function history(send: Send, uscc: string) {
  const res = await send(`/api/v1/enterprises/${uscc}/facts`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { path: string; value: unknown; source: string; actor: string }[] }).items;
}

// ---- the fixture lists, each into a registry of its own ------------------------------------------------

describe.each<{
  file: string;
  role: TestRole;
  who: string;
  year?: string;
  read: (d: Buffer) => Promise<Map<number, Cell[]>>;
  /** What stands below the data: not enterprises. */
  below: Cell[];
}>([
  {
    file: expected.file,
    role: 'admin',
    who: 'an administrator',
    read: xlsxRows,
    below: ['合计', expect.stringMatching(/^注：/)],
  },
  // No title above the header to name the year, as Chinese-locale Excel exports it.
  {
    file: expected.csv,
    role: 'reviewer',
    who: 'the 无锡 city reviewer (320200)',
    year: '2025',
    read: async (d) => csvRows(d),
    below: [],
  },
])(`importing $file as $who through the API on ${BACKEND}`, ({ file, role, year, read, below }) => {
  let t: TestApp;
  let send: Send;
  let admin: Send;
  let first: ImportStatus;
  /** The fixture as a spreadsheet program shows it. */
  let sheet: Map<number, Cell[]>;
  let header: { row: number; cells: Cell[] };
  /** The row on which each code stands. */
  const rowOf = new Map<string, number>();

  beforeAll(async () => {
    sheet = await read(fixture(file));
    const [row, cells] = [...sheet].find(([, c]) => c.includes('统一社会信用代码'))!;
    header = { row, cells };
    const col = cells.indexOf('统一社会信用代码');
    for (const [n, c] of sheet) if (n > row && typeof c[col] === 'string') rowOf.set(c[col], n);
    expect(rowOf.size).toBe(expected.rows);
    t = await testApp();
    send = await t.as(role);
    admin = await t.as('admin');
    first = await importFile(send, file, fixture(file), year);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('finishes with the 45 data rows counted — 40 imported, 5 rejected — and the 合计 row and footnote left out', async () => {
    expect(first).toMatchObject({
      status: 'done',
      fileName: file,
      total: expected.rows,
      processed: expected.rows,
      imported: expected.good.length,
      unchanged: 0,
      rejected: expected.bad.length,
      failure: null,
      rejectsUrl: `/api/v1/imports/${first.id}/rejects.xlsx`,
    });
    expect(first.finishedAt).not.toBeNull();
    // Only the two seeded firms were there before.
    expect((await ledgerSize(t)).firms).toBe(2 + expected.good.length);
    const listed = await admin('/api/v1/enterprises?q=合计');
    expect(((await listed.json()) as { total: number }).total).toBe(0);
    // The 合计 row and the footnote are not reported as bad rows either.
    const last = Math.max(...rowOf.values());
    const after = [...sheet.keys()].filter((n) => n > last);
    expect(after.map((n) => sheet.get(n)![0])).toEqual(below);
    expect(first.errors.filter((e) => e.row > last)).toEqual([]);
  });

  it('lands every good row with the expected facts, 万元 read back in yuan', async () => {
    for (const g of expected.good) {
      const res = await send(`/api/v1/enterprises/${g.uscc}`);
      expect(res.status, g.uscc).toBe(200);
      const firm = (await res.json()) as { uscc: string; regionCode: string; years: Record<string, object> };
      expect(firm, g.uscc).toMatchObject({
        uscc: g.uscc,
        regionCode: '320211',
        years: { '2025': { employees: g.employees, revenue: g.revenue_yuan, totalAssets: g.totalAssets_yuan } },
      });
    }
    for (const b of expected.bad) expect((await admin(`/api/v1/enterprises/${b.uscc}`)).status, b.uscc).toBe(404);
  });

  it('reports every bad row with its row number, the column at fault and a reason in Chinese first', () => {
    const want = expected.bad
      .map((b) => ({ row: rowOf.get(b.uscc)!, column: b.column, reason: expect.any(String) }))
      .sort((a, b) => a.row - b.row);
    expect(want.every((w) => w.row > header.row)).toBe(true);
    expect(first.errors).toEqual(want);
    for (const e of first.errors) {
      expect(isChineseFirst(e.reason), e.reason).toBe(true);
      expect(e.reason.startsWith(e.column), e.reason).toBe(true);
    }
  });

  it('gives back exactly the bad rows in rejects.xlsx, with their cells as they were and the reasons', async () => {
    const res = await send(first.rejectsUrl!);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(
      `${file.replace(/\.(xlsx|csv)$/, '')}-未导入.xlsx`,
    );
    const rejects = await rejectsOf(send, first);
    const width = header.cells.length + 2;
    expect(rejects.rowCount).toBe(1 + expected.bad.length);
    expect(rowValues(rejects, 1, width)).toEqual(['原行号', ...header.cells, '错误原因']);
    const reasons = new Map(first.errors.map((e) => [e.row, e.reason]));
    const rows = [];
    for (let n = 2; n <= rejects.rowCount; n++) {
      const [row, ...rest] = rowValues(rejects, n, width);
      rows.push(row);
      expect(rest.slice(0, -1), `row ${row}`).toEqual(header.cells.map((_, i) => sheet.get(row as number)![i] ?? null));
      expect(rest.at(-1)).toBe(reasons.get(row as number));
    }
    expect(rows).toEqual(
      [...rowOf]
        .filter(([u]) => expected.bad.some((b) => b.uscc === u))
        .map(([, n]) => n)
        .sort((a, b) => a - b),
    );
  });

  it(
    'writes nothing when the same file comes again, and says every good row was unchanged',
    async () => {
      const some = [expected.good[0]!.uscc, expected.good[17]!.uscc, expected.good.at(-1)!.uscc];
      const before = { size: await ledgerSize(t), histories: await Promise.all(some.map((u) => history(admin, u))) };
      expect(before.histories.every((h) => h.length > 0 && h.every((e) => e.source === 'import'))).toBe(true);
      const again = await importFile(send, file, fixture(file), year);
      expect(again).toMatchObject({
        status: 'done',
        total: expected.rows,
        imported: expected.good.length,
        unchanged: expected.good.length,
        rejected: expected.bad.length,
      });
      expect(again.errors).toEqual(first.errors);
      expect(await ledgerSize(t)).toEqual(before.size);
      expect(await Promise.all(some.map((u) => history(admin, u)))).toEqual(before.histories);
    },
    JOB_TIMEOUT,
  );
});

// ---- one registry for the rest --------------------------------------------------------------------------

describe(`imports that are turned away, on ${BACKEND}`, () => {
  let t: TestApp;
  let admin: Send;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.as('admin');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it(
    'turns every row of the Wuxi list away from a reviewer of Shanghai, and writes nothing',
    async () => {
      const other = await t.as('otherReviewer'); // 上海市, 310000
      const before = await ledgerSize(t);
      const got = await importFile(other, expected.file, fixture(expected.file));
      expect(got).toMatchObject({
        status: 'done',
        total: expected.rows,
        imported: 0,
        unchanged: 0,
        rejected: expected.rows,
      });
      const outside = '该企业不在您的辖区（上海市）内，不能由您导入 (outside your region 310000)';
      const rows = new Map<number, { column: string; reason: string }[]>();
      for (const { row, ...e } of got.errors) rows.set(row, [...(rows.get(row) ?? []), e]);
      expect(rows.size).toBe(expected.rows);
      for (const [row, errors] of rows) {
        // First, on the row's own region column; a bad row keeps its own reason after it.
        expect(errors[0], `row ${row}`).toEqual({ column: '行政区划代码', reason: outside });
        expect(errors.length).toBeLessThanOrEqual(2);
      }
      expect([...rows.values()].filter((e) => e.length === 2)).toHaveLength(expected.bad.length);
      expect(await ledgerSize(t)).toEqual(before);
      expect((await admin(`/api/v1/enterprises/${expected.good[0]!.uscc}`)).status).toBe(404);
      expect((await rejectsOf(other, got)).rowCount).toBe(1 + expected.rows);
    },
    JOB_TIMEOUT,
  );

  it('refuses a file that is not .xlsx or .csv, an empty file and a form without one', async () => {
    const queued = async () => (await t.platform.db.select({ n: count() }).from(imports))[0]!.n;
    const before = await queued();
    const refused = async (body: FormData) => {
      const res = await admin('/api/v1/imports', { method: 'POST', body });
      const { error } = (await res.json()) as { error: { code: string; details?: { field: string }[] } };
      return { status: res.status, code: error.code, fields: error.details?.map((d) => d.field) };
    };
    expect(await refused(form('名单.txt', '统一社会信用代码,企业名称\n'))).toEqual({
      status: 415,
      code: 'unsupported_file',
      fields: undefined,
    });
    expect(await refused(form('名单.xlsx', ''))).toEqual({ status: 400, code: 'empty_file', fields: ['file'] });
    // No `file` part at all: the request's own validation names the field.
    const none = new FormData();
    none.append('year', '2025');
    expect(await refused(none)).toEqual({ status: 400, code: 'invalid_request', fields: ['file'] });
    // A `file` part that is text, not a file.
    const text = new FormData();
    text.append('file', '统一社会信用代码,企业名称');
    expect(await refused(text)).toEqual({ status: 400, code: 'file_missing', fields: ['file'] });
    expect(await queued()).toBe(before);
  });

  it.each([
    [
      'a file that is not a spreadsheet, named .xlsx',
      '名单.xlsx',
      'This is a letter, not a workbook.',
      /^文件「名单\.xlsx」的内容是文本（可能是 CSV），与文件扩展名不符/,
    ],
    [
      'a .csv with unbalanced quotes',
      '名单.csv',
      '统一社会信用代码,企业名称\n"913202110000700095,"甲"乙\n',
      /^无法按 CSV 格式读取「名单\.csv」/,
    ],
    [
      'a .csv whose header has no 统一社会信用代码 column',
      '名单.csv',
      '序号,企业名称,从业人员（人）,营业收入（万元）\n1,无锡示例有限公司,50,1200\n',
      /^表头中没有“统一社会信用代码”列（第1行的表头有：企业名称、从业人员（人）、营业收入（万元））/,
    ],
    [
      'a .csv with no year in a title nor given',
      '名单.csv',
      '统一社会信用代码,企业名称\n913202110000700095,甲\n',
      /^表格标题中没有写明数据所属年度/,
    ],
  ])(
    'ends %s as failed, saying why',
    async (_, name, content, why) => {
      const before = await ledgerSize(t);
      const got = await importFile(admin, name, content);
      expect(got).toMatchObject({ status: 'failed', imported: 0, errors: [], rejectsUrl: null });
      expect(got.finishedAt).not.toBeNull();
      expect(got.failure).toMatch(why);
      expect(isChineseFirst(got.failure!), got.failure!).toBe(true);
      expect(await ledgerSize(t)).toEqual(before);
    },
    JOB_TIMEOUT,
  );

  it(
    'imports a firm named twice once when the rows agree, and neither row when they do not',
    async () => {
      const code = (serial: number) => {
        const first17 = `91320211${String(serial).padStart(9, '0')}`;
        return first17 + checkCharacter(first17);
      };
      const [a, b, c] = [code(101), code(102), code(103)];
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('名单');
      ws.addRow(['统一社会信用代码', '企业名称', '行政区划代码', '行业代码', '从业人员（人）', '营业收入（万元）']);
      ws.addRow([a, '无锡甲有限公司', '320211', 'C3562', 50, 1200]); // 2
      ws.addRow([b, '无锡乙有限公司', '320211', 'C3562', 60, 800]); // 3
      ws.addRow([a, '无锡甲有限公司', '320211', 'C3562', 50, 1200]); // 4: row 2 again
      ws.addRow([c, '无锡丙有限公司', '320211', 'C3562', 70, 900]); // 5
      ws.addRow([c.toLowerCase(), '无锡丙有限公司', '320211', 'C3562', 70, 950]); // 6: row 5, another revenue
      const data = Buffer.from(await book.xlsx.writeBuffer());

      const got = await importFile(admin, '重复.xlsx', data, '2025');
      expect(got).toMatchObject({ status: 'done', total: 5, imported: 2, unchanged: 0, rejected: 3 });
      expect(got.errors).toEqual([
        {
          row: 4,
          column: '统一社会信用代码',
          reason: `统一社会信用代码与第2行重复：“${a}”，两行数据相同，已按第2行导入一次 (the same code and values as row 2; imported once)`,
        },
        ...[5, 6].map((row) => ({
          row,
          column: '统一社会信用代码',
          reason: `统一社会信用代码在第5、6行重复出现且数据不一致（营业收入（万元））：“${c}”，无法确定哪一行正确，均未导入；请核对后只保留一行再导入 (the same code is on rows 5, 6 with different values; none of them was imported)`,
        })),
      ]);
      // Firm A once, from row 2; firm C not at all.
      expect((await history(admin, a)).filter((e) => e.path === 'years.2025.revenue')).toHaveLength(1);
      expect((await admin(`/api/v1/enterprises/${c}`)).status).toBe(404);

      // The bureau keeps the right row of the file of rejected rows and imports that file again.
      const rejects = await rejectsOf(admin, got);
      expect(rejects.rowCount).toBe(4);
      const kept = new ExcelJS.Workbook();
      const fixed = kept.addWorksheet('未导入的行');
      for (const n of [1, 2, 3]) fixed.addRow((rejects.getRow(n).values as unknown[]).slice(1));
      const again = await importFile(admin, '重复-未导入.xlsx', Buffer.from(await kept.xlsx.writeBuffer()), '2025');
      expect(again).toMatchObject({ status: 'done', total: 2, imported: 2, unchanged: 1, rejected: 0 });
      const firm = (await (await admin(`/api/v1/enterprises/${c}`)).json()) as { years: Record<string, object> };
      expect(firm.years['2025']).toMatchObject({ employees: 70, revenue: 9_000_000 });
    },
    JOB_TIMEOUT,
  );

  it(
    'reports header columns it could not read as warnings',
    async () => {
      const first17 = '91320211000000201';
      const csv = `统一社会信用代码,企业名称,营业收入（美元）\r\n${first17 + checkCharacter(first17)},无锡丁有限公司,100\r\n`;
      const got = await importFile(admin, '美元.csv', csv, '2025');
      expect(got).toMatchObject({ status: 'done', imported: 1, rejected: 0 });
      expect(got.warnings).toEqual([{ row: 1, column: '营业收入（美元）', reason: expect.any(String) }]);
      expect(isChineseFirst(got.warnings[0]!.reason)).toBe(true);
    },
    JOB_TIMEOUT,
  );
});
