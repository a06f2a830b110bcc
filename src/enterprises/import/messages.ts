/**
 * Everything an import tells the people who hand over the lists — the reason beside each rejected
 * row, in the job's `errors`, in the file of rejected rows and in a failed import's `failure` —
 * reads Chinese first with the English after: 营业收入（万元）不是数字：“abc” (not a number).
 *
 * The code checks of src/facts (统一社会信用代码, industry, region) and the profile validator answer
 * in English, which the CLI, the API and the policy tests rely on; their reasons are translated
 * here, at the import's edge, and kept as the English part. A reason this module does not know
 * still reads Chinese first (…不符合要求) with the validator's words after, never English alone.
 */
import { regionFullName, REGIONS_AS_OF } from '../../facts/regions.ts';

/** "中文 (English)". */
export const both = (zh: string, en: string): string => `${zh} (${en})`;
const q = (v: unknown): string => `“${String(v)}”`;
const list = (items: readonly (string | number)[]): string => items.join('、');

// ---- cells -----------------------------------------------------------------------------------

export const cell = {
  empty: (header: string) => both(`${header}为空`, 'empty'),
  notNumber: (header: string, raw: string) => both(`${header}不是数字：${q(raw)}`, 'not a number'),
  tooLarge: (header: string, raw: string) => both(`${header}数值过大：${q(raw)}`, 'too large a number'),
  notWhole: (header: string, raw: string) => both(`${header}应为整数：${q(raw)}`, 'must be a whole number'),
  /** `min` in the column's own unit (万元 for a 万元 column). */
  below: (header: string, raw: string, min: number) =>
    min === 0
      ? both(`${header}不能为负数：${q(raw)}`, 'must be ≥ 0')
      : both(`${header}不能小于 ${min}：${q(raw)}`, `must be ≥ ${min}`),
  above: (header: string, raw: string, max: number) => both(`${header}不能大于 ${max}：${q(raw)}`, `must be ≤ ${max}`),
};

// ---- code checks and other validator reasons ---------------------------------------------------

type Translate = (header: string, value: string, m: RegExpExecArray) => string;

const INDUSTRY_LEVEL: Record<string, string> = { section: '门类', division: '大类', group: '中类', class: '小类' };
const level = (l: string) => INDUSTRY_LEVEL[l] ?? l;

/** checkUscc's reasons (src/facts/uscc.ts). */
const USCC: [RegExp, Translate][] = [
  [/^has (\d+) characters; a 统一社会信用代码 has 18$/, (h, v, m) => `${h}应为18位，这里是${m[1]}位：${q(v)}`],
  [
    /^character (\d+) "(.*)" is not allowed/,
    (h, v, m) => `${h}第${m[1]}位“${m[2]}”不是有效字符（只能用数字和除 I、O、S、V、Z 以外的大写字母）：${q(v)}`,
  ],
  [
    /^characters 3–8 "(.*)" are not a 6-digit region code$/,
    (h, v) => `${h}第3–8位应为6位数字的登记地行政区划代码：${q(v)}`,
  ],
  [
    /^check character 18 is "(.*)" but should be "(.*)"$/,
    (h, v, m) => `${h}校验位有误：${q(v)}，按前17位算出的第18位应为“${m[2]}”，请核对是否抄错`,
  ],
];

/** normalizeIndustryCode's reasons (src/facts/industry.ts). */
const INDUSTRY: [RegExp, Translate][] = [
  [
    /^".*" is not a GB\/T 4754-2017 code/,
    (h, v) => `${h}不是国民经济行业分类（GB/T 4754-2017）代码：${q(v)}，应为门类字母和/或2–4位数字，如“C3562”`,
  ],
  [/^no section (.*)$/, (h, v) => `${h}所指的门类在 GB/T 4754-2017 中不存在：${q(v)}`],
  [
    /^division (\d+) does not exist in GB\/T 4754-2017$/,
    (h, v, m) => `${h}所指的大类“${m[1]}”在 GB/T 4754-2017 中不存在：${q(v)}`,
  ],
  [
    /^division (\d+) belongs to section (\w+), not (\w+)$/,
    (h, v, m) => `${h}的门类与大类不符：${q(v)}，大类“${m[1]}”属于门类 ${m[2]}，不属于门类 ${m[3]}`,
  ],
  [
    /^(\w+) (\d+) does not exist in GB\/T 4754-2017 \((\w+) (\d+) has (.*)\)$/,
    (h, v, m) =>
      `${h}在 GB/T 4754-2017 中不存在：${q(v)}（${level(m[3]!)}“${m[4]}”下只有${list(m[5]!.split(/,\s*/))}）`,
  ],
];

