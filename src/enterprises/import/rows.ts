/**
 * Turns a grid into enterprise profiles for one fiscal year. The header is the first row that
 * names the 统一社会信用代码 and another fact; title rows above it are read only for the year.
 * Summary rows (合计) and footnotes (注：…) are skipped and reported. Every data row is validated
 * through the profile contract: a good row becomes a profile, a bad one is reported with its row
 * number, the column at fault and why, in Chinese first with the English after (messages.ts).
 * One bad cell never stops the others. A firm's code on more than one row: see rejectDuplicates.
 */
import { parseProfile, type Profile } from '../../facts/profile.ts';
import { mapHeader, type Column, type HeaderProblem } from './columns.ts';
import type { Cell, GridRow } from '../../platform/sheets.ts';
import { cell as says, fieldReason, file, row as rowSays } from './messages.ts';

export interface GoodRow {
  row: number;
  profile: Profile;
  /** The row as it stood in the sheet, in case a later check turns it away. */
  cells: Cell[];
}
export interface BadRow {
  row: number;
  uscc: string | null;
  /** The row's own 6-digit region code, if it gives one, to tell whose region it is in. */
  regionCode: string | null;
  errors: { column: string; reason: string }[];
  /** The row as it stood in the sheet, for the file of rejected rows. */
  cells: Cell[];
}
export interface SkippedRow {
  row: number;
  why: 'summary' | 'note';
}
export interface SheetImport {
  year: number;
  headerRow: number;
  /** The header row as it stood in the sheet. */
  header: Cell[];
  columns: string[];
  /** The header of each fact's column: `{ uscc: '统一社会信用代码', revenue: '营业收入（万元）' }`. */
  headerOf: Record<string, string>;
  headerProblems: HeaderProblem[];
  good: GoodRow[];
  bad: BadRow[];
  skipped: SkippedRow[];
}

/** The sheet cannot be imported at all; the message is for the person who uploaded it. */
export class ImportError extends Error {
  override name = 'ImportError';
}

const SUMMARY = /^(合计|总计|小计|total)$/i;
const NOTE = /^(注|说明|备注|数据来源|填表说明|note)\s*[:：\d]/i;
const text = (c: Cell) => (c === null ? '' : String(c).trim());

function findHeader(rows: readonly GridRow[]): number {
  let likeliest: { row: number; headers: string[] } | undefined;
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const { columns } = mapHeader(rows[i]!.cells);
    if (columns.length >= 2 && columns.some((c) => c.fact === 'uscc')) return i;
    if (columns.length >= 2 && columns.length > (likeliest?.headers.length ?? 0))
      likeliest = { row: rows[i]!.number, headers: columns.map((c) => c.header) };
  }
  // A row naming several facts is the header, only without the code that says which firm a row is.
  if (likeliest) throw new ImportError(file.noUsccColumn(likeliest.row, likeliest.headers));
  throw new ImportError(file.noHeader());
}

/** The fiscal year a title names ("2025年度重点企业名单"), else the first year it mentions. */
function yearFromTitle(rows: readonly GridRow[]): number | undefined {
  const titles = rows.flatMap((r) => r.cells.map(text)).join(' ');
  const m = /(20\d\d|19\d\d)\s*年度/.exec(titles) ?? /(20\d\d|19\d\d)\s*年/.exec(titles);
  return m ? Number(m[1]) : undefined;
}

/** A catalog bound in the column's own unit: 0 yuan is 0 万元, a share of 1 is 100 %. */
const inColumnUnit = (bound: number, col: Column) => Number((bound / col.factor).toPrecision(12));

/**
 * A cell as the fact's value, or why it cannot be. Numbers are checked here, against the
 * catalog's bounds, so that the reason quotes the cell as written and in the column's unit
 * (营业收入（万元） −3, not −30,000 yuan); the profile validator still has the last word.
 */
function convert(col: Column, cell: Cell): { value: unknown } | { error: string } {
  if (col.def.type === 'string') return { value: text(cell) || null };
  const raw = text(cell);
  if (cell === null || raw === '') return { value: null };
  const n = typeof cell === 'number' ? cell : Number(raw.replace(/[,，\s]/g, ''));
  if (!Number.isFinite(n)) return { error: says.notNumber(col.header, raw) };
  const scaled = n * col.factor;
  if (!Number.isFinite(scaled)) return { error: says.tooLarge(col.header, raw) };
  // Money to the fen, counts to whole units after scaling out floating-point noise.
  const v = col.def.unit === 'yuan' ? Math.round(scaled * 100) / 100 : Number(scaled.toPrecision(12));
  const { type, min, max } = col.def;
  if (type === 'integer' && !Number.isInteger(v)) return { error: says.notWhole(col.header, raw) };
  if (min !== undefined && v < min) return { error: says.below(col.header, raw, inColumnUnit(min, col)) };
  if (max !== undefined && v > max) return { error: says.above(col.header, raw, inColumnUnit(max, col)) };
  return { value: v };
}

/** The value a good row's profile holds for a column. */
function valueIn(profile: Profile, col: Column, year: number): unknown {
  return (col.scope === 'yearly' ? profile.years?.[String(year)]?.[col.fact] : profile[col.fact]) ?? null;
}

