/**
 * 我的资格看板: every tier at a glance — held, qualifies now, close, far, or undetermined — and the
 * firm's size class. Each policy is evaluated once per page view and again after each save
 * (every evaluation is kept as a decision record); a card opens the full explanation and the
 * what-if panel.
 */
import {
  ApartmentOutlined,
  CheckCircleFilled,
  CloseCircleOutlined,
  QuestionCircleFilled,
  ReloadOutlined,
  RightOutlined,
  RiseOutlined,
  TrophyFilled,
} from '@ant-design/icons';
import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Divider, Drawer, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../../api.ts';
import {
  EvaluationView,
  WhatIfPanel,
  enumLabel,
  labelOfPath,
  useFactCatalog,
  verdictLabel,
} from '../../components/evaluation/index.ts';
import { contractOf, useEnterprise, type Enterprise } from '../../components/profile/index.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import {
  BOARD_POLICIES,
  CLOSE_EFFORT,
  SIZE_POLICY,
  TIERS,
  bestEffort,
  heldHonour,
  tierStatus,
  type FirmEvaluation,
  type TierStatus,
} from './tiers.ts';

type T = ReturnType<typeof useI18n>['t'];

const STATUS: Record<TierStatus, { color: string; icon: ReactNode }> = {
  held: { color: 'gold', icon: <TrophyFilled aria-hidden /> },
  qualified: { color: 'success', icon: <CheckCircleFilled aria-hidden /> },
  close: { color: 'processing', icon: <RiseOutlined aria-hidden /> },
  far: { color: 'default', icon: <CloseCircleOutlined aria-hidden /> },
  undetermined: { color: 'warning', icon: <QuestionCircleFilled aria-hidden /> },
};

export function TierStatusTag({ status }: { status: TierStatus }) {
  const { t } = useI18n();
  const s = STATUS[status];
  return (
    <Tag
      color={s.color}
      icon={s.icon}
      data-status={status}
      style={{ fontSize: 14, lineHeight: '24px', paddingInline: 8, alignSelf: 'flex-start' }}
    >
      {t(`portal.status.${status}`)}
    </Tag>
  );
}

export const today = () => new Date().toISOString().slice(0, 10);

/** `portal.tier.<policy>` for the board's policies, the policy id otherwise. */
export function tierName(policy: string, t: T): string {
  return BOARD_POLICIES.includes(policy) ? t(`portal.tier.${policy}` as Parameters<T>[0]) : policy;
}

export function EligibilityBoard({ uscc, round, onRefresh }: { uscc: string; round: number; onRefresh: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const firm = useEnterprise(uscc).data;
  const [open, setOpen] = useState<string | null>(null);
  const results = useQueries({
    queries: BOARD_POLICIES.map((policy) => ({
      // A new round after each save; gcTime 0 so that the next page view evaluates afresh.
      queryKey: ['portal', 'evaluate', uscc, policy, round],
      queryFn: async () => {
        const r = await api<FirmEvaluation>(
          `/api/v1/enterprises/${encodeURIComponent(uscc)}/evaluate?policy=${encodeURIComponent(policy)}`,
          { method: 'POST' },
        );
        void qc.invalidateQueries({ queryKey: ['decisions', uscc] });
        return r;
      },
      staleTime: Infinity,
      gcTime: 0,
      retry: false,
    })),
  });
  const byPolicy = new Map(BOARD_POLICIES.map((p, i) => [p, results[i]!]));
  const asOf = results.find((r) => r.data)?.data?.asOf;
  const busy = results.some((r) => r.isFetching);
  const opened = open ? byPolicy.get(open)?.data : undefined;

  return (
    <Card
      title={t('portal.board.title')}
      extra={
        <Space size="small" wrap>
          <Button
            size="small"
            icon={<ReloadOutlined aria-hidden />}
            loading={busy}
            onClick={onRefresh}
            data-testid="board-refresh"
          >
            {t('portal.board.refresh')}
          </Button>
        </Space>
      }
      data-testid="eligibility-board"
    >
      <Row gutter={[16, 16]}>
        {TIERS.map(({ policy, honor }) => (
          <Col key={policy} xs={24} sm={12} xl={8}>
            <TierCard
              policy={policy}
              honor={honor}
              firm={firm}
              result={byPolicy.get(policy)!}
              onOpen={() => setOpen(policy)}
            />
          </Col>
        ))}
        <Col xs={24} sm={12} xl={8}>
          <SizeCard result={byPolicy.get(SIZE_POLICY)!} onOpen={() => setOpen(SIZE_POLICY)} />
        </Col>
      </Row>
      <Legend asOf={asOf} />
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        title={open ? tierName(open, t) : ''}
        size="min(960px, 100vw)"
        destroyOnHidden
        data-testid="tier-drawer"
      >
        {open && byPolicy.get(open)?.isError ? (
          <Failed result={byPolicy.get(open)!} />
        ) : opened && firm ? (
          <TierDetail evaluation={opened} firm={firm} />
        ) : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )}
      </Drawer>
    </Card>
  );
}

