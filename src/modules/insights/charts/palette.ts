// The platform's ocean blues (web/src/theme.ts) and a growth red/green pair with
// enough contrast on white for labels.
export const palette = {
  mapLow: '#e7f1fb',
  mapHigh: '#0b3f7c',
  mapEmpty: '#f1f3f5',
  border: '#ffffff',
  bar: '#1a63bb',
  positive: '#2b8a3e',
  negative: '#c92a2a',
  text: '#212529',
  dimmed: '#495057',
  grid: '#dee2e6',
  /** One colour per daily-active-buyers line. */
  series: ['#1a63bb', '#e8590c', '#2b8a3e', '#9c36b5', '#0c8599', '#c92a2a'],
} as const;

/**
 * Font families that hold Chinese glyphs on most systems; the PDF uses its own
 * font whatever this says. Single quotes on purpose: ECharts' SVG renderer puts
 * this inside a double-quoted style attribute without escaping it.
 */
export const chartFontFamily =
  "'Noto Sans SC', system-ui, 'PingFang SC', 'Microsoft YaHei', 'Tradelane CJK', sans-serif";
