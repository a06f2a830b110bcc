/**
 * 年度趋势: per fiscal year, the revenue and R&D expense the firms reported (latest recorded values,
 * in 万元; the number of firms reporting is in the table), and the titles that started each year.
 * No firm list can be filtered by year, so these charts are not links; a table under each says
 * the same as the chart.
 */
import { Col, Row, Skeleton, Table } from 'antd';
import { formatNumber, formatWan } from '../../../format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useTrends, type Trends } from '../../../components/console/data.ts';
import { TIERS, useConsoleLabels } from '../../../components/console/labels.ts';
import { ChartCard } from './ChartCard.tsx';

type Year = Trends['years'][number];

const aria = { enabled: true, decal: { show: true } };
const wan = (yuan: number) => Math.round(yuan / 100) / 100;

export function TrendCharts({ region }: { region: string | undefined }) {
  const { t } = useI18n();
  const { honorName } = useConsoleLabels();
  const trends = useTrends(region);
  if (trends.isError) return null;
  if (!trends.data) return <Skeleton active />;
  const figures = trends.data.years.filter((y) => y.firmsReporting > 0);
  const withTitles = trends.data.years.filter((y) => Object.keys(y.titles).length > 0);
  const kinds = [
    ...TIERS.map((x) => x.honor).filter((k) => withTitles.some((y) => y.titles[k])),
    ...[...new Set(withTitles.flatMap((y) => Object.keys(y.titles)))].filter((k) => !TIERS.some((x) => x.honor === k)),
  ];
  const firmsLabel = t('console.trend.firmsReporting');
  const revenueLabel = t('console.trend.revenue');
  const rdLabel = t('console.trend.rdExpense');
  const inWan = (label: string) => t('console.trend.inWan', { label });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('console.chart.trendFigures')}
          testId="chart-trend-figures"
          data={figures.map((y) => ({ name: String(y.year), count: y.firmsReporting }))}
          option={{
            aria,
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 8, right: 8, top: 36, bottom: 32, containLabel: true },
            xAxis: { type: 'category', data: figures.map((y) => String(y.year)) },
            yAxis: [
              { type: 'value', name: revenueLabel, nameTextStyle: { align: 'left' } },
              { type: 'value', name: rdLabel, nameTextStyle: { align: 'right' }, splitLine: { show: false } },
            ],
            series: [
              {
                type: 'bar',
                name: inWan(revenueLabel),
                data: figures.map((y) => wan(y.revenue)),
                itemStyle: { color: '#91caff' },
                barMaxWidth: 48,
              },
              {
                type: 'line',
                name: inWan(rdLabel),
                yAxisIndex: 1,
                symbol: 'triangle',
                symbolSize: 10,
                lineStyle: { type: 'dashed', width: 2 },
                data: figures.map((y) => wan(y.rdExpense)),
                itemStyle: { color: '#fa8c16' },
              },
            ],
          }}
          table={
            <Table<Year>
              data-testid="chart-trend-figures-table"
              size="small"
              rowKey="year"
              pagination={false}
              scroll={{ x: true }}
              dataSource={figures}
              columns={[
                { title: t('console.trend.year'), dataIndex: 'year' },
                { title: firmsLabel, dataIndex: 'firmsReporting', render: (n: number) => formatNumber(n) },
                {
                  title: `${revenueLabel}（${t('unit.wan')}）`,
                  dataIndex: 'revenue',
                  render: (v: number) => formatWan(v),
                },
                {
                  title: `${rdLabel}（${t('unit.wan')}）`,
                  dataIndex: 'rdExpense',
                  render: (v: number) => formatWan(v),
                },
              ]}
            />
          }
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('console.chart.trendTitles')}
          testId="chart-trend-titles"
          data={withTitles.map((y) => ({
            name: String(y.year),
            count: Object.values(y.titles).reduce((a, b) => a + b, 0),
          }))}
          option={{
            aria,
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            legend: { bottom: 0, type: 'scroll' },
            grid: { left: 8, right: 8, top: 16, bottom: 32, containLabel: true },
            xAxis: { type: 'category', data: withTitles.map((y) => String(y.year)) },
            yAxis: { type: 'value', minInterval: 1 },
            series: kinds.map((k) => ({
              type: 'bar',
              stack: 'titles',
              name: honorName(k),
              data: withTitles.map((y) => y.titles[k] ?? 0),
            })),
          }}
          table={
            <Table<Year>
              data-testid="chart-trend-titles-table"
              size="small"
              rowKey="year"
              pagination={withTitles.length > 6 ? { pageSize: 6, size: 'small' } : false}
              scroll={{ x: true }}
              dataSource={[...withTitles].reverse()}
              columns={[
                { title: t('console.trend.year'), dataIndex: 'year', fixed: 'left' },
                ...kinds.map((k) => ({
                  title: honorName(k, true),
                  key: k,
                  render: (_: unknown, y: Year) => formatNumber(y.titles[k] ?? 0),
                })),
              ]}
            />
          }
        />
      </Col>
    </Row>
  );
}
