import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { IndexFormat } from './format.js';
import { chartFontFamily, palette } from './palette.js';
import type { IndexReportData } from './report-shape.js';

/**
 * Average daily active buyers per month for the busiest sub-industries: a
 * solid line for what happened, dashed in the same colour for the forecast
 * to December. The dashed line starts at the last actual month so the two join.
 */
export const dauLinesOption = (report: IndexReportData, f: IndexFormat, count = 5): EChartsOption => {
  const lines = report.dailyActiveBuyers.slice(0, count);
  const months = lines[0]?.monthly.map((p) => p.month) ?? [];
  const series: LineSeriesOption[] = lines.flatMap((line, i) => {
    const color = palette.series[i % palette.series.length];
    const name = f.name(line.name);
    const lastActual = line.monthly.findLastIndex((p) => p.actual !== null);
    const forecast = line.monthly.map((p, index) => (index === lastActual ? p.actual : p.forecast));
    return [
      {
        type: 'line',
        name,
        data: line.monthly.map((p) => p.actual),
        color,
        symbol: 'none',
        lineStyle: { width: 2 },
      },
      {
        type: 'line',
        name,
        data: forecast,
        color,
        symbol: 'none',
        lineStyle: { width: 2, type: 'dashed' },
        tooltip: { show: false },
      },
    ];
  });
  return {
    textStyle: { fontFamily: chartFontFamily },
    tooltip: { trigger: 'axis', valueFormatter: (value) => (value == null ? '—' : f.decimal(Number(value))) },
    legend: { bottom: 0, icon: 'roundRect', textStyle: { color: palette.text } },
    grid: { left: 8, right: 16, top: 28, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      data: months.map(f.month),
      boundaryGap: false,
      axisLabel: { color: palette.dimmed },
    },
    yAxis: {
      type: 'value',
      name: f.strings.activeBuyers,
      nameTextStyle: { color: palette.dimmed },
      axisLabel: { color: palette.dimmed },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series,
  };
};
