/**
 * 辖区企业看板: the officer's region (or a sub-region picked below it) at a glance. Key figures
 * first, then charts by size class, tier, industry section and sub-region; every figure, bar and
 * slice opens the firm list behind it, and each chart lists the same links as text.
 */
import { Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../auth.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryError } from '../../layout/ErrorPage.tsx';
import { isCounty, listLink, useFirmCount, usePolicies, useStats, type Stats } from '../../components/console/data.ts';
import {
  isSizeClass,
  parseTag,
  SECTIONS,
  SIZE_CLASSES,
  tierByHonor,
  tierByPolicy,
  TIERS,
  useConsoleLabels,
} from '../../components/console/labels.ts';
import { RegionPicker, regionChain } from '../../components/console/RegionPicker.tsx';
import { ChartCard, type Datum } from './dashboard/ChartCard.tsx';
import { TrendCharts } from './dashboard/TrendCharts.tsx';

const SPECIALIZED = { honor: 'specialized_sme', policy: 'cn.miit.specialized-sme' };

const aria = { enabled: true, decal: { show: true } };

export default function Dashboard() {
  const { t } = useI18n();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const region = params.get('region') || undefined;
  const stats = useStats(region);
  const root = me?.role === 'reviewer' ? me.regionCode : null;
  const chain = regionChain(root, region);
  const parentStats = useStats(chain.length >= 2 ? chain[chain.length - 2] : undefined);
  const regionName = region ? parentStats.data?.byRegion.find((r) => r.code === region)?.name : undefined;
  const candidates = useFirmCount({
    region,
    tag: [`qualifies:${SPECIALIZED.policy}`],
    notTag: [`holds:${SPECIALIZED.honor}`],
  });
  const setRegion = (r: string | undefined) => setParams(r ? { region: r } : {});

  if (stats.isError) return <QueryError error={stats.error} onRetry={() => void stats.refetch()} />;
  const scope = region
    ? `${regionName ?? region}`
    : me?.role === 'admin'
      ? t('console.region.country')
      : t('console.region.own');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 8]} align="middle" justify="space-between">
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('console.dash.title')}
            <Typography.Text type="secondary" style={{ fontSize: 16, marginInlineStart: 12 }}>
              {scope}
            </Typography.Text>
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <RegionPicker value={region} onChange={setRegion} testId="region-picker" />
            <Link to={listLink({ region })}>{t('console.dash.toList')}</Link>
            <Link to="/console/imports">{t('console.nav.imports')}</Link>
          </Space>
        </Col>
      </Row>
      {stats.data ? (
        <Body stats={stats.data} region={region} candidates={candidates.data} setRegion={setRegion} />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
    </Space>
  );
}

function Kpi({
  title,
  value,
  link,
  testId,
}: {
  title: string;
  value: number | undefined;
  link: string;
  testId: string;
}) {
  return (
    <Link to={link} data-testid={testId} style={{ display: 'block', height: '100%' }}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Statistic
          title={title}
          value={value === undefined ? '—' : formatNumber(value)}
          loading={value === undefined}
        />
      </Card>
    </Link>
  );
}

