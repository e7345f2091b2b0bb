// The words of the trade-index charts and report sections, shared by the web
// dashboard and the PDF so both say the same thing in each language.

export type IndexLang = 'en' | 'zh-CN' | 'es';
export const indexLangs: readonly IndexLang[] = ['en', 'zh-CN', 'es'];
export const isIndexLang = (value: string): value is IndexLang =>
  (indexLangs as readonly string[]).includes(value);

const en = {
  reportTitle: 'Tradelane trade index',
  periodAgainst: '{{period}} against {{base}}',
  gmv: 'GMV',
  orders: 'Orders',
  buyers: 'Buyers',
  growth: 'Growth',
  share: 'Share',
  rank: 'Rank',
  province: 'Province',
  vsYearEarlier: 'vs a year earlier',
  provinceMap: 'Supplier provinces by GMV',
  topProvinces: 'Top 10 supplier provinces',
  topIndustries: 'Top industries',
  industryGrowth: 'Industry growth',
  buyerMarkets: 'Buyer markets',
  activeBuyers: 'Active buyers',
  blueOcean: 'Blue-ocean categories',
  blueOceanNote:
    'Score 0–100: half from demand growth (searches, RFQs, inquiries), half from demand per active listing.',
  category: 'Category',
  score: 'Score',
  demand: 'Demand',
  listings: 'Active listings',
  demandGrowth: 'Demand growth',
  demandPerListing: 'Demand per listing',
  dailyActiveBuyers: 'Daily active buyers by sub-industry',
  actual: 'actual',
  forecast: 'forecast',
  fullYearForecast: 'Full-year {{year}} forecast',
  high: 'High',
  low: 'Low',
  noData: 'No trade recorded in this period.',
  generated: 'Generated {{date}} from the platform’s own orders and buyer activity.',
};

export type IndexStrings = typeof en;

const zh: IndexStrings = {
  reportTitle: 'Tradelane 新外贸指数',
  periodAgainst: '{{period}}，对比 {{base}}',
  gmv: '交易额',
  orders: '订单数',
  buyers: '买家数',
  growth: '增长率',
  share: '占比',
  rank: '排名',
  province: '省份',
  vsYearEarlier: '同比',
  provinceMap: '各省供应商交易额',
  topProvinces: '供应商省份前十',
  topIndustries: '主要行业',
  industryGrowth: '行业增长',
  buyerMarkets: '买家市场',
  activeBuyers: '活跃买家',
  blueOcean: '蓝海品类',
  blueOceanNote: '得分 0–100：一半来自需求增长（搜索、询盘、RFQ），一半来自每个在售商品对应的需求。',
  category: '品类',
  score: '得分',
  demand: '需求',
  listings: '在售商品',
  demandGrowth: '需求增长',
  demandPerListing: '每商品需求',
  dailyActiveBuyers: '各子行业日活跃买家',
  actual: '实际',
  forecast: '预测',
  fullYearForecast: '{{year}} 全年预测',
  high: '高',
  low: '低',
  noData: '该期间没有交易记录。',
  generated: '生成于 {{date}}，数据来自平台自身的订单与买家行为。',
};

const es: IndexStrings = {
  reportTitle: 'Índice comercial de Tradelane',
  periodAgainst: '{{period}} frente a {{base}}',
  gmv: 'Volumen (GMV)',
  orders: 'Pedidos',
  buyers: 'Compradores',
  growth: 'Crecimiento',
  share: 'Cuota',
  rank: 'Puesto',
  province: 'Provincia',
  vsYearEarlier: 'frente al año anterior',
  provinceMap: 'Provincias proveedoras por volumen',
  topProvinces: 'Las 10 principales provincias proveedoras',
  topIndustries: 'Sectores principales',
  industryGrowth: 'Crecimiento por sector',
  buyerMarkets: 'Mercados compradores',
  activeBuyers: 'Compradores activos',
  blueOcean: 'Categorías de océano azul',
  blueOceanNote:
    'Puntuación 0–100: la mitad por el crecimiento de la demanda (búsquedas, RFQ, consultas), la mitad por la demanda por anuncio activo.',
  category: 'Categoría',
  score: 'Puntuación',
  demand: 'Demanda',
  listings: 'Anuncios activos',
  demandGrowth: 'Crecimiento de la demanda',
  demandPerListing: 'Demanda por anuncio',
  dailyActiveBuyers: 'Compradores activos diarios por subsector',
  actual: 'real',
  forecast: 'previsión',
  fullYearForecast: 'Previsión del año {{year}}',
  high: 'Alto',
  low: 'Bajo',
  noData: 'No hay comercio registrado en este periodo.',
  generated: 'Generado el {{date}} a partir de los pedidos y la actividad de compradores de la plataforma.',
};

const byLang: Record<IndexLang, IndexStrings> = { en, 'zh-CN': zh, es };

export const indexStrings = (lang: IndexLang): IndexStrings => byLang[lang];

/** Fills `{{name}}` placeholders. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
