/**
 * Spreadsheets the platform writes carry text that firms typed: a firm named like a formula, a bank
 * branch like a DDE command, a search like a formula. Opened by the finance office or a bureau, each
 * must be a text cell, never a formula: the payment list and the enterprise list are read back
 * with exceljs and as their raw sheet XML.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFacts } from '../enterprises/ledger.ts';
import { projector } from '../enterprises/tags.ts';
import { createUser } from '../platform/auth.ts';
import { unzip } from '../platform/test-zip.ts';
import { answer, PASSWORD, screeningDone, testApp, usccFor, type Send, type TestApp } from '../server/test-app.ts';

const BACKEND = process.env.HUIQI_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const XINWU = 'local.320214.high-tech-reward';
const AS_OF = '2026-03-01';
/** What a spreadsheet program would run if these were formulas: a link, a command, a sum. */
const TRICKS = ['=HYPERLINK("http://x","点我")', "+cmd|' /C calc'!A0", '@SUM(1)', '-1+1'];

let t: TestApp;
let reviewer: Send;
const firms = TRICKS.map((name, i) => ({ uscc: usccFor('320214', 700 + i), name, bankName: TRICKS.at(i - 1)! }));

beforeAll(async () => {
  t = await testApp();
  t.platform.today = () => '2026-03-02';
  const project = projector(t.platform.policies, AS_OF);
  for (const f of firms) {
    const honors = [{ kind: 'high_tech_enterprise', validFrom: '2025-11-20', validTo: '2028-11-20' }];
    await recordFacts(
      t.platform.db,
      f.uscc,
      { name: f.name, regionCode: '320214', industryCode: 'C3562', honors },
      { source: 'registry', actor: 'test' },
      project,
    );
    await createUser(t.platform.db, {
      username: `firm-${f.uscc}`,
      password: PASSWORD,
      displayName: f.name,
      role: 'enterprise',
      uscc: f.uscc,
    });
  }
  reviewer = await t.as('reviewer');
  const s = await answer<{ id: number }>(
    reviewer('/api/v1/screenings', { method: 'POST', json: { policyId: XINWU, asOf: AS_OF } }),
    202,
  );
  expect(await screeningDone(reviewer, s.id)).toMatchObject({ status: 'done', counts: { qualified: firms.length } });
  await answer(reviewer(`/api/v1/screenings/${s.id}/publish`, { method: 'POST', json: {} }), 200);
  for (const f of firms) {
    const firm = (await t.login(`firm-${f.uscc}`)).send;
    const [offer] = (await answer<{ items: { id: number; version: number }[] }>(firm('/api/v1/claims'), 200)).items;
    await answer(
      firm(`/api/v1/claims/${offer!.id}/confirm`, {
        method: 'POST',
        json: { version: offer!.version, bankName: f.bankName, accountName: f.name, accountNo: '6222020200112233' },
      }),
      200,
    );
  }
}, 120_000);

afterAll(() => t?.close());

/** Every cell of every sheet, read back by exceljs: its value and whether it is a formula. */
async function cellsOf(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  const cells: { value: unknown; type: ExcelJS.ValueType; formula: string | undefined }[] = [];
  for (const sheet of book.worksheets)
    sheet.eachRow((row) => row.eachCell((c) => cells.push({ value: c.value, type: c.type, formula: c.formula })));
  return cells;
}

/** The file's sheets as XML: a formula is an <f> element, whatever a reader makes of it. */
async function sheetXml(file: Buffer): Promise<string> {
  const parts = await unzip(file);
  return [...parts]
    .filter(([name]) => name.startsWith('xl/worksheets/'))
    .map(([, xml]) => xml.toString('utf8'))
    .join('');
}

async function expectTextOnly(file: Buffer, texts: string[]) {
  const cells = await cellsOf(file);
  expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula !== undefined)).toEqual([]);
  for (const text of texts)
    expect(cells.filter((c) => c.value === text).map((c) => c.type)).toContainEqual(ExcelJS.ValueType.String);
  expect(await sheetXml(file)).not.toMatch(/<f[\s>/]/);
}

describe(`formula-looking text in the spreadsheets the platform writes, on ${BACKEND}`, () => {
  it('the payment list gives firm names and bank branches as text cells, never formulas', async () => {
    const res = await reviewer(`/api/v1/policies/${XINWU}/payments/export`, { method: 'POST', json: {} });
    expect(res.status).toBe(200);
    const file = Buffer.from(await res.arrayBuffer());
    await expectTextOnly(file, TRICKS);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.getWorksheet('支付清单')!.eachRow((r, n) => n > 1 && rows.push([2, 3, 6, 7].map((c) => r.getCell(c).value)));
    expect(rows).toEqual(firms.map((f) => [f.uscc, f.name, f.bankName, f.name]));
  });

  it('the enterprise list gives firm names and the search as text cells, never formulas', async () => {
    const q = encodeURIComponent('=HYPERLINK');
    const res = await reviewer(`/api/v1/enterprises/export.xlsx?q=${q}`);
    expect(res.status).toBe(200);
    await expectTextOnly(Buffer.from(await res.arrayBuffer()), [TRICKS[0]!, '=HYPERLINK']);
    const all = await reviewer('/api/v1/enterprises/export.xlsx');
    await expectTextOnly(Buffer.from(await all.arrayBuffer()), TRICKS);
  });
});