function Legend({ asOf }: { asOf: string | undefined }) {
  const { t } = useI18n();
  return (
    <div style={{ marginTop: 16 }}>
      {asOf && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 0 8px' }}>
          {t('portal.board.asOf', { date: asOf })}
        </Typography.Paragraph>
      )}
      <Space size={[12, 8]} wrap>
        {(['held', 'qualified', 'close', 'far', 'undetermined'] as const).map((s) => (
          <span key={s}>
            <TierStatusTag status={s} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`portal.status.${s}.hint`)}
            </Typography.Text>
          </span>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('portal.board.closeRule', { pct: Math.round(CLOSE_EFFORT * 100) })}
      </Typography.Paragraph>
    </div>
  );
}

interface CardShellProps {
  testId: string;
  status: string | undefined;
  title: string;
  onOpen: () => void;
  children: ReactNode;
}

/** A card that opens its detail: the whole card by mouse, its button by keyboard. */
function CardShell({ testId, status, title, onOpen, children }: CardShellProps) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      data-testid={testId}
      data-status={status}
      style={{ height: '100%' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8, height: '100%' } }}
    >
      <Typography.Text strong style={{ fontSize: 15 }}>
        {title}
      </Typography.Text>
      {children}
      <div style={{ marginTop: 'auto' }}>
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          onClick={(e) => {
            e.stopPropagation();
            onOpen();
          }}
          aria-label={t('portal.board.openAria', { name: title })}
        >
          {t('portal.board.open')} <RightOutlined aria-hidden />
        </Button>
      </div>
    </Card>
  );
}

function Failed({ result }: { result: UseQueryResult<FirmEvaluation> }) {
  const { t, pick } = useI18n();
  const e = result.error as { text?: { zh: string; en: string }; message?: string } | null;
  return (
    <Alert
      type="error"
      showIcon
      title={e?.text ? pick(e.text) : (e?.message ?? t('portal.board.failed'))}
      action={
        <Button size="small" onClick={(ev) => (ev.stopPropagation(), void result.refetch())}>
          {t('error.retry')}
        </Button>
      }
    />
  );
}

