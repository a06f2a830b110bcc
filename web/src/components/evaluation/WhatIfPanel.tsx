/**
 * "What if…": the figures that matter for one policy as sliders and number inputs. Moving one
 * re-evaluates the changed profile through the public calculator — quickly without the gap search
 * while the value moves, then in full once it rests — and shows the verdict and score moving.
 * Nothing is stored and the page does not reload.
 */
import { Button, Col, InputNumber, Progress, Row, Slider, Space, Spin, Typography } from 'antd';
import { useEffect, useId, useMemo, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import {
  factOfPath,
  factsReadBy,
  getPath,
  labelOfPath,
  setPath,
  useEvaluation,
  useFactCatalog,
  usePolicy,
} from './data.ts';
import { formatValue, fromDisplay, localToday, toDisplay } from './formatting.ts';
import { VerdictTag } from './Tags.tsx';
import type { EvaluationData, FactCatalog, Label, PolicyDocument, Profile, Unit } from './types.ts';

export interface WhatIfPanelProps {
  policyId: string;
  profile: Profile;
  /** Evaluation date (YYYY-MM-DD); today when absent. */
  asOf?: string | null;
  /** Called with the changed profile whenever a value moves. */
  onChange?: (profile: Profile) => void;
}

/** The yearly figures worth trying, in this order after the ones the gaps name. */
const PREFERRED = [
  'rdExpense',
  'revenue',
  'mainRevenue',
  'employees',
  'techStaff',
  'rdStaff',
  'totalCosts',
  'totalAssets',
  'totalLiabilities',
  'netProfit',
  'developmentScore',
];
const MAX_FIELDS = 8;

interface Field {
  path: string;
  label: Label;
  unit: Unit | undefined;
  integer: boolean;
  base: number;
  /** A value a gap suggests, to size the slider. */
  target?: number;
}

/** The value, once it has stopped changing for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

function identifiers(doc: PolicyDocument | undefined): Set<string> {
  const out = new Set<string>();
  if (!doc) return out;
  const text = JSON.stringify(
    doc.editions.map(({ criteria, score, definitions, outcome }) => ({ criteria, score, definitions, outcome })),
  );
  for (const m of text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) out.add(m[0]);
  return out;
}

function deriveFields(
  profile: Profile,
  base: EvaluationData | undefined,
  catalog: FactCatalog,
  doc: PolicyDocument | undefined,
): Field[] {
  const fields = new Map<string, Field>();
  const add = (path: string, target?: number) => {
    const def = factOfPath(catalog, path);
    if (!def || (def.type !== 'number' && def.type !== 'integer')) return;
    const v = getPath(profile, path);
    const prev = fields.get(path);
    if (prev) {
      if (target !== undefined && prev.target === undefined) prev.target = target;
      return;
    }
    fields.set(path, {
      path,
      label: labelOfPath(catalog, path),
      unit: def.unit,
      integer: def.type === 'integer',
      base: typeof v === 'number' ? v : 0,
      target,
    });
  };
  for (const g of base?.gaps ?? []) for (const c of g.changes) if (!c.fact.startsWith('count:')) add(c.fact, c.to);
  const years = Object.keys(profile.years ?? {}).sort();
  const last = years[years.length - 1];
  const used = identifiers(doc);
  if (last) {
    const row = profile.years![last]!;
    for (const name of PREFERRED)
      if (typeof row[name] === 'number' && (used.size === 0 || used.has(name))) add(`years.${last}.${name}`);
  }
  // Scalar figures the policy reads (market shares, digital scores …), when the profile has them.
  for (const [name, def] of Object.entries(catalog.scalars))
    if ((def.type === 'number' || def.type === 'integer') && typeof profile[name] === 'number' && used.has(name))
      add(name);
  return [...fields.values()].slice(0, MAX_FIELDS);
}

function sliderMax(f: Field): number {
  const base = toDisplay(f.base, f.unit);
  const target = f.target === undefined ? 0 : toDisplay(f.target, f.unit);
  if (f.unit === 'ratio') return 100;
  const floor = f.unit === 'yuan' ? 1000 : f.unit === 'persons' ? 100 : 100;
  const raw = Math.max(base * 2, target * 1.5, floor);
  const mag = 10 ** Math.floor(Math.log10(raw));
  return Math.ceil(raw / mag) * mag;
}

const NO_VALUES: Record<string, number> = {};
const NO_IP: [number, number] = [0, 0];

export function WhatIfPanel({ policyId, profile, asOf, onChange }: WhatIfPanelProps) {
  const { t, pick, lang } = useI18n();
  const uid = useId();
  const catalog = useFactCatalog().data;
  const doc = usePolicy(policyId).data;
  const base = useEvaluation(policyId, profile, { asOf, gaps: true });
  const profileKey = JSON.stringify(profile);
  // The changes belong to the profile they were made on; a new profile starts afresh.
  const [state, setState] = useState<{ key: string; values: Record<string, number>; ip: [number, number] }>({
    key: profileKey,
    values: {},
    ip: [0, 0],
  });
  const values = state.key === profileKey ? state.values : NO_VALUES;
  const extraIp = state.key === profileKey ? state.ip : NO_IP;

  const fields = useMemo(
    () => (catalog ? deriveFields(profile, base.data, catalog, doc) : []),
    [profile, base.data, catalog, doc],
  );
  const readsIp = useMemo(() => factsReadBy(doc, catalog).lists.has('ip'), [doc, catalog]);

  const changed = useMemo(() => {
    let p = profile;
    for (const [path, v] of Object.entries(values)) p = setPath(p, path, v);
    const [one, two] = extraIp;
    if (one || two) {
      const item = (kind: string) => ({
        kind,
        grantedOn: asOf ?? localToday(),
        mainProduct: true,
        selfDeveloped: true,
        highValue: false,
      });
      const ip = Array.isArray(p.ip) ? [...(p.ip as unknown[])] : [];
      for (let i = 0; i < one; i++) ip.push(item('invention_patent'));
      for (let i = 0; i < two; i++) ip.push(item('utility_model_patent'));
      p = { ...p, ip };
    }
    return p;
  }, [profile, values, extraIp, asOf]);
  const dirty = JSON.stringify(changed) !== profileKey;
  const fast = useDebounced(changed, 250);
  const settled = useDebounced(changed, 1000);
  const quick = useEvaluation(policyId, fast, { asOf, gaps: false, enabled: dirty });
  const full = useEvaluation(policyId, settled, { asOf, gaps: true, enabled: dirty });
  const settledNow = JSON.stringify(settled) === JSON.stringify(changed);
  const fullReady = dirty && settledNow && full.data && !full.isPlaceholderData;
  const shown: EvaluationData | undefined = !dirty ? base.data : fullReady ? full.data : (quick.data ?? base.data);
  const busy = dirty && (!fullReady || quick.isFetching);

  const update = (values2: Record<string, number>, ip2: [number, number]) => {
    setState({ key: profileKey, values: values2, ip: ip2 });
    if (onChange) {
      let p = profile;
      for (const [path, v] of Object.entries(values2)) p = setPath(p, path, v);
      onChange(p);
    }
  };
  const setValue = (path: string, v: number | null) => {
    const next = { ...values };
    if (v === null) delete next[path];
    else next[path] = v;
    update(next, [...extraIp]);
  };

  const baseScore = base.data?.score?.total ?? null;
  const score = shown?.score ?? null;
  const delta = score?.total !== null && score?.total !== undefined && baseScore !== null ? score.total - baseScore : 0;

  if (base.error)
    return (
      <Typography.Text type="danger">
        {base.error instanceof ApiError ? pick(base.error.text) : t('error.network.title')}
      </Typography.Text>
    );
  if (!catalog || !base.data) return <Spin />;
  if (fields.length === 0 && !readsIp)
    return <Typography.Paragraph type="secondary">{t('evaluation.whatIf.nothing')}</Typography.Paragraph>;

  const ipInput = (idx: 0 | 1, label: string) => {
    const id = `${uid}-ip${idx}`;
    return (
      <div key={id} style={{ marginBottom: 12 }}>
        <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
          {label}
        </label>
        <InputNumber
          id={id}
          data-testid={`whatif-ip-class${idx + 1}`}
          min={0}
          max={20}
          precision={0}
          value={extraIp[idx]}
          suffix={t('calculator.unit.items')}
          onChange={(v) => {
            const ip: [number, number] = [...extraIp];
            ip[idx] = v ?? 0;
            update(values, ip);
          }}
          style={{ width: 160 }}
        />
      </div>
    );
  };

  return (
    <div data-testid={`whatif-${policyId}`} className="hq-whatif">
      <Typography.Paragraph type="secondary">{t('evaluation.whatIf.hint')}</Typography.Paragraph>
      <Row gutter={[24, 8]}>
        <Col xs={{ span: 24, order: 2 }} md={{ span: 14, order: 1 }}>
          {fields.map((f) => {
            const id = `${uid}-${f.path}`;
            const current = values[f.path] ?? f.base;
            const shownValue = toDisplay(current, f.unit);
            const max = sliderMax(f);
            const step = f.integer ? 1 : f.unit === 'ratio' ? 0.1 : 1;
            const unitText =
              f.unit === 'yuan'
                ? t('calculator.unit.wan')
                : f.unit === 'ratio'
                  ? t('calculator.unit.percent')
                  : f.unit
                    ? t(`calculator.unit.${f.unit}`)
                    : '';
            return (
              <div key={f.path} style={{ marginBottom: 12 }}>
                <label htmlFor={id} style={{ display: 'block' }}>
                  {pick(f.label)}
                  {unitText && <Typography.Text type="secondary">（{unitText}）</Typography.Text>}
                </label>
                <Row gutter={12} align="middle" wrap={false}>
                  <Col flex="auto">
                    <Slider
                      min={0}
                      max={Math.max(max, shownValue)}
                      step={step}
                      value={shownValue}
                      onChange={(v) => setValue(f.path, fromDisplay(v, f.unit))}
                      aria-label={pick(f.label)}
                      tooltip={{ formatter: (v) => (v === undefined ? '' : `${v} ${unitText}`) }}
                    />
                  </Col>
                  <Col flex="none">
                    <InputNumber
                      id={id}
                      data-testid={`whatif-input-${f.path}`}
                      min={0}
                      step={step}
                      precision={f.integer ? 0 : 2}
                      value={shownValue}
                      onChange={(v) => setValue(f.path, v === null ? null : fromDisplay(v, f.unit))}
                      style={{ width: 130 }}
                    />
                  </Col>
                </Row>
                {values[f.path] !== undefined && values[f.path] !== f.base && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatValue(f.base, f.unit ?? null, t)} → {formatValue(current, f.unit ?? null, t)}
                  </Typography.Text>
                )}
              </div>
            );
          })}
          {readsIp && (
            <>
              {ipInput(0, t('evaluation.whatIf.classOneIp'))}
              {ipInput(1, t('evaluation.whatIf.classTwoIp'))}
            </>
          )}
          <Button onClick={() => update({}, [0, 0])} disabled={!dirty}>
            {t('evaluation.whatIf.reset')}
          </Button>
        </Col>
        <Col xs={{ span: 24, order: 1 }} md={{ span: 10, order: 2 }}>
          <div
            aria-live="polite"
            style={{ background: '#fafafa', padding: 12, borderRadius: 8, position: 'sticky', top: 8, zIndex: 2 }}
          >
            <Space wrap align="center">
              <Typography.Text strong>{t('evaluation.whatIf.result')}</Typography.Text>
              {shown && <VerdictTag verdict={shown.verdict} large testId={`whatif-verdict-${policyId}`} />}
              {busy && (
                <Typography.Text type="secondary">
                  <Spin size="small" /> {t('evaluation.whatIf.computing')}
                </Typography.Text>
              )}
            </Space>
            {score && (
              <div style={{ marginTop: 12 }} data-testid={`whatif-score-${policyId}`}>
                <Typography.Text>
                  {score.total === null
                    ? t('evaluation.score.totalUnknown', { max: score.max })
                    : t('evaluation.score.total', { total: score.total, max: score.max })}
                  {delta !== 0 &&
                    ` ${t('evaluation.whatIf.scoreDelta', { delta: delta > 0 ? `+${delta}` : String(delta) })}`}
                </Typography.Text>
                <Progress
                  percent={score.total === null ? 0 : Math.round((score.total / score.max) * 100)}
                  showInfo={false}
                  status={shown?.verdict === 'qualified' ? 'success' : 'normal'}
                  aria-label={t('evaluation.score')}
                />
              </div>
            )}
            {fullReady && shown && shown.verdict !== 'qualified' && shown.gaps.length > 0 && (
              <div style={{ marginTop: 12 }}>
                <Typography.Text type="secondary">{t('evaluation.gaps')}</Typography.Text>
                <ol
                  className="hq-gaps"
                  data-testid={`whatif-gaps-${policyId}`}
                  style={{ paddingInlineStart: 20, margin: 0 }}
                >
                  {shown.gaps.slice(0, 3).map((g, i) => (
                    <li key={i}>{g.text[lang]}</li>
                  ))}
                </ol>
              </div>
            )}
          </div>
        </Col>
      </Row>
    </div>
  );
}
