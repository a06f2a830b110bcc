import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGIONS_AS_OF } from '../../facts/regions.ts';
import { checkCharacter } from '../../facts/uscc.ts';
import { decodeText, readGrid, SheetError, type Cell, type GridRow } from '../../platform/sheets.ts';
import { fieldReason } from './messages.ts';
import { ImportError, importRows } from './rows.ts';

const dir = new URL('../../../fixtures/imports/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('wuxi-binhu-2025.expected.json', dir), 'utf8')) as {
  good: { uscc: string; employees: number; revenue_yuan: number; totalAssets_yuan: number }[];
  bad: { uscc: string; column: string }[];
};
const load = async (file: string, year?: number) =>
  importRows(await readGrid(readFileSync(new URL(file, dir)), file), { year });

/** What each of the fixture's bad rows is told, whichever file it comes from. */
const FIXTURE_REASONS: Record<string, string> = {
  '913202110000790030':
    '统一社会信用代码校验位有误：“913202110000790030”，按前17位算出的第18位应为“Q”，请核对是否抄错 (check character 18 is "0" but should be "Q")',
  '91320211000079011K': '营业收入（万元）不是数字：“约一千万” (not a number)',
  '9132021100007902XB': '企业名称为空 (empty)',
  '91320211000079038B': '从业人员（人）不能为负数：“-3” (must be ≥ 0)',
  '913202110000790466':
    '行业代码不是国民经济行业分类（GB/T 4754-2017）代码：“Z9999”，应为门类字母和/或2–4位数字，如“C3562” ("Z9999" is not a GB/T 4754-2017 code (a section letter and/or 2–4 digits))',
};

/** Chinese first, then the English in brackets: "营业收入（万元）不是数字：“abc” (not a number)". */
function isChineseFirst(reason: string): boolean {
  const at = reason.indexOf(' (');
  return at > 0 && /^\p{Script=Han}/u.test(reason) && reason.endsWith(')') && /[a-z]/i.test(reason.slice(at));
}

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
      expect(b.errors).toEqual([{ column: expect.any(String), reason: FIXTURE_REASONS[b.uscc!] }]);
      expect(isChineseFirst(b.errors[0]!.reason), b.errors[0]!.reason).toBe(true);
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

/** A valid code registered in 无锡市滨湖区. */
const code = (serial: number) => {
  const first17 = `91320211${String(serial).padStart(9, '0')}`;
  return first17 + checkCharacter(first17);
};
const grid = (header: Cell[], ...rows: Cell[][]): GridRow[] =>
  [header, ...rows].map((cells, i) => ({ number: i + 1, cells }));

