/**
 * Uploads that used to kill or stall the server: spreadsheet "zip bombs" (one that declares
 * hundreds of MB, one whose central directory lies about it), files whose name lies about what
 * they are, UTF-16 text, a 48 MB CSV, and formula-looking cells given back in the rejected rows.
 * Every file is built at test time.
 */
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/database.ts';
import { uploadParts } from '../../platform/schema.ts';
import { entry, repeated, unzip, zip } from '../../platform/test-zip.ts';
import { answer, testApp, usccFor, type Send, type TestApp } from '../../server/test-app.ts';

const BACKEND = process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const MB = 1024 * 1024;

let t: TestApp;
let admin: Send;
beforeAll(async () => {
  t = await testApp();
  admin = await t.as('admin');
});
afterAll(() => t?.close());

interface ImportStatus {
  status: string;
  total: number;
  imported: number;
  rejected: number;
  failure: string | null;
  rejectsUrl: string | null;
}

function form(name: string, data: Buffer, year?: string): FormData {
  const f = new FormData();
  f.append('file', new Blob([new Uint8Array(data)]), name);
  if (year) f.append('year', year);
  return f;
}

const submit = async (name: string, data: Buffer, year = '2025') =>
  (await answer<{ id: string }>(admin('/api/v1/imports', { method: 'POST', body: form(name, data, year) }), 202)).id;