/**
 * The same 统一社会信用代码 on more than one row. A list names each firm once, so a repeat is a
 * slip the bureau wants to hear about, and the platform must not guess which of two rows is right:
 *
 * - a later row that repeats an earlier one in every value is not imported again; it is reported
 *   as a duplicate of that row, so the count of firms is right and nothing is lost;
 * - rows that disagree in any value (an empty cell against a filled one too) are none of them
 *   imported: each is reported with the rows and the columns that disagree, and once the right
 *   row is kept it can be imported again (the registry is not touched meanwhile).
 *
 * Every row is still counted in `total`; the repeats are among the rejected rows. A row already
 * rejected for a cell of its own is reported for that and takes no part.
 */
function rejectDuplicates(result: SheetImport, columns: readonly Column[]): void {
  const byCode = new Map<string, GoodRow[]>();
  for (const g of result.good) {
    const code = g.profile.uscc as string;
    byCode.set(code, [...(byCode.get(code) ?? []), g]);
  }
  const header = result.headerOf.uscc!;
  const rejected = new Set<GoodRow>();
  const reject = (g: GoodRow, reason: string) => {
    rejected.add(g);
    const regionCode = typeof g.profile.regionCode === 'string' ? g.profile.regionCode : null;
    result.bad.push({
      row: g.row,
      uscc: g.profile.uscc as string,
      regionCode,
      errors: [{ column: header, reason }],
      cells: g.cells,
    });
  };
  for (const [code, rows] of byCode) {
    if (rows.length < 2) continue;
    const [first, ...later] = rows as [GoodRow, ...GoodRow[]];
    const differ = columns.filter((c) => {
      const v = JSON.stringify(valueIn(first.profile, c, result.year));
      return later.some((g) => JSON.stringify(valueIn(g.profile, c, result.year)) !== v);
    });
    if (differ.length === 0) for (const g of later) reject(g, rowSays.duplicate(header, code, first.row));
    else {
      const numbers = rows.map((g) => g.row);
      for (const g of rows)
        reject(
          g,
          rowSays.conflict(
            header,
            code,
            numbers,
            differ.map((c) => c.header),
          ),
        );
    }
  }
  if (rejected.size === 0) return;
  result.good = result.good.filter((g) => !rejected.has(g));
  result.bad.sort((a, b) => a.row - b.row);
}

export function importRows(rows: readonly GridRow[], opts: { year?: number } = {}): SheetImport {
  const h = findHeader(rows);
  const { columns, problems } = mapHeader(rows[h]!.cells);
  const year = opts.year ?? yearFromTitle(rows.slice(0, h));
  if (year === undefined) throw new ImportError(file.noYear());
  const byField = new Map<string, Column>();
  for (const c of columns) byField.set(c.scope === 'yearly' ? `years.${year}.${c.fact}` : c.fact, c);

  const result: SheetImport = {
    year,
    headerRow: rows[h]!.number,
    header: rows[h]!.cells,
    columns: columns.map((c) => c.header),
    headerOf: Object.fromEntries(columns.map((c) => [c.fact, c.header])),
    headerProblems: problems,
    good: [],
    bad: [],
    skipped: [],
  };
  for (const row of rows.slice(h + 1)) {
    const texts = row.cells.map(text).filter(Boolean);
    if (texts.length === 0) continue;
    if (texts.some((t) => SUMMARY.test(t))) {
      result.skipped.push({ row: row.number, why: 'summary' });
      continue;
    }
    if (NOTE.test(texts[0]!) && texts.length <= 2) {
      result.skipped.push({ row: row.number, why: 'note' });
      continue;
    }
    const errors: BadRow['errors'] = [];
    const scalars: Record<string, unknown> = {};
    const yearly: Record<string, unknown> = {};
    for (const col of columns) {
      const r = convert(col, row.cells[col.index] ?? null);
      if ('error' in r) errors.push({ column: col.header, reason: r.error });
      else if (r.value !== null) (col.scope === 'yearly' ? yearly : scalars)[col.fact] = r.value;
    }
    for (const required of ['uscc', 'name'] as const) {
      const col = byField.get(required);
      if (col && scalars[required] === undefined) errors.push({ column: col.header, reason: says.empty(col.header) });
    }
    const checked = parseProfile({ ...scalars, years: { [year]: yearly } });
    if (!checked.ok) {
      for (const e of checked.errors) {
        const col = byField.get(e.field);
        const column = col?.header ?? e.field;
        if (!errors.some((x) => x.column === column))
          errors.push({
            column,
            reason: fieldReason(col?.fact ?? e.field, column, col ? text(row.cells[col.index] ?? null) : '', e.message),
          });
      }
    }
    const uscc = typeof scalars.uscc === 'string' ? scalars.uscc : null;
    const regionCode =
      typeof scalars.regionCode === 'string' && /^\d{6}$/.test(scalars.regionCode) ? scalars.regionCode : null;
    if (errors.length || !checked.ok) result.bad.push({ row: row.number, uscc, regionCode, errors, cells: row.cells });
    else result.good.push({ row: row.number, profile: checked.profile, cells: row.cells });
  }
  rejectDuplicates(result, columns);
  return result;
}
