/**
 * One dashboard chart: a card with the chart, every bar or slice a link to the list behind it, and
 * the same links as a plain list under the chart, so the keyboard and screen readers reach them and
 * colour is never the only signal. ECharts is loaded only with the (lazily loaded) dashboard.
 */
import { Card, Empty, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../i18n/index.tsx';
import { EChart } from './EChart.tsx';

export interface Datum {
  /** What the bar or slice is called. */
  name: string;
  count: number;
  /** The list behind it; none when the list cannot be filtered that way (an unknown value). */
  link?: string;
  /** Which series (for a chart with two); the links list names it. */
  series?: string;
  /** Another action on the row, e.g. drilling the dashboard into a sub-region. */
  extra?: ReactNode;
}

interface Props {
  title: string;
  testId: string;
  /** The ECharts option; every data item carries a `link` the click handler follows. */
  option: EChartsCoreOption;
  data: Datum[];
  height?: number;
  extra?: ReactNode;
  /** What the chart shows as text, instead of the links list (for a chart with no list behind it). */
  table?: ReactNode;
}

export function ChartCard({ title, testId, option, data, height = 300, extra, table }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const linked = data.filter((d) => d.count > 0);
  return (
    <Card title={title} extra={extra} size="small" style={{ height: '100%' }} data-testid={testId}>
      {linked.length === 0 ? (
        <Empty description={t('console.dash.noData')} />
      ) : (
        <>
          <div aria-hidden>
            <EChart
              option={option}
              height={height}
              onClick={(d) => {
                const link = (d as { link?: string } | undefined)?.link;
                if (link) navigate(link);
              }}
            />
          </div>
          {table ?? (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} id={`${testId}-links`}>
                {t('console.dash.linksHint')}
              </Typography.Text>
              <ul
                aria-labelledby={`${testId}-links`}
                data-testid={`${testId}-links`}
                style={{
                  display: 'flex',
                  flexWrap: 'wrap',
                  gap: '4px 16px',
                  listStyle: 'none',
                  padding: 0,
                  margin: '4px 0 0',
                }}
              >
                {linked.map((d) => (
                  <li key={`${d.series ?? ''}:${d.name}`} style={{ whiteSpace: 'nowrap' }}>
                    {d.link ? (
                      <Link to={d.link}>
                        {d.series ? `${d.series} · ` : ''}
                        {d.name}
                      </Link>
                    ) : (
                      <span>
                        {d.series ? `${d.series} · ` : ''}
                        {d.name}
                      </span>
                    )}
                    {t('console.dash.count', { n: d.count })}
                    {d.extra ? <> {d.extra}</> : null}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Card>
  );
}
