import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import chinaProvinces from '../../../../data/maps/china-provinces.json';
import { chinaMapName } from '../../../../src/modules/insights/charts/index.js';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);
// The map shipped in the repository, the one the PDF draws too.
echarts.registerMap(chinaMapName, chinaProvinces as Parameters<typeof echarts.registerMap>[1]);

type Props = {
  option: echarts.EChartsCoreOption;
  height: number;
  /** What the chart shows, for screen readers (ECharts adds a description of the data). */
  label: string;
  testId?: string;
};

/**
 * One ECharts chart, drawn as SVG (crisp when printed, and its text is in the
 * page), resized with its box and disposed with the component.
 */
export const EChart = ({ option, height, label, testId }: Props) => {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />
  );
};
