/**
 * A minimal ECharts component (tree-shaken: bar, pie and line charts only): it sets the option,
 * follows the container's size and calls `onClick` with the clicked item's data. echarts-for-react
 * 3.0.6 imports `tslib` without declaring it, so the build cannot resolve it; this replaces it.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  CanvasRenderer,
]);

interface Props {
  option: echarts.EChartsCoreOption;
  height: number;
  onClick?: (data: unknown) => void;
}

export function EChart({ option, height, onClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);

  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = ref.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (e) => click.current?.(e.data));
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  // A re-render with the same option (a new object, the same content) leaves the chart alone.
  const shown = useRef('');
  useEffect(() => {
    const text = JSON.stringify(option);
    if (!chart.current || text === shown.current) return;
    shown.current = text;
    chart.current.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} style={{ height, width: '100%' }} />;
}
