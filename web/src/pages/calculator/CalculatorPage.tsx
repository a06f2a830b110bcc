/**
 * 政策计算器: pick policies, answer only what the engine still needs (its `missing` facts, one group
 * at a time), see each verdict as soon as it is decided, then the full explanation per policy with a
 * what-if panel. Public; nothing is stored on the server. The answers stay in this tab
 * (sessionStorage) and the chosen policies in the address (`?policy=…`).
 */
import { PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Divider, Form, Grid, Row, Space, Spin, Steps, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import {
  evaluateProfile,
  evaluationKey,
  factsReadBy,
  getPath,
  labelOfPath,
  localToday,
  setPath,
  useDebounced,
  useFactCatalog,
  usePolicies,
  VerdictTag,
  type EvaluationData,
  type FactCatalog,
  type PolicyDocument,
  type PolicyListItem,
  type Profile,
} from '../../components/evaluation/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DateInput } from '../../components/inputs/DateInput.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { FactField } from './FactField.tsx';
import {
  answeredPaths,
  clearSaved,
  GROUPS,
  groupOf,
  LIST_GROUPS,
  loadSaved,
  save,
  sortPaths,
  type Group,
  type Saved,
} from './groups.ts';
import { ListEditor } from './ListEditor.tsx';
import { ResultView } from './ResultView.tsx';

const RESULT = GROUPS.length;

/** The ladder's order: size class, then the tiers from 科技型 up; other policies after. */
const LADDER = [
  'cn.nbs.enterprise-size',
  'cn.most.tech-sme',
  'cn.miit.innovative-sme',
  'cn.miit.specialized-sme',
  'cn.miit.little-giant',
  'cn.miit.single-champion',
  'cn.miit.digital-level',
];
const rank = (id: string) => (LADDER.includes(id) ? LADDER.indexOf(id) : LADDER.length);
const byLadder = (a: PolicyListItem, b: PolicyListItem) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id);

const printCss = `
.hq-printonly { display: none; }
@media print {
  .ant-layout-header, .ant-layout-footer, .hq-noprint { display: none !important; }
  .hq-printonly { display: block !important; }
  .ant-layout-content { max-width: none !important; padding: 0 !important; }
  .hq-result-card { break-inside: avoid-page; }
}
`;

function urlPolicies(params: URLSearchParams): string[] {
  return [
    ...new Set(
      params
        .getAll('policy')
        .flatMap((p) => p.split(','))
        .filter(Boolean),
    ),
  ];
}

