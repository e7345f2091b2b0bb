// Trade-index charts as ECharts options: pure functions of the report, drawn
// in the browser by the dashboard and on the server (SVG) for the PDF.
export { buyerMarketsOption, industryGrowthOption, topProvincesOption } from './bar-charts.js';
export { dauLinesOption } from './dau-lines.js';
export { type IndexFormat, indexFormat } from './format.js';
export {
  type FreightIndexData,
  freightIndexOption,
  isoWeekMonday,
  weekLabel,
} from './freight-index.js';
export { chartFontFamily, palette } from './palette.js';
export { chinaMapName, provinceMapOption } from './province-map.js';
export type { Growth, IndexReportData, Localized } from './report-shape.js';
export { fill, type IndexLang, type IndexStrings, indexLangs, indexStrings, isIndexLang } from './strings.js';
