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
  freightIndex: 'Freight rate index',
  freightIndexNote:
    'Median all-in price per 40′ container (40GP/40HQ, sea FCL) booked on Tradelane, in USD at the booking day’s rate, by ISO week of booking. Each forwarder’s median is weighted by the containers it booked; the composite weighs each lane by its containers over the weeks shown, a quiet lane at its last index.',
  freightComposite: 'Composite',
  lane: 'Lane',
  week: 'Week',
  usdPerFeu: 'USD per FEU',
  containers: 'Containers',
  forwarders: 'Forwarders',
  vsPreviousWeek: 'vs previous week',
  noFreight: 'No 40′ container bookings in these weeks.',
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
  freightIndex: '运价指数',
  freightIndexNote:
    '在 Tradelane 上订舱的 40 尺集装箱（40GP/40HQ，海运整箱）全包价中位数，按订舱当日汇率折算为美元，按订舱所在的 ISO 周统计。各货代的中位数按其订舱箱量加权；综合指数按各航线在所示各周的总箱量加权，某周无订舱的航线沿用其最近一期指数。',
  freightComposite: '综合指数',
  lane: '航线',
  week: '周',
  usdPerFeu: '美元/FEU',
  containers: '箱量',
  forwarders: '货代数',
  vsPreviousWeek: '环比上周',
  noFreight: '这几周没有 40 尺集装箱订舱。',
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
  freightIndex: 'Índice de fletes',
  freightIndexNote:
    'Mediana del precio todo incluido por contenedor de 40′ (40GP/40HQ, marítimo FCL) reservado en Tradelane, en USD al tipo del día de la reserva, por semana ISO de la reserva. La mediana de cada transitario pesa según los contenedores que reservó; el compuesto pondera cada ruta por sus contenedores en las semanas mostradas, y una ruta sin reservas una semana cuenta con su último índice.',
  freightComposite: 'Compuesto',
  lane: 'Ruta',
  week: 'Semana',
  usdPerFeu: 'USD por FEU',
  containers: 'Contenedores',
  forwarders: 'Transitarios',
  vsPreviousWeek: 'frente a la semana anterior',
  noFreight: 'No hay reservas de contenedores de 40′ en estas semanas.',
  generated: 'Generado el {{date}} a partir de los pedidos y la actividad de compradores de la plataforma.',
};

const byLang: Record<IndexLang, IndexStrings> = { en, 'zh-CN': zh, es };

export const indexStrings = (lang: IndexLang): IndexStrings => byLang[lang];

/** Fills `{{name}}` placeholders. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
