/**
 * One policy's evaluation, explained: the verdict, the score breakdown, every criterion with what
 * was found against what is required and its legal source, what it would take to qualify, and the
 * facts still missing or waiting to be verified (待核实). The portal and the console show the same view as the calculator.
 */
import { Alert, Col, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { labelOfPath, useFactCatalog, usePolicy } from './data.ts';
import { enumLabel, formatRequired, formatValue } from './formatting.ts';
import { StatusTag, VerdictTag } from './Tags.tsx';
import { UnverifiedNotice } from './UnverifiedNotice.tsx';
import type { EvaluationCriterion, EvaluationData } from './types.ts';

const ScoreChart = lazy(() => import('./ScoreChart.tsx'));

interface Node {
  c: EvaluationCriterion;
  kids: Node[];
}

/** The flat, depth-annotated criteria as a tree. */
function nest(criteria: EvaluationCriterion[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const c of criteria) {
    const n: Node = { c, kids: [] };
    stack.length = Math.min(stack.length, c.depth);
    (stack.length ? stack[stack.length - 1]!.kids : roots).push(n);
    stack.push(n);
  }
  return roots;
}

function CriteriaList({ nodes, top }: { nodes: Node[]; top?: boolean }) {
  const { t, pick } = useI18n();
  return (
    <ul className={top ? 'hq-criteria hq-criteria-top' : 'hq-criteria'}>
      {nodes.map(({ c, kids }) => {
        const hasNumbers = c.kind === 'test' && (c.actual !== null || c.required !== null);
        return (
          <li key={c.id} data-criterion={c.id} data-status={c.status}>
            <div>
              <StatusTag status={c.status} />
              <Typography.Text strong={c.depth === 0}>{pick(c.title)}</Typography.Text>
              {c.kind !== 'test' && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  （{t(`evaluation.kind.${c.kind}`)}）
                </Typography.Text>
              )}
            </div>
            {(hasNumbers || c.source) && (
              <div className="hq-criterion-detail">
                {hasNumbers && (
                  <span>
                    {t('evaluation.actual')}：{formatValue(c.actual, c.unit, t)}
                    {c.required && (
                      <>
                        {' · '}
                        {t('evaluation.required')}：{formatRequired(c.required, c.unit, t)}
                      </>
                    )}
                  </span>
                )}
                {c.source && (
                  <span>
                    {t('evaluation.source')}：{c.source}
                  </span>
                )}
              </div>
            )}
            {kids.length > 0 && <CriteriaList nodes={kids} />}
          </li>
        );
      })}
    </ul>
  );
}

const styles = `
.hq-criteria { list-style: none; margin: 0; padding-inline-start: 20px; border-inline-start: 1px dashed #d9d9d9; }
.hq-criteria-top { padding-inline-start: 0; border-inline-start: none; }
.hq-criteria > li { padding: 4px 0; }
.hq-criterion-detail { color: rgba(0,0,0,0.55); font-size: 13px; padding-inline-start: 4px; display: flex; flex-wrap: wrap; column-gap: 16px; }
.hq-gaps { margin: 0; padding-inline-start: 20px; }
.hq-gaps > li { padding: 4px 0; }
`;

export interface EvaluationViewProps {
  evaluation: EvaluationData;
  /** The gaps are still being searched (the evaluation shown was asked with `gaps=false`). */
  gapsLoading?: boolean;
  /** Shown at the right of the heading, e.g. a link or a button. */
  extra?: ReactNode;
  /** Heading level of the policy title (default 4). */
  level?: 1 | 2 | 3 | 4 | 5;
}

export function EvaluationView({ evaluation: ev, gapsLoading, extra, level = 4 }: EvaluationViewProps) {
  const { t, pick, lang } = useI18n();
  const catalog = useFactCatalog().data;
  const doc = usePolicy(ev.policy).data;
  const edition = doc?.editions.find((e) => e.edition === ev.edition);
  const title = ev.title ?? doc?.title;
  const outcomeLabel =
    ev.outcome === null ? null : (ev.outcomeLabel ?? edition?.outcome?.labels?.[String(ev.outcome)] ?? null);
  const score = ev.score;
  return (
    <section aria-label={title ? pick(title) : ev.policy} className="hq-evaluation">
      <style>{styles}</style>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Typography.Title level={level} style={{ margin: 0 }}>
            {title ? pick(title) : ev.policy}
          </Typography.Title>
          <VerdictTag verdict={ev.verdict} large testId={`verdict-${ev.policy}`} />
          {ev.outcome !== null && (
            <Tag color="blue" data-testid={`outcome-${ev.policy}`}>
              {t('evaluation.outcome')}：{outcomeLabel ? pick(outcomeLabel) : enumLabel(String(ev.outcome), t)}
            </Tag>
          )}
          <span style={{ flex: 1 }} />
          {extra}
        </div>
        <Typography.Text type="secondary">
          {t('evaluation.edition', { edition: ev.edition })}
          {edition && ` · ${edition.document}`} · {t('evaluation.asOf', { date: ev.asOf })}
        </Typography.Text>
        {ev.unknownParameters.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('evaluation.unknownParameters', {
              names: ev.unknownParameters
                .map((n) => {
                  const p = edition?.parameters?.[n];
                  return p?.label ? pick(p.label) : (p?.ref ?? n);
                })
                .join(lang === 'zh' ? '；' : '; '),
            })}
          />
        )}
        <UnverifiedNotice paths={ev.unverified ?? []} testId={`unverified-${ev.policy}`} />
        {ev.missing.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={t('evaluation.missing')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid={`missing-${ev.policy}`}>
                {ev.missing.map((m) => (
                  <li key={m} data-fact={m}>
                    {pick(labelOfPath(catalog, m))}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Row gutter={[24, 16]}>
          {score && (
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('evaluation.score')}</Typography.Title>
              <Typography.Paragraph strong data-testid={`score-${ev.policy}`}>
                {score.total === null
                  ? t('evaluation.score.totalUnknown', { max: score.max })
                  : t('evaluation.score.total', { total: score.total, max: score.max })}
                {score.categories.length > 0 && (
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    {'  '}
                    {score.categories
                      .map((c) => `${pick(c.title)} ${c.points ?? '?'}/${c.max}`)
                      .join(lang === 'zh' ? '，' : ', ')}
                  </Typography.Text>
                )}
              </Typography.Paragraph>
              <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
                <ScoreChart score={score} />
              </Suspense>
            </Col>
          )}
          {ev.verdict !== 'undetermined' || ev.gaps.length > 0 ? (
            <Col xs={24} lg={score ? 12 : 24}>
              <Typography.Title level={5}>{t('evaluation.gaps')}</Typography.Title>
              {ev.verdict === 'qualified' ? (
                <Typography.Paragraph type="success">{t('evaluation.gaps.qualified')}</Typography.Paragraph>
              ) : gapsLoading ? (
                <Skeleton active paragraph={{ rows: 2 }} />
              ) : ev.gaps.length === 0 ? (
                <Typography.Paragraph type="secondary">{t('evaluation.gaps.none')}</Typography.Paragraph>
              ) : (
                <ol className="hq-gaps" data-testid="gap-list" data-policy={ev.policy}>
                  {ev.gaps.map((g, i) => (
                    <li key={i}>{g.text[lang]}</li>
                  ))}
                </ol>
              )}
            </Col>
          ) : null}
        </Row>
        <div>
          <Typography.Title level={5}>{t('evaluation.criteria')}</Typography.Title>
          <CriteriaList nodes={nest(ev.criteria)} top />
        </div>
      </Space>
    </section>
  );
}
