/**
 * 修正数据: an officer corrects one fact of a firm — a basic fact, a figure of a fiscal year or a
 * compliance flag — and must say why. The ledger keeps it as 审核修正 with the reason; the old value
 * stays in the history. Clearing a value makes it unknown again.
 */
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../../api.ts';
import { useI18n } from '../../../i18n/index.tsx';
import {
  enumLabel,
  fromDisplay,
  getPath,
  toDisplay,
  type FactCatalog,
  type Profile,
} from '../../../components/evaluation/index.ts';
import { useFactValue } from './ProfileView.tsx';

type FactDef = FactCatalog['scalars'][string];
type Group = 'scalar' | 'yearly' | 'compliance';

interface Values {
  fact: string;
  year?: number;
  clear?: boolean;
  value?: unknown;
  reason: string;
}

/** `years.2025.revenue` → fact `yearly:revenue`, year 2025; `compliance.x` → `compliance:x`; `name` → `scalar:name`. */
function parsePath(path: string | undefined): { fact?: string; year?: number } {
  if (!path) return {};
  const y = /^years\.(\d{4})\.(\w+)$/.exec(path);
  if (y) return { fact: `yearly:${y[2]}`, year: Number(y[1]) };
  const c = /^compliance\.(\w+)$/.exec(path);
  if (c) return { fact: `compliance:${c[1]}` };
  return { fact: `scalar:${path}` };
}

function pathOf(fact: string | undefined, year: number | undefined): string | undefined {
  if (!fact) return undefined;
  const [group, name] = fact.split(':') as [Group, string];
  if (group === 'yearly') return year ? `years.${year}.${name}` : undefined;
  if (group === 'compliance') return `compliance.${name}`;
  return name;
}

function defOf(catalog: FactCatalog, fact: string | undefined): FactDef | undefined {
  if (!fact) return undefined;
  const [group, name] = fact.split(':') as [Group, string];
  return group === 'yearly'
    ? catalog.yearly[name]
    : group === 'compliance'
      ? catalog.compliance[name]
      : catalog.scalars[name];
}

/** The `facts` body for one path. */
function factsBody(path: string, value: unknown): Profile {
  const y = /^years\.(\d{4})\.(\w+)$/.exec(path);
  if (y) return { years: { [y[1]!]: { [y[2]!]: value } } };
  const c = /^compliance\.(\w+)$/.exec(path);
  if (c) return { compliance: { [c[1]!]: value } };
  return { [path]: value };
}

interface Props {
  uscc: string;
  open: boolean;
  /** The fact to correct first, if the officer picked one. */
  path?: string;
  profile: Profile;
  catalog: FactCatalog;
  onClose(): void;
  onDone(written: number): void;
}