export default function CalculatorPage() {
  const { t, pick } = useI18n();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const policiesQ = usePolicies();
  const catalogQ = useFactCatalog();
  const [state, setState] = useState<Saved>(() => {
    const saved = loadSaved();
    const fromUrl = urlPolicies(params);
    if (fromUrl.length === 0) return saved;
    const same = fromUrl.join() === saved.policies.join();
    return { ...saved, policies: fromUrl, step: same ? saved.step : 0 };
  });

  // Keep the answers across a reload, and the chosen policies in the address.
  useEffect(() => save(state), [state]);
  const policyParam = state.policies.join(',');
  useEffect(() => {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.delete('policy');
        for (const id of policyParam.split(',').filter(Boolean)) next.append('policy', id);
        return next;
      },
      { replace: true },
    );
  }, [policyParam, setParams]);

  const known = policiesQ.data;
  const selected = useMemo(
    () => (known ? state.policies.filter((id) => known.some((p) => p.id === id)) : []),
    [known, state.policies],
  );
  const asOf = state.asOf;
  const profile = useDebounced(state.profile, 400);

  const docs = useQueries({
    queries: selected.map((id) => ({
      queryKey: ['policy', id],
      queryFn: () => api<PolicyDocument>(`/api/v1/policies/${encodeURIComponent(id)}`),
      staleTime: 5 * 60_000,
    })),
  });
  const evals = useQueries({
    queries: selected.map((id) => ({
      queryKey: evaluationKey(id, profile, { asOf, gaps: false }),
      queryFn: () => evaluateProfile(id, profile, { asOf, gaps: false }),
      staleTime: Infinity,
      placeholderData: keepPreviousData,
      retry: false,
    })),
  });

  const catalog = catalogQ.data;
  const missing = useMemo(() => new Set(evals.flatMap((q) => q.data?.missing ?? [])), [evals]);
  const read = useMemo(() => {
    const lists = new Set<string>();
    const flags = new Set<string>();
    for (const q of docs) {
      const r = factsReadBy(q.data, catalog);
      r.lists.forEach((l) => lists.add(l));
      r.flags.forEach((f) => flags.add(f));
    }
    return { lists, flags };
  }, [docs, catalog]);

  // The server's complaints about a value, by fact path (every policy validates the same profile).
  const invalid = evals.map((q) => q.error).find((e): e is ApiError => e instanceof ApiError && e.status === 400);
  const fieldErrors = useMemo(
    () => Object.fromEntries((invalid?.details ?? []).map((d) => [d.field, d.message])),
    [invalid],
  );

  if (policiesQ.error) return <QueryError error={policiesQ.error} onRetry={() => void policiesQ.refetch()} />;
  if (catalogQ.error) return <QueryError error={catalogQ.error} onRetry={() => void catalogQ.refetch()} />;
  if (!known || !catalog) return <Spin style={{ display: 'block', margin: 48 }} />;

  const update = (f: (s: Saved) => Saved) => setState((s) => f(s));
  const setFact = (path: string, value: unknown) => update((s) => ({ ...s, profile: setPath(s.profile, path, value) }));

  // What each group asks: the facts still missing, and those already answered so they can be changed.
  const answered = answeredPaths(state.profile, catalog);
  const fieldsOf = (g: 'basic' | 'yearly') =>
    sortPaths(
      [...missing, ...answered].filter((p) => groupOf(p) === g && !/\[\d+\]/.test(p)),
      catalog,
    );
  const listsOf = (g: 'ip' | 'honors') =>
    LIST_GROUPS[g].filter(
      (l) =>
        read.lists.has(l) ||
        (Array.isArray(state.profile[l]) && (state.profile[l] as unknown[]).length > 0) ||
        [...missing].some((m) => m.startsWith(`${l}[`)),
    );
  const flags = sortFlags(
    new Set([
      ...read.flags,
      ...[...missing].filter((m) => m.startsWith('compliance.')).map((m) => m.slice('compliance.'.length)),
      ...Object.keys(state.profile.compliance ?? {}),
    ]),
    catalog,
  );
  const pendingIn = (g: Group) => [...missing].filter((m) => groupOf(m) === g).length;
  const hasContent = (g: Group) =>
    g === 'basic' || g === 'yearly'
      ? fieldsOf(g).length > 0
      : g === 'compliance'
        ? flags.length > 0
        : listsOf(g).length > 0;

  const step = Math.min(state.step, RESULT);
  const go = (n: number) => {
    update((s) => ({ ...s, step: n }));
    window.scrollTo({ top: 0 });
  };
  const nextTarget = (): number => {
    for (let i = step + 1; i < RESULT; i++) if (hasContent(GROUPS[i]!)) return i;
    return RESULT;
  };
  // Answers can make earlier groups relevant again (a title opens the figures a tier asks for).
  const firstPending = GROUPS.findIndex((g) => pendingIn(g) > 0);
  const pendingTotal = missing.size;
  const nextStep = () => go(nextTarget());
  const prevStep = () => {
    for (let i = step - 1; i >= 0; i--) if (hasContent(GROUPS[i]!)) return go(i);
    go(0);
  };

  const stepTitles = [...GROUPS.map((g) => t(`calculator.group.${g}`)), t('calculator.group.result')];
  const errorList = invalid?.details ?? [];

  const groupBody = (g: Group) => {
    if (!hasContent(g)) return <Alert type="success" showIcon title={t('calculator.group.nothing')} />;
    if (g === 'basic' || g === 'yearly') {
      const paths = fieldsOf(g);
      const byYear = new Map<string, string[]>();
      for (const p of paths) {
        const y = g === 'yearly' ? p.split('.')[1]! : '';
        byYear.set(y, [...(byYear.get(y) ?? []), p]);
      }
      return (
        <>
          {pendingIn(g) > 0 && (
            <Typography.Paragraph type="secondary">{t('calculator.group.pendingHint')}</Typography.Paragraph>
          )}
          {[...byYear].map(([year, ps]) => (
            <div key={year || 'basic'}>
              {year && <Divider titlePlacement="start">{t('calculator.year.title', { year })}</Divider>}
              <Row gutter={16}>
                {ps.map((p) => {
                  const def = g === 'yearly' ? catalog.yearly[p.split('.')[2]!] : catalog.scalars[p];
                  if (!def) return null;
                  return (
                    <Col key={p} xs={24} md={12}>
                      <FactField
                        path={p}
                        def={def}
                        label={pick(g === 'yearly' ? def.label : labelOfPath(catalog, p))}
                        value={getPath(state.profile, p)}
                        asked={missing.has(p)}
                        error={fieldErrors[p]}
                        onChange={(v) => setFact(p, v)}
                      />
                    </Col>
                  );
                })}
              </Row>
            </div>
          ))}
        </>
      );
    }
    if (g === 'compliance')
      return (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 12 }}>{t('calculator.compliance.hint')}</legend>
          <Space orientation="vertical">
            {flags.map((f) => (
              <Checkbox
                key={f}
                checked={state.profile.compliance?.[f] === true}
                onChange={(e) => setFact(`compliance.${f}`, e.target.checked)}
                data-testid={`field-compliance.${f}`}
              >
                {pick(catalog.compliance[f]!.label)}
              </Checkbox>
            ))}
          </Space>
        </fieldset>
      );
    return listsOf(g).map((l) => (
      <ListEditor
        key={l}
        name={l}
        list={catalog.lists[l]!}
        items={Array.isArray(state.profile[l]) ? (state.profile[l] as Record<string, unknown>[]) : []}
        asked={missing}
        errors={fieldErrors}
        onChange={(items) =>
          update((s) => {
            const { [l]: _old, ...rest } = s.profile;
            return { ...s, profile: items.length ? { ...rest, [l]: items } : (rest as Profile) };
          })
        }
      />
    ));
  };

  const picker = (
    <Card size="small" className="hq-noprint" style={{ marginBottom: 16 }}>
      <Row gutter={[16, 8]}>
        <Col xs={24} lg={16}>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid="policy-picker">
            <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8 }}>{t('calculator.pick.label')}</legend>
            <Checkbox.Group value={state.policies} onChange={(v) => update((s) => ({ ...s, policies: v as string[] }))}>
              <Row gutter={[8, 4]}>
                {[...known].sort(byLadder).map((p) => (
                  <Col key={p.id} xs={24} sm={12}>
                    <Checkbox value={p.id}>{pick(p.title)}</Checkbox>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
          </fieldset>
        </Col>
        <Col xs={24} lg={8}>
          <Form layout="vertical" component={false}>
            <Form.Item label={t('calculator.asOf')} htmlFor="calc-asof" help={t('calculator.asOf.help')}>
              <DateInput
                id="calc-asof"
                data-testid="as-of"
                value={state.asOf}
                onChange={(v) => update((s) => ({ ...s, asOf: v ?? null }))}
              />
            </Form.Item>
          </Form>
        </Col>
      </Row>
    </Card>
  );

  const summary = (
    <Card
      size="small"
      title={t('calculator.verdicts')}
      className="hq-noprint"
      style={{ position: screens.lg ? 'sticky' : undefined, top: 16 }}
    >
      <Space orientation="vertical" style={{ width: '100%' }} aria-live="polite">
        {selected.map((id, i) => (
          <PolicyVerdict
            key={id}
            policy={known.find((p) => p.id === id)!}
            evaluation={evals[i]?.data}
            error={evals[i]?.error}
            loading={!!evals[i]?.isFetching}
          />
        ))}
      </Space>
    </Card>
  );

  return (
    <div className="hq-calculator">
      <style>{printCss}</style>
      <div className="hq-printonly">
        <Typography.Title level={3}>
          {t('app.name')} · {t('calculator.print.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('calculator.print.generated', { date: localToday() })}</Typography.Paragraph>
      </div>
      <div className="hq-noprint">
        <Typography.Title level={2}>{t('calculator.title')}</Typography.Title>
        <Typography.Paragraph style={{ maxWidth: 820 }}>{t('calculator.intro')}</Typography.Paragraph>
      </div>
      {picker}
      {selected.length === 0 ? (
        <Alert type="info" showIcon title={t('calculator.pick.empty')} />
      ) : (
        <>
          <div className="hq-noprint" style={{ marginBottom: 16 }}>
            {screens.md ? (
              <Steps
                size="small"
                current={step}
                onChange={go}
                items={stepTitles.map((title, i) => ({
                  title,
                  content:
                    i < RESULT && pendingIn(GROUPS[i]!) > 0
                      ? t('calculator.pendingCount', { count: pendingIn(GROUPS[i]!) })
                      : undefined,
                }))}
              />
            ) : (
              <Typography.Text strong>
                {t('calculator.stepOf', { n: step + 1, total: stepTitles.length, title: stepTitles[step]! })}
              </Typography.Text>
            )}
          </div>
          {step < RESULT ? (
            <Row gutter={[16, 16]}>
              <Col xs={{ span: 24, order: 2 }} lg={{ span: 16, order: 1 }}>
                <Card title={stepTitles[step]} data-testid={`group-${GROUPS[step]}`}>
                  {errorList.length > 0 && (
                    <Alert
                      type="error"
                      showIcon
                      style={{ marginBottom: 16 }}
                      title={t('calculator.errors')}
                      description={
                        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                          {errorList.map((d) => (
                            <li key={d.field}>
                              {t('calculator.field.invalid', {
                                label: pick(labelOfPath(catalog, d.field)),
                                message: d.message,
                              })}
                            </li>
                          ))}
                        </ul>
                      }
                    />
                  )}
                  <Form layout="vertical" component={false}>
                    {groupBody(GROUPS[step]!)}
                  </Form>
                  <Divider />
                  <Space wrap>
                    {step > 0 && <Button onClick={prevStep}>{t('calculator.prev')}</Button>}
                    <Button type="primary" onClick={nextStep}>
                      {nextTarget() === RESULT ? t('calculator.toResult') : t('calculator.next')}
                    </Button>
                    {nextTarget() !== RESULT && <Button onClick={() => go(RESULT)}>{t('calculator.toResult')}</Button>}
                    <Button danger type="text" onClick={() => restart(setState)}>
                      {t('calculator.restart')}
                    </Button>
                  </Space>
                  <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
                    {t('calculator.saved')}
                  </Typography.Paragraph>
                </Card>
              </Col>
              <Col xs={{ span: 24, order: 1 }} lg={{ span: 8, order: 2 }}>
                {summary}
              </Col>
            </Row>
          ) : (
            <>
              {firstPending >= 0 && (
                <Alert
                  className="hq-noprint"
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={t('calculator.pendingAll', { count: pendingTotal })}
                  action={
                    <Button size="small" onClick={() => go(firstPending)} data-testid="answer-pending">
                      {t('calculator.answerPending')}
                    </Button>
                  }
                />
              )}
              <Space wrap className="hq-noprint" style={{ marginBottom: 16 }}>
                <Button onClick={prevStep}>{t('calculator.prev')}</Button>
                <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
                  {t('calculator.print')}
                </Button>
                <Button danger type="text" onClick={() => restart(setState)}>
                  {t('calculator.restart')}
                </Button>
              </Space>
              <ResultView policies={selected} profile={profile} asOf={asOf} />
            </>
          )}
        </>
      )}
    </div>
  );
}

function restart(setState: (s: Saved) => void) {
  clearSaved();
  setState({ policies: [], profile: {}, asOf: null, step: 0 });
}

function sortFlags(flags: Set<string>, catalog: FactCatalog): string[] {
  return Object.keys(catalog.compliance).filter((f) => flags.has(f));
}

function PolicyVerdict({
  policy,
  evaluation,
  error,
  loading,
}: {
  policy: PolicyListItem;
  evaluation: EvaluationData | undefined;
  error: unknown;
  loading: boolean;
}) {
  const { t, pick } = useI18n();
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <Link to={`/policies/${policy.id}`} style={{ flex: '1 1 160px' }}>
        {pick(policy.title)}
      </Link>
      {error instanceof ApiError ? (
        <Typography.Text type="danger">
          {error.status === 400
            ? t('calculator.error.invalid')
            : t('calculator.error.policy', { message: pick(error.text) })}
        </Typography.Text>
      ) : error ? (
        <Typography.Text type="danger">{t('error.network.title')}</Typography.Text>
      ) : evaluation ? (
        <Space size={4} wrap>
          <VerdictTag verdict={evaluation.verdict} testId={`verdict-${policy.id}`} />
          {evaluation.verdict === 'undetermined' && evaluation.missing.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('calculator.missingCount', { count: evaluation.missing.length })}
            </Typography.Text>
          )}
          {loading && <Spin size="small" />}
        </Space>
      ) : (
        <Spin size="small" aria-label={t('calculator.verdicts.pending')} />
      )}
    </div>
  );
}
