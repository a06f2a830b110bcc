/**
 * Band tables (分档计分): rows of explicit intervals, so each edge rule is written out —
 * "[3%, 5%)" for the 科技型 tables, "(55%, 75%)" where a shared edge belongs to the other band.
 */

export interface Interval {
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
}

export interface BandRow extends Interval {
  value: number;
  text: string;
}

const INTERVAL = /^\s*([[(])\s*([^,\s]+)\s*,\s*([^\]\s)]+)\s*([\])])\s*$/;

function bound(s: string): number | undefined {
  const t = s.replace(/^\+/, '');
  if (t === 'inf' || t === '∞') return Infinity;
  if (t === '-inf' || t === '-∞') return -Infinity;
  const pct = t.endsWith('%');
  const n = Number(pct ? t.slice(0, -1) : t);
  if (!Number.isFinite(n)) return undefined;
  return pct ? Math.round(n * 1e6) / 1e8 : n;
}

/** Parses "[0.03, 0.05)", "[3%, 5%)", "(-inf, 55%]"; returns an error text when malformed. */
export function parseInterval(text: string): Interval | string {
  const m = INTERVAL.exec(text);
  if (!m) return `"${text}" is not an interval such as "[3%, 5%)" or "[0.3, inf)"`;
  const lo = bound(m[2]!);
  const hi = bound(m[3]!);
  if (lo === undefined || hi === undefined) return `"${text}" has a bound that is not a number, a percentage or inf`;
  if (lo > hi || (lo === hi && !(m[1] === '[' && m[4] === ']'))) return `"${text}" is empty`;
  return { lo, hi, loIn: m[1] === '[', hiIn: m[4] === ']' };
}

const tol = (a: number) => (Number.isFinite(a) ? 1e-12 * Math.max(1, Math.abs(a)) : 0);

/** An end at ±inf holds ±∞ itself, so x / 0 = ∞ falls in the open-ended top band. */
export function contains(iv: Interval, x: number): boolean {
  const aboveLo = iv.lo === -Infinity || (iv.loIn ? x >= iv.lo - tol(iv.lo) : x > iv.lo + tol(iv.lo));
  const belowHi = iv.hi === Infinity || (iv.hiIn ? x <= iv.hi + tol(iv.hi) : x < iv.hi - tol(iv.hi));
  return aboveLo && belowHi;
}

/** Rows that a value somewhere in [lo, hi] could fall in. */
export function overlapping(rows: readonly BandRow[], lo: number, hi: number): BandRow[] {
  return rows.filter(
    (r) =>
      !(
        hi < r.lo ||
        lo > r.hi ||
        (hi === r.lo && !r.loIn && r.lo !== -Infinity) ||
        (lo === r.hi && !r.hiIn && r.hi !== Infinity)
      ),
  );
}

/** Checks that rows do not overlap; returns the offending pair's texts. */
export function findOverlap(rows: readonly BandRow[]): [string, string] | undefined {
  const sorted = [...rows].sort((a, b) => a.lo - b.lo || Number(b.loIn) - Number(a.loIn));
  for (let i = 1; i < sorted.length; i++) {
    const p = sorted[i - 1]!;
    const q = sorted[i]!;
    if (q.lo < p.hi || (q.lo === p.hi && q.loIn && p.hiIn)) return [p.text, q.text];
  }
  return undefined;
}

/** The row a value falls in, or undefined when the table has a hole there. */
export function lookup(rows: readonly BandRow[], x: number): BandRow | undefined {
  for (let i = 0; i < rows.length; i++) if (contains(rows[i]!, x)) return rows[i];
  return undefined;
}