export function CorrectFacts({ uscc, open, path, profile, catalog, onClose, onDone }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const show = useFactValue();
  const [form] = Form.useForm<Values>();
  const fact = Form.useWatch('fact', form);
  const year = Form.useWatch('year', form);
  const clear = Form.useWatch('clear', form);
  const def = defOf(catalog, fact);
  const target = pathOf(fact, year);
  const current = target ? getPath(profile, target) : undefined;

  useEffect(() => {
    if (!open) return;
    const p = parsePath(path);
    form.resetFields();
    form.setFieldsValue({ ...p, year: p.year ?? latestYear(profile) });
  }, [open, path, form, profile]);

  // A new fact or year: start from its current value.
  useEffect(() => {
    if (!open || !def) return;
    form.setFieldValue('value', toForm(def, current));
  }, [open, def, current, form]);

  const options = useMemo(() => {
    const group = (g: Group, label: string, entries: [string, FactDef][]) => ({
      label,
      options: entries.map(([k, d]) => ({ value: `${g}:${k}`, label: pick(d.label) })),
    });
    return [
      group('yearly', t('console.profile.yearly'), Object.entries(catalog.yearly)),
      group(
        'scalar',
        t('console.profile.basic'),
        Object.entries(catalog.scalars).filter(([k]) => k !== 'uscc'),
      ),
      group('compliance', t('console.profile.compliance'), Object.entries(catalog.compliance)),
    ];
  }, [catalog, pick, t]);

  const save = useMutation({
    mutationFn: (v: { path: string; value: unknown; reason: string }) =>
      api<{ written: number }>(`/api/v1/enterprises/${encodeURIComponent(uscc)}/facts`, {
        body: { facts: factsBody(v.path, v.value), reason: v.reason },
      }),
    onSuccess: (r) => {
      message.success(r.written ? t('console.correct.done', { n: r.written }) : t('console.correct.unchanged'));
      onDone(r.written);
    },
  });

  const submit = (v: Values) => {
    const p = pathOf(v.fact, v.year);
    if (!p || !def) return;
    save.mutate({ path: p, value: v.clear ? null : fromForm(def, v.value), reason: v.reason.trim() });
  };

  const error = save.error instanceof ApiError ? save.error : null;

  return (
    <Modal
      open={open}
      title={t('console.correct.title')}
      okText={t('console.correct.submit')}
      cancelText={t('console.correct.cancel')}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      forceRender
      width={560}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="correct-form">
        <Form.Item name="fact" label={t('console.correct.fact')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="correct-fact" />
        </Form.Item>
        {fact?.startsWith('yearly:') && (
          <Form.Item name="year" label={t('console.correct.year')} rules={[{ required: true }]}>
            <InputNumber min={1990} max={2100} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        {target && (
          <Typography.Paragraph type="secondary">
            {t('console.correct.current')}：{current === undefined ? t('console.correct.unknown') : show(def, current)}
          </Typography.Paragraph>
        )}
        {def && (
          <>
            <Form.Item name="clear" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('console.correct.clear')}</Checkbox>
            </Form.Item>
            {!clear && (
              <Form.Item
                name="value"
                label={valueLabel(def, t('console.correct.value'), t('unit.wan'))}
                rules={[{ required: true, message: t('console.correct.valueRequired') }]}
              >
                {valueInput(def, (v) => enumLabel(v, t), t('common.yes'), t('common.no'))}
              </Form.Item>
            )}
          </>
        )}
        <Form.Item
          name="reason"
          label={t('console.correct.reason')}
          rules={[{ required: true, whitespace: true, message: t('console.correct.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="correct-reason" />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            title={pick(error.text)}
            description={error.details.map((d) => `${d.field}: ${d.message}`).join('；') || undefined}
          />
        )}
      </Form>
    </Modal>
  );
}

function latestYear(profile: Profile): number | undefined {
  const years = Object.keys(profile.years ?? {})
    .map(Number)
    .filter(Number.isInteger);
  return years.length ? Math.max(...years) : undefined;
}

const valueLabel = (def: FactDef, label: string, wan: string) =>
  def.unit === 'yuan' ? `${label}（${wan}）` : def.unit === 'ratio' ? `${label}（%）` : label;

function valueInput(def: FactDef, enumName: (v: string) => string, yes: string, no: string) {
  switch (def.type) {
    case 'boolean':
      return (
        <Radio.Group
          options={[
            { value: true, label: yes },
            { value: false, label: no },
          ]}
        />
      );
    case 'enum':
      return <Select options={(def.values ?? []).map((v) => ({ value: v, label: enumName(v) }))} />;
    case 'date':
      return <DatePicker style={{ width: 200 }} />;
    case 'string':
      return <Input maxLength={200} />;
    default: {
      const min = def.min === undefined ? undefined : toDisplay(def.min, def.unit);
      const max = def.max === undefined ? undefined : toDisplay(def.max, def.unit);
      return (
        <InputNumber
          min={min}
          max={max}
          precision={def.type === 'integer' ? 0 : undefined}
          style={{ width: 240 }}
          data-testid="correct-value"
        />
      );
    }
  }
}

function toForm(def: FactDef, v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  if (def.type === 'date' && typeof v === 'string') return dayjs(v);
  if (typeof v === 'number' && (def.type === 'number' || def.type === 'integer')) return toDisplay(v, def.unit);
  return v;
}

function fromForm(def: FactDef, v: unknown): unknown {
  if (def.type === 'date') return (v as Dayjs).format('YYYY-MM-DD');
  if (typeof v === 'number') return fromDisplay(v, def.unit);
  if (typeof v === 'string') return v.trim();
  return v;
}
