/** How values read to people: money in 万元 (zh) or yuan (en), ratios as percentages. */
import type { Label, Unit } from './types.ts';

export type Lang = 'zh' | 'en';

// Number formats are costly to build, and gap search formats many values: build each once.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = formats.get(key);
  if (!f)
    formats.set(key, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

const trim = (n: number, digits: number) => numberFormat(0, digits).format(n);

export function formatValue(v: number | string | boolean | null, unit: Unit | null, lang: Lang): string {
  if (v === null) return lang === 'zh' ? '未知' : 'unknown';
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  switch (unit) {
    case 'yuan':
      return lang === 'zh' ? `${numberFormat(2, 2).format(v / 10_000)}万元` : `¥${trim(v, 0)}`;
    case 'ratio':
      return `${trim(v * 100, 2)}%`;
    case 'persons':
      return lang === 'zh' ? `${trim(v, 0)}人` : `${trim(v, 0)} persons`;
    case 'points':
      return lang === 'zh' ? `${trim(v, 2)}分` : `${trim(v, 2)} pts`;
    case 'items':
      return lang === 'zh' ? `${trim(v, 0)}项` : `${trim(v, 0)}`;
    case 'years':
      return lang === 'zh' ? `${trim(v, 0)}年` : `${trim(v, 0)} years`;
    case 'rank':
      return lang === 'zh' ? `第${trim(v, 0)}名` : `#${trim(v, 0)}`;
    case 'level':
      return lang === 'zh' ? `${trim(v, 0)}级` : `level ${trim(v, 0)}`;
    default:
      return trim(v, 4);
  }
}

export function formatDelta(d: number, unit: Unit | null, lang: Lang): string {
  return (d >= 0 ? '+' : '−') + formatValue(Math.abs(d), unit, lang);
}

export const OPS: Record<string, Label> = {
  '>=': { zh: '≥', en: '≥' },
  '>': { zh: '>', en: '>' },
  '<=': { zh: '≤', en: '≤' },
  '<': { zh: '<', en: '<' },
  '==': { zh: '=', en: '=' },
  '!=': { zh: '≠', en: '≠' },
};