describe('what the import tells the official, Chinese first', () => {
  const HEADER = ['统一社会信用代码', '企业名称', '行政区划代码', '行业代码', '从业人员（人）', '营业收入（万元）'];
  const GOOD: Cell[] = [code(1), '无锡示例有限公司', '320211', 'C3562', 50, 1200];
  /** The reason the one bad cell gets, with the good row changed at `column` to `value`. */
  const reasonFor = (column: string, value: Cell) => {
    const cells = [...GOOD];
    cells[HEADER.indexOf(column)] = value;
    const r = importRows(grid(HEADER, cells), { year: 2025 });
    expect(r.good).toHaveLength(0);
    expect(r.bad).toHaveLength(1);
    expect(r.bad[0]!.errors).toHaveLength(1);
    expect(r.bad[0]!.errors[0]!.column).toBe(column);
    return r.bad[0]!.errors[0]!.reason;
  };

  it.each<[string, Cell, string]>([
    [
      '统一社会信用代码',
      '91320211000070009',
      '统一社会信用代码应为18位，这里是17位：“91320211000070009” (has 17 characters; a 统一社会信用代码 has 18)',
    ],
    [
      '统一社会信用代码',
      '9132021100007000IA',
      '统一社会信用代码第17位“I”不是有效字符（只能用数字和除 I、O、S、V、Z 以外的大写字母）：“9132021100007000IA” (character 17 "I" is not allowed (only digits and letters other than I, O, S, V, Z))',
    ],
    [
      '统一社会信用代码',
      '91AB02110000700095',
      '统一社会信用代码第3–8位应为6位数字的登记地行政区划代码：“91AB02110000700095” (characters 3–8 "AB0211" are not a 6-digit region code)',
    ],
    ['统一社会信用代码', null, '统一社会信用代码为空 (empty)'],
    [
      '行业代码',
      'A35',
      '行业代码的门类与大类不符：“A35”，大类“35”属于门类 C，不属于门类 A (division 35 belongs to section C, not A)',
    ],
    [
      '行业代码',
      '99',
      '行业代码所指的大类“99”在 GB/T 4754-2017 中不存在：“99” (division 99 does not exist in GB/T 4754-2017)',
    ],
    [
      '行业代码',
      'C3510',
      '行业代码在 GB/T 4754-2017 中不存在：“C3510”（中类“351”下只有3511、3512、3513、3514、3515、3516、3517） (class 3510 does not exist in GB/T 4754-2017 (group 351 has 3511, 3512, 3513, 3514, 3515, 3516, 3517))',
    ],
    ['行政区划代码', '3202', '行政区划代码应为6位数字：“3202” (must be 6 digits, not "3202")'],
    [
      '行政区划代码',
      '320299',
      `行政区划代码在代码表中不存在：“320299”（依据 GB/T 2260，国家统计局 ${REGIONS_AS_OF} 版） (320299 is not a GB/T 2260 code (table of ${REGIONS_AS_OF}))`,
    ],
    ['从业人员（人）', 3.5, '从业人员（人）应为整数：“3.5” (must be a whole number)'],
    ['从业人员（人）', '五十', '从业人员（人）不是数字：“五十” (not a number)'],
    // The cell as written and in the column's unit: −3,000 万元, not −30,000,000 yuan.
    ['营业收入（万元）', '-3,000', '营业收入（万元）不能为负数：“-3,000” (must be ≥ 0)'],
    ['营业收入（万元）', '1e305', '营业收入（万元）数值过大：“1e305” (too large a number)'],
    // Finite but past any firm's: 10^13 yuan is 10^9 万元.
    ['营业收入（万元）', '2e9', '营业收入（万元）不能大于 1000000000：“2e9” (must be ≤ 1000000000)'],
    ['从业人员（人）', '20000000', '从业人员（人）不能大于 10000000：“20000000” (must be ≤ 10000000)'],
  ])('%s “%s”', (column, value, reason) => {
    const got = reasonFor(column, value);
    expect(got).toBe(reason);
    expect(isChineseFirst(got), got).toBe(true);
  });

  it('states bounds in the column’s own unit', () => {
    const r = importRows(
      grid(['统一社会信用代码', '主导产品国内细分市场占有率（%）', '主导产品国内市场排名'], [code(2), 150, 0]),
      { year: 2025 },
    );
    expect(r.bad[0]!.errors).toEqual([
      {
        column: '主导产品国内细分市场占有率（%）',
        reason: '主导产品国内细分市场占有率（%）不能大于 100：“150” (must be ≤ 100)',
      },
      { column: '主导产品国内市场排名', reason: '主导产品国内市场排名不能小于 1：“0” (must be ≥ 1)' },
    ]);
  });

  it('still reads Chinese first for a validator reason it has no translation for', () => {
    expect(fieldReason('uscc', '信用代码', 'X1', 'some wording not seen before')).toBe(
      '信用代码不符合要求：“X1” (some wording not seen before)',
    );
    expect(fieldReason('years.2025.revenue', '营业收入', '', 'must be finite')).toBe(
      '营业收入不符合要求 (must be finite)',
    );
  });

  it('explains the columns it leaves out', () => {
    const r = importRows(
      grid(['统一社会信用代码', '企业名称', '营业收入（美元）', '单位名称'], [code(3), '甲', 5, '乙']),
      {
        year: 2025,
      },
    );
    expect(r.headerProblems).toEqual([
      {
        header: '营业收入（美元）',
        reason:
          '表头“营业收入（美元）”中的单位“美元”无法识别，该列未导入；营业收入可用的单位：元、千元、万元、百万元、亿元、yuan、cny、rmb (unit "美元" is not understood for Operating revenue; the column was not imported)',
      },
      {
        header: '单位名称',
        reason:
          '表头“单位名称”与前面的“企业名称”是同一项数据（企业名称），只导入前面一列 (a second column for Enterprise name; the first one is used)',
      },
    ]);
  });

  it('says why a sheet cannot be imported at all', async () => {
    const fails = (rows: GridRow[], year?: number) => {
      try {
        importRows(rows, { year });
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        return (e as Error).message;
      }
      throw new Error('expected the import to fail');
    };
    expect(fails(grid(['序号', '企业名称', '从业人员（人）'], [1, '甲', 5]), 2025)).toBe(
      '表头中没有“统一社会信用代码”列（第1行的表头有：企业名称、从业人员（人）），无法确定每行是哪家企业；请加上这一列后重新上传 (the header on row 1 has no 统一社会信用代码 column)',
    );
    expect(fails(grid(['名单'], ['甲']), 2025)).toMatch(/^未找到表头：.* \(no header row found: /);
    expect(fails(grid(['统一社会信用代码', '企业名称'], [code(4), '甲']))).toMatch(
      /^表格标题中没有写明数据所属年度，请在导入时指定年度.* \(the fiscal year is not in the title/,
    );
    for (const [data, name] of [
      [Buffer.from('not a zip at all'), 'list.xlsx'],
      [Buffer.from('a,"b\n"c"d,e\n'), 'list.csv'],
      [Buffer.from('x'), 'list.xls'],
    ] as const) {
      const e = await readGrid(data, name).catch((x: unknown) => x);
      expect(e, name).toBeInstanceOf(SheetError);
      expect(isChineseFirst((e as Error).message), (e as Error).message).toBe(true);
    }
  });
});
