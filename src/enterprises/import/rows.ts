/**
 * Turns a grid into enterprise profiles for one fiscal year. The header is the first row that
 * names the 统一社会信用代码 and another fact; title rows above it are read only for the year.
 * Summary rows (合计) and footnotes (注：…) are skipped and reported. Every data row is validated
 * through the profile contract: a good row becomes a profile, a bad one is reported with its row
 * number, the column at fault and why. One bad cell never stops the others.
 */
import { parseProfile, type Profile } from '../../facts/profile.ts';
import { mapHeader, type Column, type HeaderProblem } from './columns.ts';
import type { Cell, GridRow } from './grid.ts';

export interface GoodRow {
  row: number;
  profile: Profile;
  /** The row as it stood in the sheet, in case a later check turns it away. */
  cells: Cell[];
}
export interface BadRow {
  row: number;
  uscc: string | null;
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
  headerProblems: HeaderProblem[];
  good: GoodRow[];
  bad: BadRow[];
  skipped: SkippedRow[];
}

export class ImportError extends Error {}

const SUMMARY = /^(合计|总计|小计|total)$/i;
const NOTE = /^(注|说明|备注|数据来源|填表说明|note)\s*[:：\d]/i;
const text = (c: Cell) => (c === null ? '' : String(c).trim());

function findHeader(rows: readonly GridRow[]): number {
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const { columns } = mapHeader(rows[i]!.cells);
    if (columns.length >= 2 && columns.some((c) => c.fact === 'uscc')) return i;
  }
  throw new ImportError('no header row found: a header row names 统一社会信用代码 and at least one other fact');
}

/** The fiscal year a title names ("2025年度重点企业名单"), else the first year it mentions. */
function yearFromTitle(rows: readonly GridRow[]): number | undefined {
  const titles = rows.flatMap((r) => r.cells.map(text)).join(' ');
  const m = /(20\d\d|19\d\d)\s*年度/.exec(titles) ?? /(20\d\d|19\d\d)\s*年/.exec(titles);
  return m ? Number(m[1]) : undefined;
}

function convert(col: Column, cell: Cell): { value: unknown } | { error: string } {
  if (col.def.type === 'string') return { value: text(cell) || null };
  if (cell === null || text(cell) === '') return { value: null };
  const n = typeof cell === 'number' ? cell : Number(text(cell).replace(/[,，\s]/g, ''));
  if (!Number.isFinite(n)) return { error: `"${text(cell)}" is not a number` };
  const v = n * col.factor;
  // Money to the fen, counts to whole units after scaling out floating-point noise.
  return { value: col.def.unit === 'yuan' ? Math.round(v * 100) / 100 : Number(v.toPrecision(12)) };
}

export function importRows(rows: readonly GridRow[], opts: { year?: number } = {}): SheetImport {
  const h = findHeader(rows);
  const { columns, problems } = mapHeader(rows[h]!.cells);
  const year = opts.year ?? yearFromTitle(rows.slice(0, h));
  if (year === undefined) throw new ImportError('the fiscal year is not in the title: give it explicitly');
  const byField = new Map<string, Column>();
  for (const c of columns) byField.set(c.scope === 'yearly' ? `years.${year}.${c.fact}` : c.fact, c);

  const result: SheetImport = {
    year,
    headerRow: rows[h]!.number,
    header: rows[h]!.cells,
    columns: columns.map((c) => c.header),
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
      if (col && scalars[required] === undefined)
        errors.push({ column: col.header, reason: `${col.def.label.zh}为空 (empty)` });
    }
    const checked = parseProfile({ ...scalars, years: { [year]: yearly } });
    if (!checked.ok) {
      for (const e of checked.errors) {
        const col = byField.get(e.field);
        if (!errors.some((x) => x.column === col?.header))
          errors.push({ column: col?.header ?? e.field, reason: e.message });
      }
    }
    const uscc = typeof scalars.uscc === 'string' ? scalars.uscc : null;
    if (errors.length || !checked.ok) result.bad.push({ row: row.number, uscc, errors, cells: row.cells });
    else result.good.push({ row: row.number, profile: checked.profile, cells: row.cells });
  }
  return result;
}
