import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database.ts';
import { testDatabase } from '../../platform/test-database.ts';
import { currentProfile, factHistory } from '../ledger.ts';
import { rejectsWorkbook } from './rejects.ts';
import { importSpreadsheet } from './service.ts';

const file = (name: string) => readFileSync(new URL(`../../../fixtures/imports/${name}`, import.meta.url));
let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('importing a bureau list into the registry', () => {
  it('lands the good rows in the ledger as imported facts', async () => {
    const r = await importSpreadsheet(database.db, file('wuxi-binhu-2025.xlsx'), 'wuxi-binhu-2025.xlsx', {
      actor: 'import:1',
    });
    expect(r).toMatchObject({ changed: 40, unchanged: 0 });
    expect(r.sheet.bad).toHaveLength(5);
    const p = await currentProfile(database.db, '9132021100007005XD');
    expect(p).toMatchObject({
      name: '无锡市滨湖区精密生物科技有限公司6',
      industryCode: 'C3984',
      years: { '2025': { revenue: 58_798_000 } },
    });
    const [entry] = await factHistory(database.db, '9132021100007005XD', 'years.2025.revenue');
    expect(entry).toMatchObject({ source: 'import', actor: 'import:1' });
  });

  it('changes nothing when the same list is imported again, from either file', async () => {
    const again = await importSpreadsheet(database.db, file('wuxi-binhu-2025.xlsx'), 'wuxi-binhu-2025.xlsx', {
      actor: 'import:2',
    });
    expect(again).toMatchObject({ changed: 0, unchanged: 40, factsWritten: 0 });
    const csv = await importSpreadsheet(database.db, file('wuxi-binhu-2025-gbk.csv'), 'wuxi-binhu-2025-gbk.csv', {
      year: 2025,
      actor: 'import:3',
    });
    expect(csv).toMatchObject({ changed: 0, factsWritten: 0 });
    expect(await currentProfile(database.db, '913202110000790030')).toBeNull();
  });

  it('gives the rejected rows back as a spreadsheet with the reason beside each', async () => {
    const r = await importSpreadsheet(database.db, file('wuxi-binhu-2025.xlsx'), 'wuxi-binhu-2025.xlsx', {
      actor: 'import:4',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await rejectsWorkbook(r.sheet)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(1).getCell(1).value).toBe('原行号');
    const last = sheet.getRow(1).cellCount;
    expect(sheet.getRow(1).getCell(last).value).toBe('错误原因');
    const reasons = new Map(
      [2, 3, 4, 5, 6].map((i) => [sheet.getRow(i).getCell(1).value, String(sheet.getRow(i).getCell(last).value)]),
    );
    // Each reason names its column and reads Chinese first, the English after.
    expect(reasons.get(16)).toBe(
      '统一社会信用代码校验位有误：“913202110000790030”，按前17位算出的第18位应为“Q”，请核对是否抄错 (check character 18 is "0" but should be "Q")',
    );
    expect(reasons.get(28)).toBe('营业收入（万元）不是数字：“约一千万” (not a number)');
  });
});
