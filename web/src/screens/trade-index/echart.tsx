import { useMediaQuery } from '@mantine/hooks';
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

type Option = echarts.EChartsCoreOption & { legend?: object; xAxis?: { axisLabel?: object } };

/**
 * The same chart on a phone: a legend of several series would wrap onto the axis labels, so it
 * scrolls in one row; value labels on a 300 px axis run into each other, so the overlapping ones hide.
 */
const fitToPhone = (option: Option): Option => ({
  ...option,
  ...(option.legend ? { legend: { ...option.legend, type: 'scroll' } } : {}),
  ...(option.xAxis && !Array.isArray(option.xAxis)
    ? { xAxis: { ...option.xAxis, axisLabel: { ...option.xAxis.axisLabel, hideOverlap: true } } }
    : {}),
});

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

  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  useEffect(() => {
    const fitted = narrow ? fitToPhone(option) : option;
    chart.current?.setOption({ aria: { enabled: true }, ...fitted }, { notMerge: true });
  }, [option, narrow]);

  return (
    <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />
  );
};
