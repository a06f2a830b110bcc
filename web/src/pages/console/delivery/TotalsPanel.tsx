/**
 * 兑现统计: the money a policy has committed in the officer's region, by claim status, as one stacked
 * column against the budget line; then the same in numbers — budget, committed, paid, and firms and
 * amounts for every status (the table says what the chart shows, colour is never the only signal).
 */
import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import {
  CLAIM_STATUSES,
  ClaimStatusTag,
  useDeliveryTotals,
  type ClaimStatus,
  type DeliveryTotals,
} from '../../../components/delivery/index.ts';
import { formatNumber, formatWan } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { QueryError } from '../../../layout/ErrorPage.tsx';
import { EChart } from '../dashboard/EChart.tsx';

// The budget line; the dashboard's charts have no use for it, so only this page registers it.
echarts.use([MarkLineComponent]);

/** The statuses whose money is promised (the API's `committed`), in the colours of their tags. */
const COMMITTED: { status: ClaimStatus; color: string }[] = [
  { status: 'paid', color: '#52c41a' },
  { status: 'confirmed', color: '#13c2c2' },
  { status: 'offered', color: '#1677ff' },
  { status: 'payment_failed', color: '#ff4d4f' },
];

const wan = (yuan: number) => Math.round(yuan / 100) / 100;

export function TotalsPanel({ policy }: { policy: string }) {
  const { t } = useI18n();
  const totals = useDeliveryTotals(policy);
  if (totals.isError) return <QueryError error={totals.error} onRetry={() => void totals.refetch()} />;
  return (
    <Card title={t('delivery.totals.title')} data-testid="delivery-totals" style={{ height: '100%' }}>
      {totals.data ? <Totals totals={totals.data} /> : <Skeleton active paragraph={{ rows: 6 }} />}
    </Card>
  );
}

function Totals({ totals }: { totals: DeliveryTotals }) {
  const { t } = useI18n();
  const rows = CLAIM_STATUSES.flatMap((status) => totals.byStatus.filter((r) => r.status === status));
  const amountOf = (s: ClaimStatus) => totals.byStatus.find((r) => r.status === s)?.amount ?? 0;
  const firmsOf = (s: ClaimStatus) => totals.byStatus.find((r) => r.status === s)?.firms ?? 0;
  const budget = totals.budget;
  const option = {
    aria: { enabled: true, decal: { show: true } },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; value: number; data: { firms: number } }) =>
        t('delivery.totals.tooltip', {
          status: p.seriesName,
          firms: formatNumber(p.data.firms),
          amount: formatNumber(p.value),
        }),
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [t('delivery.totals.bar')] },
    yAxis: {
      type: 'value',
      name: t('delivery.totals.axis'),
      max: budget === null ? undefined : Math.max(wan(budget), wan(totals.committed)),
    },
    series: COMMITTED.map(({ status, color }, i) => ({
      type: 'bar',
      stack: 'money',
      name: t(`claim.status.${status}`),
      itemStyle: { color },
      barWidth: 56,
      data: [{ value: wan(amountOf(status)), firms: firmsOf(status) }],
      ...(i === 0 && budget !== null
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: '#cf1322', type: 'dashed', width: 2 },
              label: {
                formatter: t('delivery.totals.budgetLine', { amount: formatWan(budget) }),
                position: 'insideEndBottom',
              },
              data: [{ yAxis: wan(budget) }],
            },
          }
        : {}),
    })),
  };

  return (
    <>
      <Row gutter={[8, 8]}>
        <Figure title={t('delivery.totals.budget')} testId="totals-budget" yuan={budget} />
        <Figure title={t('delivery.totals.committed')} testId="totals-committed" yuan={totals.committed} />
        <Figure title={t('delivery.totals.paid')} testId="totals-paid" yuan={totals.paid} />
      </Row>
      {rows.length === 0 ? (
        <Empty description={t('delivery.totals.none')} />
      ) : (
        <>
          <div aria-hidden data-testid="totals-chart">
            <EChart option={option} height={220} />
          </div>
          <Table
            data-testid="totals-by-status"
            rowKey="status"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              {
                key: 'status',
                title: t('delivery.totals.col.status'),
                render: (_, r) => <ClaimStatusTag status={r.status} />,
              },
              {
                key: 'firms',
                title: t('delivery.totals.col.firms'),
                align: 'right',
                render: (_, r) => formatNumber(r.firms),
              },
              {
                key: 'amount',
                title: t('delivery.totals.col.amount'),
                align: 'right',
                render: (_, r) => formatWan(r.amount),
              },
            ]}
          />
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('delivery.totals.note')}
      </Typography.Paragraph>
    </>
  );
}

/** One figure in 万元; `data-yuan` keeps the exact amount for whoever reads the page by machine. */
function Figure({ title, testId, yuan }: { title: string; testId: string; yuan: number | null }) {
  const { t } = useI18n();
  return (
    <Col span={8} data-testid={testId} data-yuan={yuan ?? ''}>
      <Statistic title={title} value={yuan === null ? t('delivery.totals.noBudget') : formatWan(yuan)} />
    </Col>
  );
}