function TierCard({
  policy,
  honor,
  firm,
  result,
  onOpen,
}: {
  policy: string;
  honor: string;
  firm: Enterprise | undefined;
  result: UseQueryResult<FirmEvaluation>;
  onOpen: () => void;
}) {
  const { t, pick } = useI18n();
  const catalog = useFactCatalog().data;
  const ev = result.data;
  const held = firm ? heldHonour(firm.honors, honor, ev?.asOf ?? today()) : undefined;
  const status = tierStatus(ev, !!held);
  const name = tierName(policy, t);

  let detail: ReactNode = null;
  if (ev) {
    const best = bestEffort(ev);
    const gap = best === null ? undefined : ev.gaps.find((g) => g.effort === best);
    const notMet = ev.criteria.filter((c) => c.depth === 0 && c.status === 'not_met').length;
    const missing = ev.missing.slice(0, 3).map((p) => pick(labelOfPath(catalog, p)));
    const unverified = ev.unverified ?? [];
    const line =
      ev.verdict === 'qualified'
        ? t('portal.board.qualified', { edition: ev.edition })
        : unverified.length > 0
          ? t('portal.board.unverified', { names: unverified.map((p) => pick(labelOfPath(catalog, p))).join('、') })
          : ev.verdict === 'undetermined'
            ? t('portal.board.missing', {
                n: ev.missing.length || ev.unknownParameters.length,
                names: missing.join('、') + (ev.missing.length > 3 ? '…' : ''),
              })
            : gap
              ? t('portal.board.gap', { text: pick(gap.text), pct: Math.round(gap.effort * 100) })
              : t('portal.board.notMet', { n: notMet });
    detail = (
      <>
        {held && (
          <Typography.Text type="secondary" data-testid="tier-verdict">
            {t('portal.board.verdictNow', { verdict: verdictLabel(ev.verdict, t) })}
          </Typography.Text>
        )}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis={{ rows: 3, tooltip: line }}>
          {line}
        </Typography.Paragraph>
        {ev.score && ev.score.total !== null && (
          <Typography.Text>{t('portal.board.score', { total: ev.score.total, max: ev.score.max })}</Typography.Text>
        )}
      </>
    );
  }

  return (
    <CardShell testId={`tier-${policy}`} status={status ?? undefined} title={name} onOpen={onOpen}>
      {status ? <TierStatusTag status={status} /> : result.isError ? null : <Skeleton.Button active size="small" />}
      {held && (
        <Typography.Text>
          {typeof held.validTo === 'string'
            ? t('portal.board.heldUntil', { date: formatDate(held.validTo) })
            : t('portal.board.heldOpen')}
        </Typography.Text>
      )}
      {result.isError ? (
        <Failed result={result} />
      ) : ev ? (
        detail
      ) : (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      )}
    </CardShell>
  );
}

function SizeCard({ result, onOpen }: { result: UseQueryResult<FirmEvaluation>; onOpen: () => void }) {
  const { t, pick } = useI18n();
  const catalog = useFactCatalog().data;
  const ev = result.data;
  const outcome = ev && ev.outcome !== null ? String(ev.outcome) : null;
  const status = ev ? (outcome ?? 'undetermined') : undefined;
  return (
    <CardShell testId={`tier-${SIZE_POLICY}`} status={status} title={tierName(SIZE_POLICY, t)} onOpen={onOpen}>
      {result.isError ? (
        <Failed result={result} />
      ) : !ev ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : outcome ? (
        <>
          <Tag
            color="blue"
            icon={<ApartmentOutlined aria-hidden />}
            style={{ fontSize: 14, lineHeight: '24px', paddingInline: 8, alignSelf: 'flex-start' }}
            data-status={outcome}
          >
            {t('portal.size.class', { size: enumLabel(outcome, t) })}
          </Tag>
          <Typography.Text type="secondary">
            {ev.verdict === 'qualified' ? t('portal.size.sme') : t('portal.size.notSme')}
          </Typography.Text>
        </>
      ) : (
        <>
          <span>
            <TierStatusTag status="undetermined" />
          </span>
          <Typography.Text type="secondary">
            {t('portal.board.missing', {
              n: ev.missing.length,
              names: ev.missing
                .slice(0, 3)
                .map((p) => pick(labelOfPath(catalog, p)))
                .join('、'),
            })}
          </Typography.Text>
        </>
      )}
    </CardShell>
  );
}

/** The full explanation of one tier and the what-if panel on the firm's own figures. */
function TierDetail({ evaluation, firm }: { evaluation: FirmEvaluation; firm: Enterprise }) {
  const { t } = useI18n();
  const catalog = useFactCatalog().data;
  const tier = TIERS.find((x) => x.policy === evaluation.policy);
  const held = tier ? heldHonour(firm.honors, tier.honor, evaluation.asOf) : undefined;
  return (
    <div data-testid="tier-detail">
      {held && (
        <Alert
          type="success"
          showIcon
          icon={<TrophyFilled />}
          style={{ marginBottom: 16 }}
          title={
            typeof held.validTo === 'string'
              ? t('portal.board.heldUntil', { date: formatDate(held.validTo) })
              : t('portal.board.heldOpen')
          }
        />
      )}
      <EvaluationView
        evaluation={evaluation}
        extra={
          <Typography.Text type="secondary">
            {t('portal.board.decisionNo', { id: evaluation.decisionId })}
          </Typography.Text>
        }
      />
      <Divider />
      {catalog ? (
        <WhatIfPanel policyId={evaluation.policy} profile={contractOf(firm, catalog)} asOf={evaluation.asOf} />
      ) : (
        <Skeleton active />
      )}
    </div>
  );
}
