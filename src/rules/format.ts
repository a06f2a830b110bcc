/** How values read to people: money in 万元 (zh) or yuan (en), ratios as percentages. */
import type { Label, Unit } from './types.ts';

export type Lang = 'zh' | 'en';

const trim = (n: number, digits: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });

export function formatValue(v: number | string | boolean | null, unit: Unit | null, lang: Lang): string {
  if (v === null) return lang === 'zh' ? '未知' : 'unknown';
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  switch (unit) {
    case 'yuan':
      return lang === 'zh'
        ? `${(v / 10_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}万元`
        : `¥${trim(v, 0)}`;
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
