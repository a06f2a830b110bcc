/** How evaluation values read: a value with its unit (money in 万元, ratios in %), a requirement, a verdict. */
import { formatNumber, formatPercent, formatWan } from '../../format.ts';
import type { useI18n } from '../../i18n/index.tsx';
import { zhCN } from '../../i18n/zh-CN.ts';
import type { EvaluationCriterion, Unit, Verdict } from './types.ts';

type T = ReturnType<typeof useI18n>['t'];
type Key = Parameters<T>[0];

/** 合格 / 不合格 / 待定 (Qualified / Not qualified / Undetermined). */
export const verdictLabel = (verdict: Verdict, t: T): string => t(`evaluation.verdict.${verdict}`);

/** The word for a value of an enum fact (`invention_patent` → 发明专利), or the value itself. */
export function enumLabel(value: string, t: T): string {
  const key = `evaluation.enum.${value}`;
  return key in zhCN ? t(key as Key) : value;
}

/** A number with its unit: 8,500.00 万元, 24%, 120 人, 26 分 … */
export function formatValue(
  value: number | string | boolean | null | undefined,
  unit: Unit | null | undefined,
  t: T,
): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string') return enumLabel(value, t);
  switch (unit) {
    case 'yuan':
      return `${formatWan(value)} ${t('unit.wan')}`;
    case 'ratio':
      return formatPercent(value);
    case 'persons':
    case 'points':
    case 'items':
    case 'years':
    case 'rank':
    case 'level':
      return t(`evaluation.unit.${unit}`, { n: formatNumber(value) });
    default:
      return formatNumber(value);
  }
}

const OPS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '==': '=', '!=': '≠' };

/** A requirement: "≥ 100.00 万元", "= 是", "已填写". */
export function formatRequired(required: EvaluationCriterion['required'], unit: Unit | null | undefined, t: T): string {
  if (!required) return '';
  if (required.value === '' && required.op === '!=') return t('evaluation.required.present');
  return `${OPS[required.op] ?? required.op} ${formatValue(required.value, unit, t)}`;
}

/** A stored value as a form shows it: money in 万元, ratios in %; other units as they are. */
export const toDisplay = (v: number, unit: Unit | null | undefined): number =>
  unit === 'yuan' ? v / 10_000 : unit === 'ratio' ? Math.round(v * 1_000_000) / 10_000 : v;

/** A value entered in a form (万元, %) as the profile stores it (yuan, fraction). */
export const fromDisplay = (v: number, unit: Unit | null | undefined): number =>
  unit === 'yuan' ? Math.round(v * 10_000) : unit === 'ratio' ? v / 100 : v;

/** Today in the browser's time zone, as YYYY-MM-DD (toISOString would give the UTC date). */
export const localToday = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
