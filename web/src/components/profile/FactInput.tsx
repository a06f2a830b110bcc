/**
 * The form control for one fact, chosen by its catalog entry: money typed in 万元, ratios in %,
 * whole numbers for headcounts, yes/no, a kind from its list, a date YYYY-MM-DD. Empty means
 * "unknown" (a write clears the fact).
 */
import { Input, InputNumber, Select } from 'antd';
import type { FactDef } from '../../../../src/facts/catalog.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DateInput } from '../inputs/DateInput.tsx';
import { formatNumber, formatPercent, formatWan } from '../../format.ts';
import { enumLabel, formatValue, fromDisplay, toDisplay } from '../evaluation/index.ts';

type T = ReturnType<typeof useI18n>['t'];

/** The unit a form field is typed in: 万元, %, 人 … */
export function inputUnit(def: FactDef, t: T): string | undefined {
  switch (def.unit) {
    case 'yuan':
      return t('unit.wan');
    case 'ratio':
      return '%';
    case 'persons':
    case 'points':
    case 'items':
    case 'years':
    case 'rank':
    case 'level':
      return t(`portal.unit.${def.unit}`);
    default:
      return undefined;
  }
}

/** A value in a table cell whose heading carries the unit: 8,500.00 (万元), 12% , 120 (人), 是. */
export function cellText(v: unknown, def: FactDef, t: T): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') {
    if (def.unit === 'yuan') return formatWan(v);
    if (def.unit === 'ratio') return formatPercent(v);
    // A year or a rank without a unit reads as written (2020, not 2,020).
    return def.unit ? formatNumber(v) : String(v);
  }
  if (typeof v === 'boolean' || typeof v === 'string') return formatValue(v, null, t);
  return JSON.stringify(v);
}

/** A stored value as the form shows it (yuan → 万元, fraction → %). */
export function toForm(def: FactDef, v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  return typeof v === 'number' ? toDisplay(v, def.unit) : v;
}

/** A form value as it is stored; empty is null (unknown). */
export function fromForm(def: FactDef, v: unknown): unknown {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
  if (typeof v === 'number') {
    const n = fromDisplay(v, def.unit);
    return def.unit === 'ratio' ? Number(n.toPrecision(12)) : n;
  }
  return typeof v === 'string' ? v.trim() : v;
}

/** Thousands separators on the whole part only, so 80395.472 reads 80,395.472. */
const grouped = (v: string | number | undefined) => {
  if (v === undefined || v === '') return '';
  const [whole, frac] = String(v).split('.');
  const w = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? w : `${w}.${frac}`;
};
const ungrouped = (v: string | undefined) => (v ?? '').replace(/,/g, '');

export interface FactInputProps {
  def: FactDef;
  id?: string;
  value?: unknown;
  onChange?: (v: unknown) => void;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
  'aria-required'?: boolean | 'true' | 'false';
}

export function FactInput({ def, id, value, onChange, ...aria }: FactInputProps) {
  const { t } = useI18n();
  const unit = inputUnit(def, t);
  switch (def.type) {
    case 'number':
    case 'integer': {
      const scale = (n: number | undefined) => (n === undefined ? undefined : toDisplay(n, def.unit));
      return (
        <InputNumber<number>
          id={id}
          {...aria}
          style={{ width: '100%' }}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange?.(v ?? undefined)}
          min={scale(def.min)}
          max={scale(def.max)}
          precision={def.type === 'integer' ? 0 : undefined}
          formatter={grouped}
          parser={(s) => Number(ungrouped(s))}
          suffix={unit}
          placeholder={t('portal.input.unknown')}
        />
      );
    }
    case 'boolean':
      return (
        <Select
          id={id}
          {...aria}
          allowClear
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(v) => onChange?.(v ?? undefined)}
          placeholder={t('portal.input.unknown')}
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
        />
      );
    case 'enum':
      return (
        <Select
          id={id}
          {...aria}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={typeof value === 'string' ? value : undefined}
          onChange={(v) => onChange?.(v ?? undefined)}
          placeholder={t('portal.input.choose')}
          options={(def.values ?? []).map((v) => ({ value: v, label: enumLabel(v, t) }))}
        />
      );
    case 'date':
      return (
        <DateInput
          id={id}
          {...aria}
          style={{ width: '100%' }}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange?.(v)}
        />
      );
    default:
      return (
        <Input
          id={id}
          {...aria}
          allowClear
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange?.(e.target.value)}
          placeholder={t('portal.input.unknown')}
        />
      );
  }
}
