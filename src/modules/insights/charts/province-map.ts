import type { EChartsOption } from 'echarts';
import type { IndexFormat } from './format.js';
import { chartFontFamily, palette } from './palette.js';
import type { IndexReportData } from './report-shape.js';

/** The name the China province map is registered under (ECharts adds the South China Sea inset to it). */
export const chinaMapName = 'china';

/**
 * GMV by supplier province on the map of China. Features are matched by their
 * GB/T 2260 code (the map's `id`), never by name, and shown in the reader's language.
 */
export const provinceMapOption = (report: IndexReportData, f: IndexFormat): EChartsOption => {
  const max = Math.max(1, ...report.provinces.map((p) => p.gmvUsd));
  const names = Object.fromEntries(report.provinces.map((p) => [p.code, f.province(p)]));
  return {
    textStyle: { fontFamily: chartFontFamily },
    tooltip: {
      trigger: 'item',
      formatter: (item) => {
        const { name, value } = item as { name: string; value?: number };
        return Number.isFinite(value) ? `${name}<br/>${f.strings.gmv}: ${f.usd(value!)}` : name;
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      left: 8,
      bottom: 8,
      calculable: false,
      text: [f.strings.high, f.strings.low],
      textStyle: { color: palette.dimmed },
      inRange: { color: [palette.mapLow, palette.mapHigh] },
      formatter: (value) => f.compactUsd(Number(value)),
    },
    series: [
      {
        type: 'map',
        map: chinaMapName,
        nameProperty: 'id',
        nameMap: names,
        roam: false,
        // As large as the box allows (a share of its shorter side), right of the colour scale.
        layoutCenter: ['55%', '50%'],
        layoutSize: '100%',
        label: { show: false },
        itemStyle: { areaColor: palette.mapEmpty, borderColor: palette.border, borderWidth: 0.8 },
        emphasis: { label: { show: true, color: palette.text }, itemStyle: { areaColor: '#ffd43b' } },
        select: { disabled: true },
        data: report.provinces.map((p) => ({ name: names[p.code], value: p.gmvUsd })),
      },
    ],
  };
};