/** checkRegionCode's reasons (src/facts/regions.ts). */
const REGION: [RegExp, Translate][] = [
  [/^must be 6 digits/, (h, v) => `${h}应为6位数字：${q(v)}`],
  [
    /^\d+ is not a GB\/T 2260 code/,
    (h, v) => `${h}在代码表中不存在：${q(v)}（依据 GB/T 2260，国家统计局 ${REGIONS_AS_OF} 版）`,
  ],
];

const BY_FIELD: Record<string, [RegExp, Translate][]> = { uscc: USCC, industryCode: INDUSTRY, regionCode: REGION };

/**
 * A reason the profile validator gave for a field, for the column `header` whose cell reads
 * `value`: Chinese first, the validator's English after.
 */
export function fieldReason(field: string, header: string, value: string, message: string): string {
  for (const [pattern, zh] of BY_FIELD[field] ?? []) {
    const m = pattern.exec(message);
    if (m) return both(zh(header, value, m), message);
  }
  return both(value ? `${header}不符合要求：${q(value)}` : `${header}不符合要求`, message);
}

// ---- rows turned away as a whole ---------------------------------------------------------------

export const row = {
  /** A reviewer importing a firm outside the region they are bound to. */
  outsideRegion: (scope: string) =>
    both(`该企业不在您的辖区（${regionFullName(scope) ?? scope}）内，不能由您导入`, `outside your region ${scope}`),
  /** A later row repeating an earlier row's code and every value. */
  duplicate: (header: string, code: string, first: number) =>
    both(
      `${header}与第${first}行重复：${q(code)}，两行数据相同，已按第${first}行导入一次`,
      `the same code and values as row ${first}; imported once`,
    ),
  /** Rows with the same code and different values: none is imported. */
  conflict: (header: string, code: string, rows: readonly number[], columns: readonly string[]) =>
    both(
      `${header}在第${list(rows)}行重复出现且数据不一致（${list(columns)}）：${q(code)}，无法确定哪一行正确，均未导入；请核对后只保留一行再导入`,
      `the same code is on rows ${rows.join(', ')} with different values; none of them was imported`,
    ),
};

// ---- the header ----------------------------------------------------------------------------------

export const header = {
  unknownUnit: (text: string, unit: string, label: { zh: string; en: string }, units: readonly string[]) =>
    both(
      `表头“${text}”中的单位“${unit}”无法识别，该列未导入；${label.zh}可用的单位：${list(units)}`,
      `unit "${unit}" is not understood for ${label.en}; the column was not imported`,
    ),
  secondColumn: (text: string, first: string, label: { zh: string; en: string }) =>
    both(
      `表头“${text}”与前面的“${first}”是同一项数据（${label.zh}），只导入前面一列`,
      `a second column for ${label.en}; the first one is used`,
    ),
};

// ---- the file as a whole (an import that fails) ---------------------------------------------------

export const file = {
  unsupported: (name: string) =>
    both(`只能导入 .xlsx 或 .csv 文件：${q(name)}`, `${name}: only .xlsx and .csv files can be imported`),
  unreadableXlsx: (why: string) =>
    both(
      '无法读取该 .xlsx 文件：文件可能已损坏，或并不是 Excel 工作簿；请用 Excel 或 WPS 打开后另存为 .xlsx 再上传',
      `not a readable .xlsx file: ${why}`,
    ),
  noWorksheet: () => both('该工作簿中没有工作表', 'the workbook has no worksheet'),
  unreadableCsv: (why: string) =>
    both(
      '无法按 CSV 格式读取该文件：可能引号不成对，或并不是 CSV 文本；请用 Excel 或 WPS 打开后另存为 .csv 或 .xlsx 再上传',
      `not a readable .csv file: ${why}`,
    ),
  /** Some row looks like a header, but without the column that says which firm a row is. */
  noUsccColumn: (row: number, headers: readonly string[]) =>
    both(
      `表头中没有“统一社会信用代码”列（第${row}行的表头有：${list(headers)}），无法确定每行是哪家企业；请加上这一列后重新上传`,
      `the header on row ${row} has no 统一社会信用代码 column`,
    ),
  noHeader: () =>
    both(
      '未找到表头：前20行中没有一行同时含有“统一社会信用代码”列和另一项数据（如企业名称、营业收入（万元））',
      'no header row found: a header row names 统一社会信用代码 and at least one other fact',
    ),
  noYear: () =>
    both(
      '表格标题中没有写明数据所属年度，请在导入时指定年度（上传时填写“年度”year，命令行用 --year）',
      'the fiscal year is not in the title: give it explicitly',
    ),
};