/** Polls the import, as the console does, until `until` holds. */
async function pollImport(id: string, until = (s: ImportStatus) => s.status === 'done' || s.status === 'failed') {
  for (;;) {
    const s = await answer<ImportStatus>(admin(`/api/v1/imports/${id}`), 200);
    if (until(s)) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const importFile = async (name: string, data: Buffer, year?: string) => pollImport(await submit(name, data, year));

/** The highest resident memory seen while `work` runs, above what it was before. */
async function memoryGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return peak - before;
}

/** A real workbook's parts, with its sheet replaced by `sheet`. */
async function workbookWith(sheet: (name: string) => ReturnType<typeof entry>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('名单').addRow(['统一社会信用代码', '企业名称']);
  const parts = await unzip(Buffer.from(await book.xlsx.writeBuffer()));
  return zip([...parts].map(([name, data]) => (name === 'xl/worksheets/sheet1.xml' ? sheet(name) : entry(name, data))));
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const ROWS = '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'.repeat(20_000);
const SHEET_TAIL = '</sheetData></worksheet>';
/** A sheet that unpacks to about 330 MB. */
const bomb = (name: string) => repeated(name, SHEET_HEAD, ROWS, 330, SHEET_TAIL);

describe(`spreadsheet zip bombs, on ${BACKEND}`, () => {
  it('refuses a sheet that declares it unpacks to 330 MB, inflating nothing, and fails the import saying so', async () => {
    const file = await workbookWith(bomb);
    expect(file.length).toBeLessThan(2 * MB);
    let status: ImportStatus | undefined;
    const growth = await memoryGrowth(async () => (status = await importFile('炸弹.xlsx', file)));
    expect(status).toMatchObject({ status: 'failed', imported: 0 });
    expect(status!.failure).toMatch(/^文件「炸弹\.xlsx」解压后过大.*\(炸弹\.xlsx unpacks to more than/);
    expect(growth).toBeLessThan(200 * MB);
  });

  it('stops a sheet whose central directory says 1 MB as soon as it unpacks past that', async () => {
    const file = await workbookWith((name) => ({ ...bomb(name), declared: MB }));
    let status: ImportStatus | undefined;
    const growth = await memoryGrowth(async () => (status = await importFile('谎报.xlsx', file)));
    expect(status).toMatchObject({ status: 'failed', imported: 0 });
    expect(status!.failure).toMatch(/^文件「谎报\.xlsx」解压后过大/);
    expect(growth).toBeLessThan(200 * MB);
  });

  it('answers the payment sheet upload of a bomb with 413 naming the file', async () => {
    const reviewer = await t.as('reviewer');
    const e = await answer<{ error: { code: string; message: { zh: string } } }>(
      reviewer('/api/v1/policies/local.320214.high-tech-reward/payments/sheet', {
        method: 'POST',
        body: form('支付清单.xlsx', await workbookWith(bomb)),
      }),
      413,
    );
    expect(e.error.code).toBe('sheet_too_large');
    expect(e.error.message.zh).toMatch(/^文件「支付清单\.xlsx」解压后过大/);
  });
});

const firms = (n: number, from = 9000) =>
  Array.from({ length: n }, (_, i) => `${usccFor('320211', from + i)},测试企业${from + i},${100 + i}`).join('\r\n');
const CSV = `统一社会信用代码,企业名称,营业收入（万元）\r\n${firms(3)}\r\n`;

describe(`files whose name or encoding is not what it seems, on ${BACKEND}`, () => {
  it.each([
    ['an .xlsx that is a CSV', '名单.xlsx', Buffer.from(CSV), /^文件「名单\.xlsx」的内容是文本（可能是 CSV）/],
    [
      'a .csv that is a zip',
      '名单.csv',
      zip([entry('a.txt', Buffer.from('x'))]),
      /^文件「名单\.csv」的内容是zip 压缩包/,
    ],
    ['a PDF named .xlsx', '名单.xlsx', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /^文件「名单\.xlsx」的内容是 PDF 文档/],
  ])('fails %s, saying what it is', async (_, name, data, says) => {
    const s = await importFile(name, data);
    expect(s).toMatchObject({ status: 'failed', imported: 0 });
    expect(s.failure).toMatch(says);
  });

  it.each([
    ['UTF-16 LE', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['UTF-16 BE', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
  ])('reads a %s CSV with its BOM', async (_, encode) => {
    const s = await importFile('名单.csv', encode(CSV));
    expect(s).toMatchObject({ status: 'done', imported: 3, rejected: 0 });
  });

  it('refuses UTF-16 without a BOM as not text, rather than reading garbage', async () => {
    const s = await importFile('名单.csv', Buffer.from(CSV, 'utf16le'));
    expect(s.failure).toMatch(/^无法按 CSV 格式读取「名单\.csv」/);
  });
});

describe(`a 48 MB CSV, on ${BACKEND}`, () => {
  it('is taken (within the 50 MB limit) and fails clearly past the row budget, its rows never all held', async () => {
    const row = `${usccFor('320211', 1)},${'测'.repeat(60)},100\r\n`;
    const rows = Math.floor((48 * MB) / Buffer.byteLength(row));
    const file = Buffer.from(`统一社会信用代码,企业名称,营业收入（万元）\r\n${row.repeat(rows)}`);
    expect(file.length).toBeGreaterThan(47 * MB);
    const s = await importFile('大名单.csv', file);
    expect(s).toMatchObject({ status: 'failed', imported: 0 });
    expect(s.failure).toMatch(/^文件「大名单\.csv」超过 100,000 行/);
  });
});

describe(`cells that look like formulas, on ${BACKEND}`, () => {
  it('gives them back as text in the rejected rows, never as formulas', async () => {
    const tricks = ['=HYPERLINK("http://example.com","点击")', '=1+1', '+cmd|/c calc', '@SUM(A1:A2)'];
    const csv = `统一社会信用代码,企业名称\r\n${tricks.map((x, i) => `BAD${i},"${x.replaceAll('"', '""')}"`).join('\r\n')}\r\n`;
    const s = await importFile('公式.csv', Buffer.from(csv));
    expect(s).toMatchObject({ status: 'done', rejected: 4 });
    const res = await admin(s.rejectsUrl!);
    const parts = await unzip(Buffer.from(await res.arrayBuffer()));
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const strings = parts.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
    expect(sheet).not.toMatch(/<f[ >]/);
    for (const x of tricks) expect(sheet + strings).toContain(x.replaceAll('"', '&quot;'));
  });
});

describe(`following an import, on ${BACKEND}`, () => {
  it('answers every poll from the import’s row alone: with the stored file gone, it still says how far it is', async () => {
    const n = 3000;
    const id = await submit(
      '进度.csv',
      Buffer.from(`统一社会信用代码,企业名称,营业收入（万元）\r\n${firms(n, 20_000)}\r\n`),
    );
    // Once the file has been read (its rows counted), nothing needs it: drop what is stored of it.
    expect(await pollImport(id, (s) => s.total > 0)).toMatchObject({ status: 'running', total: n });
    await t.platform.db.delete(uploadParts).where(eq(uploadParts.uploadId, id));
    const [left] = await rowsOf<{ n: number }>(
      t.platform.db,
      sql`select count(*)::int as n from upload_parts where upload_id = ${id}`,
    );
    expect(left!.n).toBe(0);
    expect(await pollImport(id)).toMatchObject({ status: 'done', total: n, imported: n, rejected: 0 });
  });
});
