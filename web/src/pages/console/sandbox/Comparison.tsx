/**
 * What a sandbox run found: the key figures before → after (eligible firms, the total paid, against
 * the budget), one chart of firms by verdict beside the total, and where the firms that move go.
 */
import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Progress, Row, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { verdictLabel } from '../../../components/evaluation/index.ts';
import { formatNumber, formatWan } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { ChartCard, type Datum } from '../dashboard/ChartCard.tsx';
import { signed, VERDICTS, type SandboxResult } from './data.ts';

const aria = { enabled: true, decal: { show: true } };
const BEFORE = '#8c8c8c';
const AFTER = '#1677ff';

function Figure({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 20, fontWeight: 600, marginTop: 4 }}>{children}</div>
    </Card>
  );
}

/** before → after, and the change in colour and sign (more is green, fewer red). */
function Change({
  before,
  after,
  format,
  id,
}: {
  before: number;
  after: number;
  format: (n: number) => string;
  id: string;
}) {
  const delta = after - before;
  return (
    <>
      <span data-testid={`${id}-before`}>{format(before)}</span> <ArrowRightOutlined aria-label="→" />{' '}
      <span data-testid={`${id}-after`}>{format(after)}</span>{' '}
      <Typography.Text
        type={delta > 0 ? 'success' : delta < 0 ? 'danger' : 'secondary'}
        style={{ fontSize: 14 }}
        data-testid={`${id}-delta`}
      >
        （{signed(delta, format)}）
      </Typography.Text>
    </>
  );
}

export function Comparison({ result }: { result: SandboxResult }) {
  const { t } = useI18n();
  const { before, after, budget } = result;
  const beforeLabel = t('sandbox.before');
  const afterLabel = t('sandbox.after');
  const verdicts = VERDICTS.map((v) => verdictLabel(v, t));
  const data: Datum[] = VERDICTS.flatMap((v, i) => [
    { name: verdicts[i]!, series: beforeLabel, count: before.counts[v] },
    { name: verdicts[i]!, series: afterLabel, count: after.counts[v] },
  ]);
  const bar = (name: string, color: string, values: number[], xAxisIndex: number) => ({
    type: 'bar',
    name,
    xAxisIndex,
    yAxisIndex: xAxisIndex,
    itemStyle: { color },
    label: { show: true, position: 'top' },
    data: values,
  });
  // Two grids in one chart: firms by verdict (left) and the total in 万元 (right), one legend.
  const option = {
    aria,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: [
      { left: 8, right: '40%', top: 28, bottom: 32, containLabel: true },
      { left: '66%', right: 8, top: 28, bottom: 32, containLabel: true },
    ],
    xAxis: [
      { type: 'category', gridIndex: 0, data: verdicts },
      { type: 'category', gridIndex: 1, data: [t('sandbox.amount')] },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, minInterval: 1, name: t('sandbox.axis.firms') },
      { type: 'value', gridIndex: 1, name: t('unit.wan') },
    ],
    series: [
      bar(
        beforeLabel,
        BEFORE,
        VERDICTS.map((v) => before.counts[v]),
        0,
      ),
      bar(
        afterLabel,
        AFTER,
        VERDICTS.map((v) => after.counts[v]),
        0,
      ),
      bar(beforeLabel, BEFORE, [before.amount / 10_000], 1),
      bar(afterLabel, AFTER, [after.amount / 10_000], 1),
    ],
  };
  const used = budget ? after.amount / budget : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={6}>
          <Figure title={t('sandbox.kpi.qualified')} testId="sandbox-kpi-qualified">
            <Change
              id="sandbox-qualified"
              before={before.counts.qualified}
              after={after.counts.qualified}
              format={formatNumber}
            />
          </Figure>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Figure title={t('sandbox.kpi.amount')} testId="sandbox-kpi-amount">
            <Change id="sandbox-amount" before={before.amount} after={after.amount} format={formatWan} />
          </Figure>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Figure title={t('sandbox.kpi.budget')} testId="sandbox-kpi-budget">
            {budget === null ? (
              <Typography.Text type="warning">{t('reward.unpublished')}</Typography.Text>
            ) : (
              <>
                {formatWan(budget)}
                <Progress
                  percent={Math.round(used! * 1000) / 10}
                  status={used! > 1 ? 'exception' : 'normal'}
                  size="small"
                  aria-label={t('sandbox.kpi.budgetUsed')}
                />
                <Typography.Text type={used! > 1 ? 'danger' : 'secondary'} style={{ fontSize: 12, fontWeight: 400 }}>
                  {t(used! > 1 ? 'sandbox.kpi.overBudget' : 'sandbox.kpi.budgetUsed')}
                </Typography.Text>
              </>
            )}
          </Figure>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Figure title={t('sandbox.kpi.moved')} testId="sandbox-kpi-moved">
            <span data-testid="sandbox-moved">{formatNumber(result.moved)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
              {' '}
              {t('sandbox.kpi.ofFirms', { n: formatNumber(result.firms) })}
            </Typography.Text>
          </Figure>
        </Col>
      </Row>
      <ChartCard
        title={t('sandbox.chart')}
        testId="sandbox-chart"
        option={option}
        data={data}
        height={280}
        table={<Flows result={result} />}
      />
    </Space>
  );
}

/** Where the firms that move go: 不合格 → 合格：3 家; 合格（金额变化）：2 家. */
function Flows({ result }: { result: SandboxResult }) {
  const { t } = useI18n();
  if (result.flows.length === 0) return <Typography.Text type="secondary">{t('sandbox.flows.none')}</Typography.Text>;
  return (
    <section aria-labelledby="sandbox-flows-title">
      <Typography.Text strong id="sandbox-flows-title">
        {t('sandbox.flows')}
      </Typography.Text>
      <ul data-testid="sandbox-flows" style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {result.flows.map((f) => (
          <li key={`${f.from}-${f.to}`}>
            {f.from === f.to
              ? t('sandbox.flows.amountOnly', { verdict: verdictLabel(f.from, t) })
              : `${verdictLabel(f.from, t)} → ${verdictLabel(f.to, t)}`}
            {t('console.dash.count', { n: f.firms })}
          </li>
        ))}
      </ul>
    </section>
  );
}
