import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, readGrid, SheetError } from './grid.ts';
import { ImportError, importRows } from './rows.ts';

const dir = new URL('../../../fixtures/imports/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('wuxi-binhu-2025.expected.json', dir), 'utf8')) as {
  good: { uscc: string; employees: number; revenue_yuan: number; totalAssets_yuan: number }[];
  bad: { uscc: string; column: string }[];
};
const load = async (file: string, year?: number) =>
  importRows(await readGrid(readFileSync(new URL(file, dir)), file), { year });

describe.each([
  ['wuxi-binhu-2025.xlsx', undefined],
  ['wuxi-binhu-2025-gbk.csv', 2025],
])('importing %s as a bureau circulates it', (file, year) => {
  it('lands the 40 good rows with 万元 converted to yuan', async () => {
    const r = await load(file, year);
    expect(r.year).toBe(2025);
    const got = r.good.map(({ profile: p }) => ({
      uscc: p.uscc,
      employees: p.years?.['2025']?.employees,
      revenue_yuan: p.years?.['2025']?.revenue,
      totalAssets_yuan: p.years?.['2025']?.totalAssets,
    }));
    expect(got.sort((a, b) => a.uscc!.localeCompare(b.uscc!))).toEqual(
      [...expected.good].sort((a, b) => a.uscc.localeCompare(b.uscc)),
    );
  });

  it('reports each bad row with its row number and the column at fault', async () => {
    const r = await load(file, year);
    const got = r.bad.map((b) => ({ uscc: b.uscc, column: b.errors[0]!.column }));
    expect(got.sort((a, b) => a.uscc!.localeCompare(b.uscc!))).toEqual(
      [...expected.bad].sort((a, b) => a.uscc.localeCompare(b.uscc)),
    );
    for (const b of r.bad) {
      expect(b.row).toBeGreaterThan(r.headerRow);
      expect(b.errors[0]!.reason.length).toBeGreaterThan(3);
    }
  });

  it('does not take the 合计 row or the footnote for enterprises', async () => {
    const r = await load(file, year);
    expect(r.good.length + r.bad.length).toBe(45);
    expect(r.good.some((g) => /合计|注/.test(String(g.profile.name)))).toBe(false);
  });
});

describe('sheet reading', () => {
  it('finds the header below merged title rows and reads the year from the title', async () => {
    const r = await load('wuxi-binhu-2025.xlsx');
    expect(r.headerRow).toBe(3);
    expect(r.year).toBe(2025);
    expect(r.skipped).toEqual([
      { row: 49, why: 'summary' },
      { row: 50, why: 'note' },
    ]);
  });

  it('reads GBK and UTF-8 text alike', () => {
    const gbk = readFileSync(new URL('wuxi-binhu-2025-gbk.csv', dir));
    const text = decodeText(gbk);
    expect(text).toContain('统一社会信用代码');
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
  });

  it('asks for the year when no title names it, and refuses other file types', async () => {
    const csv = readFileSync(new URL('wuxi-binhu-2025-gbk.csv', dir));
    await expect(readGrid(csv, 'list.csv').then((g) => importRows(g))).rejects.toThrow(ImportError);
    await expect(readGrid(csv, 'list.xls')).rejects.toThrow(SheetError);
  });
});
