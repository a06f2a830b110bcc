/**
 * 资格评价: the firm's current profile evaluated against every policy of the library, each answer
 * kept as a decision record. A row per policy with its verdict; opening a row shows the same
 * explanation as the calculator (criteria, score, gaps, missing facts) and a what-if panel.
 */
import { Alert, Collapse, Skeleton, Table, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../../../api.ts';
import { formatNumber } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { PolicyItem } from '../../../components/console/data.ts';
import { useConsoleLabels } from '../../../components/console/labels.ts';
import {
  EvaluationView,
  enumLabel,
  VerdictTag,
  WhatIfPanel,
  type EvaluationData,
  type Profile,
} from '../../../components/evaluation/index.ts';

export type FirmEvaluation = EvaluationData & { decisionId: number };

interface Row {
  policy: PolicyItem;
  q: UseQueryResult<FirmEvaluation>;
}

export function Eligibility({
  policies,
  results,
  profile,
}: {
  policies: PolicyItem[];
  results: UseQueryResult<FirmEvaluation>[];
  profile: Profile;
}) {
  const { t, pick } = useI18n();
  const { policyName } = useConsoleLabels();
  const rows: Row[] = policies.map((policy, i) => ({ policy, q: results[i]! }));
  return (
    <Table<Row>
      data-testid="eligibility-table"
      rowKey={(r) => r.policy.id}
      size="middle"
      pagination={false}
      scroll={{ x: 760 }}
      dataSource={rows}
      expandable={{
        rowExpandable: (r) => !!r.q.data,
        expandedRowRender: (r) =>
          r.q.data ? (
            <div style={{ maxWidth: 1100 }}>
              <EvaluationView evaluation={r.q.data} level={5} />
              <Collapse
                size="small"
                style={{ marginTop: 16 }}
                items={[
                  {
                    key: 'whatif',
                    label: t('console.eval.whatIf'),
                    children: <WhatIfPanel policyId={r.policy.id} profile={profile} asOf={r.q.data.asOf} />,
                  },
                ]}
              />
            </div>
          ) : null,
      }}
      columns={[
        {
          title: t('console.eval.policy'),
          key: 'policy',
          render: (_, r) => (
            <span>
              <Typography.Text strong>{policyName(r.policy.id)}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {pick(r.policy.title)}
              </Typography.Text>
            </span>
          ),
        },
        {
          title: t('console.eval.verdict'),
          key: 'verdict',
          width: 150,
          render: (_, r) =>
            r.q.data ? (
              <VerdictTag verdict={r.q.data.verdict} testId={`eligibility-${r.policy.id}`} />
            ) : r.q.isError ? (
              <Typography.Text type="danger">
                {r.q.error instanceof ApiError ? pick(r.q.error.text) : t('console.eval.failed')}
              </Typography.Text>
            ) : (
              <Skeleton.Button active size="small" />
            ),
        },
        {
          title: t('console.eval.result'),
          key: 'result',
          width: 180,
          render: (_, r) => {
            const e = r.q.data;
            if (!e) return null;
            if (e.score && e.score.total !== null)
              return t('console.eval.score', { total: formatNumber(e.score.total), max: formatNumber(e.score.max) });
            if (e.outcome !== null) return e.outcomeLabel ? pick(e.outcomeLabel) : enumLabel(String(e.outcome), t);
            return '—';
          },
        },
        {
          title: t('console.eval.missing'),
          key: 'missing',
          width: 110,
          render: (_, r) => (r.q.data ? formatNumber(r.q.data.missing.length) : null),
        },
        {
          title: t('console.eval.decision'),
          key: 'decision',
          width: 110,
          render: (_, r) => (r.q.data ? `#${r.q.data.decisionId}` : null),
        },
      ]}
      footer={() => (
        <Alert type="info" showIcon title={t('console.eval.recorded')} style={{ border: 'none', padding: 0 }} />
      )}
    />
  );
}
