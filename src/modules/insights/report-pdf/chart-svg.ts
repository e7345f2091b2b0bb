import { readFileSync } from 'node:fs';
import * as echarts from 'echarts';
import { dataFile } from '../../../core/paths.js';
import { chinaMapName } from '../charts/index.js';

let mapRegistered = false;

/** The China province map shipped in `data/maps`, registered with ECharts once per process. */
const registerChinaMap = () => {
  if (mapRegistered) return;
  const geoJson = JSON.parse(readFileSync(dataFile('maps/china-provinces.json'), 'utf8'));
  echarts.registerMap(chinaMapName, geoJson);
  mapRegistered = true;
};

/**
 * One chart drawn on the server as SVG (ECharts' server-side rendering): the
 * dashboard's own chart option, so the PDF shows the same chart, without animation.
 */
export const chartSvg = (option: echarts.EChartsCoreOption, size: { width: number; height: number }) => {
  registerChinaMap();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
};
