import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { IndexFormat } from './format.js';
import { chartFontFamily, palette } from './palette.js';

/**
 * The freight rate index as it travels as JSON (GET /api/freight/index).
 * Written out here, with the chart, so the web app can read it without
 * importing server code; logistics/freight-index.ts checks it returns exactly this.
 */
export type FreightIndexData = {
  /** ISO weeks (`2026-W45`), oldest first; the last one may still be under way. */
  weeks: string[];
  lanes: {
    /** UN/LOCODEs. */
    origin: string;
    destination: string;
    /** `Shanghai → Los Angeles`. */
    name: string;
    /** One per week of `weeks`; `usdPerFeu` is null in a week without bookings. */
    points: { week: string; usdPerFeu: number | null; containers: number; forwarders: number }[];
  }[];
  /** The container-weighted mean of every lane's index, per week of `weeks`. */
  composite: { week: string; usdPerFeu: number | null }[];
};

/** The Monday an ISO week (`2026-W45`) starts on, as YYYY-MM-DD. */
export const isoWeekMonday = (week: string): string => {
  const [year, number] = week.split('-W').map(Number) as [number, number];
  // 4 January is always in week 1; step back to its Monday, then forward.
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday + (number - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
};

/** A week as its Monday in the chart's language: "Nov 2", "11月2日", "2 nov". */
export const weekLabel = (f: IndexFormat, week: string) =>
  new Intl.DateTimeFormat(f.lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoWeekMonday(week)}T00:00:00Z`),
  );

/**
 * The freight rate index per week: one line per busiest lane (the API lists
 * them by containers booked) and the composite, thicker and dark, on top. A
 * week without bookings is a gap, never a zero.
 */
export const freightIndexOption = (data: FreightIndexData, f: IndexFormat, count = 5): EChartsOption => {
  const s = f.strings;
  const lanes: LineSeriesOption[] = data.lanes.slice(0, count).map((lane, i) => ({
    type: 'line',
    name: lane.name,
    data: lane.points.map((p) => p.usdPerFeu),
    color: palette.series[i % palette.series.length],
    symbolSize: 5,
    connectNulls: false,
    lineStyle: { width: 2 },
  }));
  const composite: LineSeriesOption = {
    type: 'line',
    name: s.freightComposite,
    data: data.composite.map((p) => p.usdPerFeu),
    color: palette.text,
    symbol: 'none',
    lineStyle: { width: 3 },
    z: 3,
  };
  return {
    textStyle: { fontFamily: chartFontFamily },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (value == null ? '—' : f.usd(Number(value))),
    },
    legend: { bottom: 0, icon: 'roundRect', textStyle: { color: palette.text } },
    grid: { left: 8, right: 16, top: 28, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      data: data.weeks.map((week) => weekLabel(f, week)),
      boundaryGap: false,
      axisLabel: { color: palette.dimmed },
    },
    yAxis: {
      type: 'value',
      name: s.usdPerFeu,
      scale: true,
      nameTextStyle: { color: palette.dimmed },
      axisLabel: { color: palette.dimmed, formatter: (value: number) => f.compactUsd(value) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: [...lanes, composite],
  };
};