function Body({
  stats,
  region,
  candidates,
  setRegion,
}: {
  stats: Stats;
  region: string | undefined;
  candidates: number | undefined;
  setRegion(r: string | undefined): void;
}) {
  const { t } = useI18n();
  const { honorName, policyName, sizeName, sectionName } = useConsoleLabels();
  const rewards = new Set((usePolicies().data ?? []).filter((p) => p.kind === 'reward').map((p) => p.id));
  const tagCount = (tag: string) => stats.byTag.find((x) => x.tag === tag)?.count ?? 0;

  // Size class: a donut, in the order large → micro, firms not yet classed last.
  const sizeData: Datum[] = [...stats.bySize]
    .sort((a, b) => rank(SIZE_CLASSES, a.sizeClass) - rank(SIZE_CLASSES, b.sizeClass))
    .map((s) => ({
      name: sizeName(s.sizeClass),
      count: s.count,
      link: isSizeClass(s.sizeClass) ? listLink({ region, size: s.sizeClass }) : undefined,
    }));

  // Tiers: held (a valid title) beside qualified for now (by the engine on the current data).
  const honours = new Set<string>();
  const policies = new Set<string>();
  for (const { tag } of stats.byTag) {
    const p = parseTag(tag);
    if (p.kind === 'holds') honours.add(p.value);
    if (p.kind === 'qualifies') policies.add(p.value);
  }
  // `short` names the bars (科技型, 小巨人 …), so the axis fits a phone; the links use the full name.
  const rows: { name: string; short: string; holds?: string; qualifies?: string }[] = [
    ...TIERS.filter((x) => honours.has(x.honor) || (x.policy && policies.has(x.policy))).map((x) => ({
      name: honorName(x.honor),
      short: honorName(x.honor, true),
      holds: `holds:${x.honor}`,
      qualifies: x.policy ? `qualifies:${x.policy}` : undefined,
    })),
    ...[...honours].filter((h) => !tierByHonor(h)).map((h) => ({ name: h, short: h, holds: `holds:${h}` })),
    // Rewards a firm would be paid are not tiers: they have their own page (免申即享).
    ...[...policies]
      .filter((p) => !tierByPolicy(p) && !rewards.has(p))
      .map((p) => ({ name: policyName(p), short: policyName(p), qualifies: `qualifies:${p}` })),
  ];
  const heldLabel = t('console.dash.held');
  const qualLabel = t('console.dash.qualifies');
  const qualShort = t('console.dash.qualifiesShort');
  const tierItem = (tag: string | undefined) =>
    tag ? { value: tagCount(tag), link: listLink({ region, tag: [tag] }) } : { value: 0 };
  const tierData: Datum[] = rows.flatMap((r) => [
    ...(r.holds ? [{ name: r.name, series: heldLabel, count: tagCount(r.holds), link: tierItem(r.holds).link }] : []),
    ...(r.qualifies
      ? [{ name: r.name, series: qualShort, count: tagCount(r.qualifies), link: tierItem(r.qualifies).link }]
      : []),
  ]);
  const reversed = [...rows].reverse();

  // Industry sections, most firms first.
  const industryData: Datum[] = [...stats.byIndustry]
    .sort((a, b) => b.count - a.count)
    .map((s) => ({
      name: SECTIONS.includes(s.section) ? `${s.section} ${sectionName(s.section)}` : t('console.unknown'),
      count: s.count,
      link: SECTIONS.includes(s.section) ? listLink({ region, industry: s.section }) : undefined,
    }));

  // Sub-regions, most firms first; each also drills the dashboard down.
  const regionData: Datum[] = [...stats.byRegion]
    .filter((r) => r.code !== region || stats.byRegion.length === 1)
    .sort((a, b) => b.count - a.count)
    .map((r) => {
      const known = /^\d{6}$/.test(r.code);
      return {
        name: known ? (r.name ?? r.code) : t('console.unknown'),
        count: r.count,
        link: known ? listLink({ region: r.code }) : undefined,
        extra:
          known && !isCounty(r.code) && r.code !== region ? (
            <a
              href={`/console?region=${r.code}`}
              onClick={(e) => {
                e.preventDefault();
                setRegion(r.code);
              }}
            >
              {t('console.dash.drill')}
            </a>
          ) : undefined,
      };
    });

  const bar = (data: Datum[]) => ({
    aria,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: [...data].reverse().map((d) => d.name),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('console.dash.firmsAxis'),
        label: { show: true, position: 'right' },
        itemStyle: { color: '#1677ff' },
        cursor: 'pointer',
        data: [...data].reverse().map((d) => ({ value: d.count, link: d.link })),
      },
    ],
  });
  const barHeight = (n: number) => Math.max(200, n * 30 + 40);

  const specializedHeld = tagCount(`holds:${SPECIALIZED.honor}`);
  const littleGiantHeld = tagCount('holds:little_giant');

  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Kpi title={t('console.kpi.total')} value={stats.total} link={listLink({ region })} testId="kpi-total" />
        </Col>
        <Col xs={12} lg={6}>
          <Kpi
            title={t('console.kpi.specializedHeld')}
            value={specializedHeld}
            link={listLink({ region, tag: [`holds:${SPECIALIZED.honor}`] })}
            testId="kpi-specialized-held"
          />
        </Col>
        <Col xs={12} lg={6}>
          <Kpi
            title={t('console.kpi.littleGiantHeld')}
            value={littleGiantHeld}
            link={listLink({ region, tag: ['holds:little_giant'] })}
            testId="kpi-little-giant-held"
          />
        </Col>
        <Col xs={12} lg={6}>
          <Kpi
            title={t('console.kpi.candidates')}
            value={candidates}
            link={listLink({
              region,
              tag: [`qualifies:${SPECIALIZED.policy}`],
              notTag: [`holds:${SPECIALIZED.honor}`],
            })}
            testId="kpi-candidates"
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('console.chart.size')}
            testId="chart-size"
            data={sizeData}
            option={{
              aria,
              tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
              legend: { bottom: 0, type: 'scroll' },
              series: [
                {
                  type: 'pie',
                  radius: ['36%', '60%'],
                  center: ['50%', '45%'],
                  cursor: 'pointer',
                  label: { formatter: '{b}\n{c}' },
                  data: sizeData.map((d) => ({ name: d.name, value: d.count, link: d.link })),
                },
              ],
            }}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('console.chart.tier')}
            testId="chart-tier"
            data={tierData}
            height={barHeight(rows.length * 1.6)}
            option={{
              aria,
              tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
              legend: { bottom: 0 },
              grid: { left: 8, right: 40, top: 8, bottom: 32, containLabel: true },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: {
                type: 'category',
                data: reversed.map((r) => r.short),
                axisLabel: { width: 110, overflow: 'truncate' },
              },
              series: [
                {
                  type: 'bar',
                  name: heldLabel,
                  cursor: 'pointer',
                  label: { show: true, position: 'right' },
                  itemStyle: { color: '#52c41a' },
                  data: reversed.map((r) => tierItem(r.holds)),
                },
                {
                  type: 'bar',
                  name: qualLabel,
                  cursor: 'pointer',
                  label: { show: true, position: 'right' },
                  itemStyle: { color: '#1677ff' },
                  data: reversed.map((r) => tierItem(r.qualifies)),
                },
              ],
            }}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('console.chart.industry')}
            testId="chart-industry"
            data={industryData}
            height={barHeight(industryData.length)}
            option={bar(industryData)}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('console.chart.region')}
            testId="chart-region"
            data={regionData}
            height={barHeight(regionData.length)}
            option={bar(regionData)}
          />
        </Col>
      </Row>
      <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
        {t('console.trend.title')}
      </Typography.Title>
      <TrendCharts region={region} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('console.dash.note')}
      </Typography.Paragraph>
    </>
  );
}

const rank = (order: readonly string[], v: string) => {
  const i = order.indexOf(v);
  return i < 0 ? order.length : i;
};
