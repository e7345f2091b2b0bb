import type { EChartsOption } from 'echarts';
import type { IndexFormat } from './format.js';
import { chartFontFamily, palette } from './palette.js';
import type { IndexReportData } from './report-shape.js';

const axisText = { color: palette.dimmed };
const splitLine = { lineStyle: { color: palette.grid } };

/** Horizontal bars, first item on top, each labelled at its end. */
const rankedBars = (input: {
  names: string[];
  values: number[];
  colors?: string[];
  axisLabel: (value: number) => string;
  barLabel: (index: number) => string;
}): EChartsOption => ({
  textStyle: { fontFamily: chartFontFamily },
  grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
  xAxis: { type: 'value', axisLabel: { ...axisText, formatter: input.axisLabel }, splitLine },
  yAxis: {
    type: 'category',
    inverse: true,
    data: input.names,
    axisLabel: { ...axisText, color: palette.text },
    axisTick: { show: false },
  },
  series: [
    {
      type: 'bar',
      barMaxWidth: 18,
      data: input.values.map((value, i) => ({
        value,
        itemStyle: { color: input.colors?.[i] ?? palette.bar },
      })),
      label: {
        show: true,
        position: 'right',
        color: palette.text,
        formatter: (item) => input.barLabel((item as { dataIndex: number }).dataIndex),
      },
    },
  ],
});

/** The ten provinces with the most GMV, with their share of the whole. */
export const topProvincesOption = (report: IndexReportData, f: IndexFormat): EChartsOption => {
  const top = report.provinces.slice(0, 10);
  return rankedBars({
    names: top.map((p) => `${p.rank}. ${f.province(p)}`),
    values: top.map((p) => p.gmvUsd),
    axisLabel: f.compactUsd,
    barLabel: (i) => `${f.compactUsd(top[i]!.gmvUsd)} · ${f.share(top[i]!.share)}`,
  });
};

/** Each industry's GMV growth against the base period, fastest first; no base, no bar. */
export const industryGrowthOption = (report: IndexReportData, f: IndexFormat): EChartsOption => {
  const rows = report.industries
    .filter((i) => i.growth !== null)
    .sort((a, b) => b.growth! - a.growth!)
    .slice(0, 12);
  return rankedBars({
    names: rows.map((i) => f.name(i.name)),
    values: rows.map((i) => i.growth!),
    colors: rows.map((i) => (i.growth! < 0 ? palette.negative : palette.positive)),
    axisLabel: (value) => f.growth(value),
    barLabel: (i) => f.growth(rows[i]!.growth),
  });
};

/** Buyer regions by active buyers, with their GMV. */
export const buyerMarketsOption = (report: IndexReportData, f: IndexFormat): EChartsOption => {
  const rows = report.buyerRegions.slice(0, 10);
  return rankedBars({
    names: rows.map((r) => `${r.rank}. ${f.name(r.names)}`),
    values: rows.map((r) => r.activeBuyers),
    axisLabel: f.integer,
    barLabel: (i) => `${f.integer(rows[i]!.activeBuyers)} · ${f.compactUsd(rows[i]!.gmvUsd)}`,
  });
};
