/**
 * One fact as a labelled form field, built from its catalog entry: money in 万元 (stored in yuan),
 * ratios in % (stored as fractions), yes/no as a radio pair, kinds as a select, dates as a date field.
 */
import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { enumLabel, fromDisplay, toDisplay, type Unit } from '../../components/evaluation/index.ts';
import type { FactDef } from '../../../../src/facts/catalog.ts';
import { DateInput } from '../../components/inputs/DateInput.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** A DOM id for a fact path (`years.2025.revenue` → `fact-years-2025-revenue`). */
export const fieldId = (path: string) => `fact-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

const PLACEHOLDERS: Record<
  string,
  'calculator.placeholder.regionCode' | 'calculator.placeholder.industryCode' | 'calculator.placeholder.uscc'
> = {
  regionCode: 'calculator.placeholder.regionCode',
  industryCode: 'calculator.placeholder.industryCode',
  uscc: 'calculator.placeholder.uscc',
};

export interface FactFieldProps {
  path: string;
  def: FactDef;
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  /** The server's complaint about this value, if any. */
  error?: string;
  /** The engine asks for it (it can still change a verdict). */
  asked?: boolean;
  extra?: ReactNode;
}

export function unitWord(unit: Unit | undefined, t: ReturnType<typeof useI18n>['t']): string {
  if (!unit) return '';
  if (unit === 'yuan') return t('calculator.unit.wan');
  if (unit === 'ratio') return t('calculator.unit.percent');
  return t(`calculator.unit.${unit}`);
}

export function FactField({ path, def, label, value, onChange, error, asked, extra }: FactFieldProps) {
  const { t } = useI18n();
  const id = fieldId(path);
  const name = path
    .split('.')
    .pop()!
    .replace(/\[\d+\]/, '');
  const unit = unitWord(def.unit, t);
  let control: ReactNode;
  switch (def.type) {
    case 'number':
    case 'integer': {
      const shown = typeof value === 'number' ? toDisplay(value, def.unit) : null;
      const ratio = def.unit === 'ratio';
      control = (
        <InputNumber
          id={id}
          data-testid={`field-${path}`}
          value={shown}
          min={def.min === undefined ? undefined : toDisplay(def.min, def.unit)}
          max={def.max === undefined ? (ratio ? 100 : undefined) : toDisplay(def.max, def.unit)}
          precision={def.type === 'integer' && def.unit !== 'yuan' ? 0 : undefined}
          step={def.unit === 'yuan' ? 10 : 1}
          suffix={unit || undefined}
          onChange={(v) => onChange(v === null || v === undefined ? undefined : fromDisplay(Number(v), def.unit))}
          style={{ width: '100%', maxWidth: 260 }}
          inputMode="decimal"
        />
      );
      break;
    }
    case 'boolean':
      control = (
        <Space wrap>
          <Radio.Group
            id={id}
            data-testid={`field-${path}`}
            value={typeof value === 'boolean' ? value : undefined}
            onChange={(e) => onChange(e.target.value as boolean)}
            options={[
              { value: true, label: t('common.yes') },
              { value: false, label: t('common.no') },
            ]}
            aria-label={label}
          />
          {typeof value === 'boolean' && (
            <Button autoInsertSpace={false} size="small" type="link" onClick={() => onChange(undefined)}>
              {t('calculator.clear')}
            </Button>
          )}
        </Space>
      );
      break;
    case 'enum':
      control = (
        <Select
          id={id}
          data-testid={`field-${path}`}
          allowClear
          value={typeof value === 'string' ? value : undefined}
          onChange={(v: string | undefined) => onChange(v ?? undefined)}
          options={(def.values ?? []).map((v) => ({ value: v, label: enumLabel(v, t) }))}
          style={{ width: '100%', maxWidth: 360 }}
          placeholder={t('calculator.select')}
        />
      );
      break;
    case 'date':
      control = (
        <DateInput
          id={id}
          data-testid={`field-${path}`}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
        />
      );
      break;
    default:
      control = (
        <Input
          id={id}
          data-testid={`field-${path}`}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          placeholder={PLACEHOLDERS[name] ? t(PLACEHOLDERS[name]) : undefined}
          style={{ maxWidth: 360 }}
          autoComplete="off"
        />
      );
  }
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      validateStatus={error ? 'error' : asked && value === undefined ? 'warning' : undefined}
      help={error ?? extra}
      style={{ marginBottom: 16 }}
    >
      {control}
    </Form.Item>
  );
}
