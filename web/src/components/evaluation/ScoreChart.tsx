/**
 * The score breakdown as a bar chart (points against the maximum, per item). Loaded on demand by
 * EvaluationView, so a page whose evaluation has no score never pulls echarts. It drives echarts
 * directly (init, setOption, resize with its box): echarts-for-react's ESM build needs tslib, which
 * is not installed at the top level.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { EvaluationData } from './types.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function ScoreChart({ score }: { score: NonNullable<EvaluationData['score']> }) {
  const { t, pick } = useI18n();
  const items = [...score.items].reverse();
  const names = items.map((i) => pick(i.title));
  const summary = score.items.map((i) => `${pick(i.title)} ${i.points ?? '?'}/${i.max}`).join('；');
  const option = {
    animationDuration: 300,
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, data: [t('evaluation.score.points'), t('evaluation.score.max')] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: Math.max(...score.items.map((i) => i.max), 1) },
    yAxis: {
      type: 'category',
      data: names,
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        name: t('evaluation.score.points'),
        type: 'bar',
        barGap: '-100%',
        z: 3,
        data: items.map((i) => i.points ?? 0),
        itemStyle: { color: '#1677ff' },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => items[p.dataIndex]?.points ?? '?',
        },
      },
      {
        name: t('evaluation.score.max'),
        type: 'bar',
        z: 1,
        data: items.map((i) => i.max),
        itemStyle: { color: '#e6e6e6' },
      },
    ],
  };
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  });
  return (
    <div
      ref={box}
      role="img"
      aria-label={`${t('evaluation.score.chart')}：${summary}`}
      data-testid="score-chart"
      style={{ height: Math.max(160, items.length * 44 + 48), width: '100%' }}
    />
  );
}
