/**
 * Maps a header row to facts through the catalog: a header names a fact by its label or an alias,
 * and may carry its unit in brackets — 营业收入（万元） is revenue, multiplied by 10,000.
 */
import { catalog, type FactDef } from '../../facts/catalog.ts';
import type { Cell } from '../../platform/sheets.ts';
import { header as says } from './messages.ts';

export interface Column {
  index: number;
  header: string;
  /** A top-level fact (uscc, name, industryCode …) or a fiscal-year fact (revenue …). */
  scope: 'scalar' | 'yearly';
  fact: string;
  def: FactDef;
  /** Multiplies the cell into the catalog's unit (yuan, persons, fraction). */
  factor: number;
}

export interface HeaderProblem {
  header: string;
  reason: string;
}

const FACTORS: Record<string, Record<string, number>> = {
  yuan: { 元: 1, 千元: 1e3, 万元: 1e4, 百万元: 1e6, 亿元: 1e8, yuan: 1, cny: 1, rmb: 1 },
  persons: { 人: 1, 名: 1, 个: 1, persons: 1 },
  ratio: { '%': 0.01 },
};

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();

/** "营业收入（万元）" → { name: "营业收入", unit: "万元" }. */
export function splitHeader(text: string): { name: string; unit: string | null } {
  const t = squeeze(text);
  const m = /^(.*?)[（(]([^（）()]*)[）)]$/.exec(t);
  return m ? { name: m[1]!, unit: m[2]! } : { name: t, unit: null };
}

const IMPORTABLE = new Set(['string', 'number', 'integer']);

function namesOf(def: FactDef): string[] {
  const bare = def.label.zh.replace(/[（(].*$/, '');
  return [def.label.zh, bare, def.label.en, ...(def.aliases ?? [])].map(squeeze);
}

/** Every header name a fact answers to. */
const INDEX: ReadonlyMap<string, Pick<Column, 'scope' | 'fact' | 'def'>> = (() => {
  const m = new Map<string, Pick<Column, 'scope' | 'fact' | 'def'>>();
  const add = (scope: Column['scope'], facts: Readonly<Record<string, FactDef>>) => {
    for (const [fact, def] of Object.entries(facts)) {
      if (!IMPORTABLE.has(def.type)) continue;
      for (const n of namesOf(def)) if (!m.has(n)) m.set(n, { scope, fact, def });
    }
  };
  add('scalar', catalog.scalars);
  add('yearly', catalog.yearly);
  return m;
})();

export function mapHeader(cells: readonly Cell[]): { columns: Column[]; problems: HeaderProblem[] } {
  const columns: Column[] = [];
  const problems: HeaderProblem[] = [];
  cells.forEach((cell, index) => {
    if (cell === null) return;
    const header = String(cell).trim();
    const { name, unit } = splitHeader(header);
    const target = INDEX.get(name);
    if (!target) return; // 序号, 所属区县 and other columns the platform does not keep
    let factor = 1;
    if (unit !== null && target.def.unit) {
      const f = FACTORS[target.def.unit]?.[unit];
      if (f === undefined) {
        problems.push({
          header,
          reason: says.unknownUnit(header, unit, target.def.label, Object.keys(FACTORS[target.def.unit] ?? {})),
        });
        return;
      }
      factor = f;
    }
    const first = columns.find((c) => c.fact === target.fact);
    if (first) {
      problems.push({ header, reason: says.secondColumn(header, first.header, target.def.label) });
      return;
    }
    columns.push({ index, header, ...target, factor });
  });
  return { columns, problems };
}
