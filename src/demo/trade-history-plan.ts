import { taxonomy } from '../modules/catalog/index.js';
import { forecastFullYear } from '../modules/insights/metrics/index.js';
import type { Random } from './random.js';

/**
 * The plan behind the demo's trade history (module 11): how much trade each
 * month × supplier province × category carries, how many orders it is, which
 * buyer markets buy it, and how many buyers are active each day in each
 * category. It is calibrated so that the trade index of January–May 2021
 * against January–May 2020 shows the figures of the founding document
 * (PRODUCT.md). The plan holds amounts and counts only: the figures are
 * computed by the index from the orders and activity generated from it.
 *
 * How it hits the figures:
 * - 2021 is planned first (each cell's GMV from province shares, the
 *   provinces' industries and their categories), so rankings are chosen
 *   directly; 2020 is each 2021 cell divided by a growth ratio. A group with
 *   a figure (Yunnan's gifts, Henan's machinery, kitchen appliances in May…)
 *   gets its ratio solved for, all other cells share one free ratio solved so
 *   that total GMV grows by the target.
 * - Orders are GMV ÷ an average order value per category; the 2020 values are
 *   scaled to give the order growth.
 * - Distinct buyers are sets: every buyer of a window's set gets at least one
 *   of its orders and nobody else does, so the counts are exact.
 * - Daily active buyers are planned as monthly totals of buyer-days; the three
 *   sports categories' profiles are fitted so that both the period growth and
 *   the Holt-Winters full-year forecast (which needs the activity of 2019 and
 *   2020) come out right.
 */

export const planMonths = (from: string, to: string): string[] => {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month === to) return months;
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
};

export const daysIn = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** The figures of the founding document, as growth fractions: what the plan aims at. */
export const targets = {
  buyers: 1.0,
  orders: 1.1707,
  gmv: 1.2006,
  topProvinces: [
    '440000',
    '330000',
    '320000',
    '370000',
    '350000',
    '310000',
    '130000',
    '410000',
    '340000',
    '120000',
  ],
  yunnan: { gmv: 2.15, industries: { 'gifts-crafts': 3.02, 'beauty-personal-care': 1.34 } },
  henan: { industries: { machinery: 0.6, 'beauty-personal-care': 3.13 } },
  may: {
    categories: {
      'home-appliances/kitchen-small-appliances': 1.57,
      'home-appliances/water-heaters': 2.82,
      'home-appliances/uv-sterilizers': 20.55,
    },
    industries: { 'sports-entertainment': 0.77 },
  },
  dailyActiveBuyers: {
    'sports-entertainment/outdoor-sports': { growth: 1.82, forecast: 1.96 },
    'sports-entertainment/fitness-body-building': { growth: 0.85, forecast: 1.78 },
    'sports-entertainment/water-sports': { growth: 0.85, forecast: 1.67 },
  },
  regions: ['europe', 'north-america', 'latin-america'],
} as const;

export const period = { from: '2021-01', to: '2021-05' } as const;
export const basePeriod = { from: '2020-01', to: '2020-05' } as const;
/** Orders span these months; activity starts in 2019 (the forecast's two years of history). */
export const tradeMonths = planMonths('2020-01', '2021-12');
export const activityMonths = planMonths('2019-01', '2021-12');

const yunnan = '530000';
const henan = '410000';
const isPeriod = (month: string) => month >= period.from && month <= period.to;
const isBase = (month: string) => month >= basePeriod.from && month <= basePeriod.to;

// ---------------------------------------------------------------------------
// Supply: provinces, their industries, categories

/** Share of Jan–May 2021 GMV by supplier province (normalised) and the industries each is known for. */
const provinceSpecs: readonly (readonly [string, number, Readonly<Record<string, number>>])[] = [
  [
    '440000',
    23.5,
    {
      'consumer-electronics': 22,
      'home-appliances': 16,
      lighting: 10,
      furniture: 8,
      toys: 6,
      'textiles-apparel': 6,
      'beauty-personal-care': 5,
      'home-garden': 5,
      'electrical-equipment': 5,
      'security-protection': 4,
      'luggage-bags': 4,
      packaging: 3,
      'sports-entertainment': 3,
      'shoes-accessories': 3,
    },
  ],
  [
    '330000',
    16.5,
    {
      'textiles-apparel': 14,
      'home-garden': 12,
      'home-appliances': 12,
      'tools-hardware': 10,
      'auto-parts': 8,
      machinery: 8,
      'electrical-equipment': 8,
      'gifts-crafts': 7,
      'office-school-supplies': 5,
      'sports-entertainment': 5,
      'luggage-bags': 4,
      packaging: 4,
      lighting: 3,
    },
  ],
  [
    '320000',
    11.5,
    {
      'textiles-apparel': 18,
      machinery: 14,
      'electrical-equipment': 12,
      chemicals: 10,
      'metals-alloys': 10,
      'medical-supplies': 8,
      'consumer-electronics': 8,
      'construction-real-estate': 8,
      furniture: 6,
      'sports-entertainment': 6,
    },
  ],
  [
    '370000',
    8,
    {
      machinery: 18,
      agriculture: 12,
      'food-beverage': 12,
      chemicals: 10,
      'auto-parts': 10,
      'textiles-apparel': 10,
      'construction-real-estate': 8,
      'metals-alloys': 8,
      'home-garden': 6,
      'sports-entertainment': 6,
    },
  ],
  [
    '350000',
    6.2,
    {
      'shoes-accessories': 28,
      'textiles-apparel': 16,
      'construction-real-estate': 12,
      'sports-entertainment': 10,
      'food-beverage': 8,
      'luggage-bags': 8,
      'gifts-crafts': 8,
      furniture: 5,
      'home-garden': 5,
    },
  ],
  [
    '310000',
    5.2,
    {
      'medical-supplies': 15,
      'consumer-electronics': 15,
      machinery: 15,
      chemicals: 12,
      'auto-parts': 12,
      'electrical-equipment': 10,
      'beauty-personal-care': 10,
      'textiles-apparel': 6,
      'office-school-supplies': 5,
    },
  ],
  [
    '130000',
    4,
    {
      'metals-alloys': 22,
      'construction-real-estate': 15,
      'auto-parts': 12,
      'luggage-bags': 10,
      'tools-hardware': 10,
      machinery: 10,
      'textiles-apparel': 8,
      furniture: 7,
      'sports-entertainment': 6,
    },
  ],
  [
    henan,
    3.4,
    {
      machinery: 30,
      'beauty-personal-care': 22,
      'food-beverage': 14,
      'textiles-apparel': 10,
      'construction-real-estate': 8,
      agriculture: 8,
      'tools-hardware': 8,
    },
  ],
  [
    '340000',
    2.9,
    {
      'home-appliances': 20,
      'auto-parts': 15,
      'electrical-equipment': 15,
      'construction-real-estate': 12,
      'textiles-apparel': 10,
      'food-beverage': 10,
      furniture: 10,
      chemicals: 8,
    },
  ],
  [
    '120000',
    2.4,
    {
      'metals-alloys': 20,
      'auto-parts': 15,
      chemicals: 15,
      machinery: 15,
      'sports-entertainment': 10,
      'electrical-equipment': 10,
      'food-beverage': 8,
      toys: 7,
    },
  ],
  [
    '420000',
    1.9,
    { 'auto-parts': 25, 'textiles-apparel': 20, 'medical-supplies': 20, chemicals: 20, agriculture: 15 },
  ],
  [
    '510000',
    1.7,
    {
      'food-beverage': 25,
      'electrical-equipment': 20,
      machinery: 20,
      'consumer-electronics': 20,
      furniture: 15,
    },
  ],
  [
    '430000',
    1.5,
    {
      machinery: 30,
      'construction-real-estate': 20,
      agriculture: 20,
      'beauty-personal-care': 15,
      'gifts-crafts': 15,
    },
  ],
  ['360000', 1.4, { 'textiles-apparel': 30, 'medical-supplies': 25, lighting: 20, 'metals-alloys': 25 }],
  [
    '110000',
    1.3,
    {
      'medical-supplies': 30,
      'consumer-electronics': 30,
      'office-school-supplies': 20,
      'security-protection': 20,
    },
  ],
  ['210000', 1.2, { machinery: 35, 'metals-alloys': 30, chemicals: 20, 'food-beverage': 15 }],
  ['500000', 1.1, { 'auto-parts': 45, 'consumer-electronics': 30, 'electrical-equipment': 25 }],
  ['450000', 1, { 'food-beverage': 30, agriculture: 25, furniture: 25, 'construction-real-estate': 20 }],
  [
    yunnan,
    0.9,
    {
      'gifts-crafts': 40,
      'beauty-personal-care': 25,
      'food-beverage': 18,
      agriculture: 12,
      'textiles-apparel': 5,
    },
  ],
  ['610000', 0.8, { machinery: 40, 'electrical-equipment': 30, agriculture: 30 }],
  ['140000', 0.6, { 'metals-alloys': 50, chemicals: 30, 'food-beverage': 20 }],
  ['230000', 0.4, { agriculture: 60, machinery: 40 }],
  ['220000', 0.4, { 'auto-parts': 60, 'food-beverage': 40 }],
  ['520000', 0.4, { 'food-beverage': 50, 'gifts-crafts': 30, agriculture: 20 }],
  ['460000', 0.3, { 'food-beverage': 50, 'beauty-personal-care': 50 }],
  ['650000', 0.3, { 'textiles-apparel': 50, agriculture: 50 }],
  ['150000', 0.3, { 'metals-alloys': 40, 'food-beverage': 30, 'textiles-apparel': 30 }],
  ['620000', 0.2, { 'metals-alloys': 50, agriculture: 50 }],
  ['640000', 0.1, { chemicals: 60, 'food-beverage': 40 }],
  ['630000', 0.1, { chemicals: 50, 'food-beverage': 50 }],
];

/** Average order value in USD per industry (2021; categories vary around it by ±20 %). */
const orderValue: Readonly<Record<string, number>> = {
  machinery: 12_500,
  'construction-real-estate': 8500,
  'metals-alloys': 9500,
  chemicals: 9000,
  'electrical-equipment': 5500,
  'auto-parts': 5000,
  furniture: 6300,
  'home-appliances': 4200,
  'consumer-electronics': 3500,
  'textiles-apparel': 3100,
  'shoes-accessories': 2800,
  'beauty-personal-care': 1700,
  'gifts-crafts': 1300,
  toys: 2100,
  'sports-entertainment': 2800,
  'medical-supplies': 4200,
  'food-beverage': 3500,
  agriculture: 4200,
  packaging: 2800,
  'tools-hardware': 2500,
  lighting: 2800,
  'luggage-bags': 2100,
  'office-school-supplies': 1400,
  'security-protection': 3500,
  'home-garden': 2100,
};

/** Share of each month in Jan–May 2021 (Chinese New Year in February). */
const periodMonthWeights = [0.19, 0.145, 0.215, 0.22, 0.23];
/** Jun–Dec GMV relative to May of the same year: 2020 recovering, 2021 levelling off. */
const secondHalf: Readonly<Record<'2020' | '2021', readonly number[]>> = {
  '2020': [1.08, 1.18, 1.3, 1.45, 1.58, 1.72, 1.68],
  '2021': [1.0, 1.01, 1.03, 1.08, 1.1, 1.16, 1.1],
};
/** Jan–May 2021 GMV in USD cents: about 215,000 orders over the two years. */
const periodGmvCents = 17_500_000_000;

export const categoriesOf = (industry: string) =>
  taxonomy()
    .nodes.filter((n) => n.level === 'category' && n.parent === industry)
    .map((n) => n.code);

export type TradeCell = {
  month: string;
  province: string;
  industry: string;
  category: string;
  gmvCents: number;
  orders: number;
};

type Pair = { province: string; industry: string; category: string; weight: number; aov: number };

/** Bisection for an increasing function: the x in [lo, hi] where f(x) = target. */
const solve = (f: (x: number) => number, target: number, lo: number, hi: number) => {
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
};

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** Growth ratio (2021 ÷ 2020) of one Jan–May 2021 cell, given the solved scalars. */
type RatioOf = (p: Pair, monthIndex: number) => number;

const mayIndex = 4;
/** Growth ratio shape by month for groups with a Jan–May figure: May stays moderate, so no category outruns the May figures. */
const groupShape = [1.05, 1.25, 1.1, 1.0, 0.55];

const mayCategoryRatios: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(targets.may.categories).map(([code, g]) => [code, 1 + g]),
);
/** The same categories in Jan–Apr 2021 (no figure: plausibly a little below May). */
const earlyCategoryRatios: Readonly<Record<string, number>> = {
  'home-appliances/kitchen-small-appliances': 2.3,
  'home-appliances/water-heaters': 3.2,
  'home-appliances/uv-sterilizers': 11,
};

/**
 * Plans the GMV and orders of every month × province × category from
 * 2020-01 to 2021-12. Deterministic for a given generator state.
 */
export const planTrade = (random: Random): TradeCell[] => {
  const provinceTotal = sum(provinceSpecs.map(([, share]) => share));
  const pairs: Pair[] = [];
  for (const [province, share, industries] of provinceSpecs) {
    const industryTotal = sum(Object.values(industries));
    for (const [industry, weight] of Object.entries(industries)) {
      const categories = categoriesOf(industry);
      const catWeights = categories.map(() => 0.4 + random.next() * 1.2);
      const catTotal = sum(catWeights);
      categories.forEach((category, i) => {
        pairs.push({
          province,
          industry,
          category,
          weight: (share / provinceTotal) * (weight / industryTotal) * (catWeights[i]! / catTotal),
          aov: orderValue[industry]! * (0.8 + random.next() * 0.4),
        });
      });
    }
  }
  // Jan–May 2021, cell by cell, with a little noise per month.
  const cur = pairs.map((p) =>
    periodMonthWeights.map((w) => periodGmvCents * w * p.weight * (0.92 + random.next() * 0.16)),
  );
  // Growth variation of the cells without a figure: by province, category and month.
  const provinceVariation = new Map(provinceSpecs.map(([code]) => [code, 0.93 + random.next() * 0.14]));
  const categoryVariation = new Map(pairs.map((p) => [p.category, 0.92 + random.next() * 0.14]));
  const monthVariation = [0.96, 1.14, 1.06, 0.98, 0.93];

  const group = (p: Pair): string | null => {
    if (p.province === yunnan)
      return p.industry in targets.yunnan.industries ? `yn:${p.industry}` : 'yn:other';
    if (p.province === henan && p.industry in targets.henan.industries) return `hn:${p.industry}`;
    return null;
  };
  const groupScale = new Map<string, number>();
  let free = 2;
  const ratioOf: RatioOf = (p, m) => {
    const g = group(p);
    if (g) return groupScale.get(g)! * groupShape[m]!;
    if (p.category in mayCategoryRatios)
      return m === mayIndex
        ? mayCategoryRatios[p.category]!
        : earlyCategoryRatios[p.category]! * groupShape[m]!;
    if (p.industry === 'sports-entertainment')
      return m === mayIndex ? 1 + targets.may.industries['sports-entertainment'] : 1.8 * monthVariation[m]!;
    return (
      free * provinceVariation.get(p.province)! * categoryVariation.get(p.category)! * monthVariation[m]!
    );
  };
  /** Jan–May growth ratio of the selected cells. */
  const growthOf = (select: (p: Pair) => boolean) => {
    let c = 0;
    let b = 0;
    pairs.forEach((p, i) => {
      if (!select(p)) return;
      for (let m = 0; m <= mayIndex; m++) {
        c += cur[i]![m]!;
        b += cur[i]![m]! / ratioOf(p, m);
      }
    });
    return c / b;
  };
  // Groups with a Jan–May figure: each its own scalar.
  const groupTargets: [string, number][] = [
    ...Object.entries(targets.yunnan.industries).map(([i, g]) => [`yn:${i}`, 1 + g] as [string, number]),
    ...Object.entries(targets.henan.industries).map(([i, g]) => [`hn:${i}`, 1 + g] as [string, number]),
  ];
  for (const [name, target] of groupTargets) {
    groupScale.set(name, 1);
    const scale = solve(
      (x) => {
        groupScale.set(name, x);
        return growthOf((p) => group(p) === name);
      },
      target,
      0.1,
      100,
    );
    groupScale.set(name, scale);
  }
  // Yunnan's other industries: whatever makes the province as a whole grow by its figure.
  groupScale.set('yn:other', 1);
  groupScale.set(
    'yn:other',
    solve(
      (x) => {
        groupScale.set('yn:other', x);
        return growthOf((p) => p.province === yunnan);
      },
      1 + targets.yunnan.gmv,
      0.1,
      100,
    ),
  );
  // Everything else: the total.
  free = solve(
    (x) => {
      free = x;
      return growthOf(() => true);
    },
    1 + targets.gmv,
    0.1,
    100,
  );

  // Whole cents, 2021 and 2020.
  const cur21 = cur.map((months) => months.map((v) => Math.round(v)));
  const base20 = cur21.map((months, i) => months.map((v, m) => Math.round(v / ratioOf(pairs[i]!, m))));

  // Orders: GMV ÷ order value; 2020 values scaled so that orders grow by their figure.
  const ordersFor = (cents: number, aov: number) =>
    cents <= 0 ? 0 : Math.max(1, Math.round(cents / (aov * 100)));
  const orders21 = cur21.map((months, i) => months.map((v) => ordersFor(v, pairs[i]!.aov)));
  const periodOrders = sum(orders21.map((months) => sum(months)));
  let aovScale = 1;
  const baseOrders = () =>
    sum(base20.map((months, i) => sum(months.map((v) => ordersFor(v, pairs[i]!.aov * aovScale)))));
  aovScale = solve(
    (x) => {
      aovScale = x;
      return periodOrders / baseOrders();
    },
    1 + targets.orders,
    0.3,
    3,
  );
  const orders20 = base20.map((months, i) => months.map((v) => ordersFor(v, pairs[i]!.aov * aovScale)));

  const cells: TradeCell[] = [];
  const push = (month: string, p: Pair, gmvCents: number, orders: number) => {
    if (gmvCents > 0 && orders > 0)
      cells.push({
        month,
        province: p.province,
        industry: p.industry,
        category: p.category,
        gmvCents,
        orders,
      });
  };
  // Jun–Dec: the year's May level × the second-half curve, shared out like Jan–May (2020 drifting towards 2021's mix).
  const total = (rows: number[][], m: number) => sum(rows.map((months) => months[m]!));
  const total20 = sum(base20.map(sum));
  const total21 = sum(cur21.map(sum));
  const share20 = base20.map((months) => sum(months) / total20);
  const share21 = cur21.map((months) => sum(months) / total21);
  for (const month of tradeMonths) {
    const year = month.slice(0, 4) as '2020' | '2021';
    const m = Number(month.slice(5, 7)) - 1;
    pairs.forEach((p, i) => {
      if (m <= mayIndex) {
        if (year === '2020') push(month, p, base20[i]![m]!, orders20[i]![m]!);
        else push(month, p, cur21[i]![m]!, orders21[i]![m]!);
        return;
      }
      const level =
        (year === '2020' ? total(base20, mayIndex) : total(cur21, mayIndex)) * secondHalf[year][m - 5]!;
      const drift = year === '2020' ? (m - 4) / 8 : 1;
      const shareOf = share20[i]! * (1 - drift) + share21[i]! * drift;
      const cents = Math.round(level * shareOf * (0.9 + random.next() * 0.2));
      const aov = p.aov * (year === '2020' ? aovScale * (1 - drift) + drift : 1);
      push(month, p, cents, ordersFor(cents, aov));
    });
  }
  return cells;
};

// ---------------------------------------------------------------------------
// Demand: buyer markets

/** Buyer countries: share of orders and how much their active buyers grow (Jan–May 2021 over 2020). */
export const buyerMarkets: readonly (readonly [string, number, number])[] = [
  ['DE', 5.5, 1.9],
  ['GB', 5, 1.85],
  ['FR', 3.5, 1.9],
  ['IT', 3, 1.95],
  ['ES', 3, 2.1],
  ['NL', 2.5, 1.9],
  ['PL', 2, 2.2],
  ['RU', 2, 2.0],
  ['BE', 1, 1.8],
  ['SE', 1, 1.8],
  ['CZ', 0.7, 2.0],
  ['PT', 0.6, 2.0],
  ['UA', 0.6, 2.1],
  ['US', 19, 1.85],
  ['CA', 3, 1.9],
  ['MX', 4, 2.5],
  ['BR', 4, 2.4],
  ['CL', 2, 2.3],
  ['CO', 2, 2.4],
  ['PE', 1.5, 2.3],
  ['AR', 1, 2.2],
  ['VN', 2, 2.3],
  ['TH', 1.5, 2.1],
  ['ID', 1.5, 2.3],
  ['MY', 1.5, 2.1],
  ['PH', 1.2, 2.2],
  ['SG', 0.8, 1.9],
  ['AE', 2.5, 2.1],
  ['SA', 2, 2.2],
  ['TR', 1.5, 2.0],
  ['IL', 1, 1.9],
  ['NG', 1.5, 2.4],
  ['ZA', 1.2, 2.2],
  ['EG', 1, 2.3],
  ['KE', 0.8, 2.4],
  ['MA', 0.5, 2.2],
  ['JP', 2.5, 1.7],
  ['KR', 2, 1.8],
  ['AU', 3.3, 1.9],
  ['NZ', 0.7, 1.9],
  ['IN', 1.5, 2.3],
  ['PK', 0.5, 2.2],
  ['BD', 0.5, 2.3],
  ['KZ', 0.5, 2.0],
  ['UZ', 0.3, 2.1],
];

/** Active buyers per order of a country in Jan–May 2020 (a buyer places about four orders in five months). */
const buyersPerOrder = 0.27;

/**
 * How many distinct buyers of each country are active in the base and the
 * current period, given how many orders each country has in them: the
 * current total is exactly twice (or whatever the figure says) the base's.
 */
export const planBuyerCounts = (baseOrders: readonly number[], periodOrders: readonly number[]) => {
  const base = baseOrders.map((o) => (o === 0 ? 0 : Math.max(1, Math.round(o * buyersPerOrder))));
  const want = Math.round(sum(base) * (1 + targets.buyers));
  const raw = base.map((b, i) => b * buyerMarkets[i]![2]);
  const scale = want / sum(raw);
  const exact = raw.map((r, i) => Math.min(periodOrders[i]!, r * scale));
  const current = exact.map(Math.floor);
  // Largest remainder, never more buyers than orders.
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let missing = want - sum(current);
  for (let pass = 0; missing > 0 && pass < 10; pass++)
    for (const [, i] of order) {
      if (missing === 0) break;
      if (current[i]! < periodOrders[i]!) {
        current[i]!++;
        missing--;
      }
    }
  if (missing !== 0) throw new Error('Not enough current orders for the planned buyers');
  return { base, current };
};

// ---------------------------------------------------------------------------
// Demand: daily active buyers

/** Month profile of buyer-days per category (index 0 is January). */
const seasonalDemand: Readonly<Record<string, readonly number[]>> = {
  'sports-entertainment/outdoor-sports': [
    0.8, 0.78, 0.92, 1.05, 1.15, 1.22, 1.25, 1.18, 1.05, 0.95, 0.85, 0.8,
  ],
  'sports-entertainment/fitness-body-building': [
    1.2, 1.1, 1.05, 1.0, 0.95, 0.9, 0.88, 0.9, 0.98, 1.0, 1.02, 1.02,
  ],
  'sports-entertainment/water-sports': [0.65, 0.68, 0.85, 1.0, 1.18, 1.35, 1.45, 1.35, 1.1, 0.9, 0.75, 0.7],
};
const flatSeason = [0.95, 0.85, 1.0, 1.02, 1.03, 1.0, 0.98, 1.0, 1.04, 1.05, 1.06, 1.02];

/** The shape of a figure category's DAU profile: its level is chosen, the other three are fitted. */
type DauShape = {
  /** Average daily active buyers in 2019. */
  level: number;
  /** Growth over 2019 (by December). */
  growth2019: number;
  /** Jun–Dec 2020 relative to what the season would give. */
  secondHalf2020: number;
  /** Month-on-month rise within Jan–May 2021. */
  slope2021: number;
};

/**
 * Fitted once with `fitDailyActiveShape` (the search takes seconds, so its
 * result is kept here): with these, the monthly profiles below give the
 * figures' period growth and Holt-Winters full-year forecast.
 */
export const dauShapes: Readonly<Record<string, DauShape>> = {
  'sports-entertainment/outdoor-sports': { level: 9, growth2019: 0.4, secondHalf2020: 0.9, slope2021: 0 },
  'sports-entertainment/fitness-body-building': {
    level: 8,
    growth2019: 0.2,
    secondHalf2020: 0.96,
    slope2021: 0.22,
  },
  'sports-entertainment/water-sports': { level: 6, growth2019: 0, secondHalf2020: 1, slope2021: 0.24 },
};

/** Buyer-days per month (2019-01 …) of a figure category: 2021 Jan–May scaled to give the period growth. */
export const dauProfile = (category: string, shape: DauShape): number[] => {
  const season = seasonalDemand[category] ?? flatSeason;
  const growth = targets.dailyActiveBuyers[category as keyof typeof targets.dailyActiveBuyers]?.growth ?? 0.5;
  const averages: number[] = [];
  for (let i = 0; i < 12; i++) averages.push(shape.level * (1 + (shape.growth2019 * i) / 12) * season[i]!);
  const level2020 = shape.level * (1 + shape.growth2019);
  for (let i = 0; i < 12; i++) averages.push(level2020 * season[i]! * (i >= 5 ? shape.secondHalf2020 : 1));
  const rise = [0, 1, 2, 3, 4].map((i) => season[i]! * (1 + shape.slope2021 * i));
  const scale = ((1 + growth) * sum(averages.slice(12, 17))) / sum(rise);
  for (const r of rise) averages.push(r * scale);
  // Jun–Dec 2021: May's level carried through the season.
  const may = averages[28]! / season[4]!;
  for (let i = 5; i < 12; i++) averages.push(may * season[i]! * (1 + 0.015 * (i - 4)));
  return averages.map((a, i) => Math.max(1, Math.round(a * daysIn(activityMonths[i]!))));
};

/** What the index will read from a buyer-day profile: the period growth and the full-year forecast growth. */
export const dauFigures = (buyerDays: readonly number[]) => {
  const monthly = buyerDays.map((d, i) => d / daysIn(activityMonths[i]!));
  const average = (from: number) => sum(monthly.slice(from, from + 5)) / 5;
  const forecast = forecastFullYear({ monthly: monthly.slice(0, 29), year: 2021, month: 5, firstYear: 2019 });
  return { growth: average(24) / average(12) - 1, forecast: forecast.growth, method: forecast.method };
};

/**
 * The grid search behind `dauShapes`, a development aid to run when a target
 * or the forecast changes: of the shapes within 0.15 percentage points of
 * both figures, the most ordinary one (second half of 2020 closest to its
 * season, the gentlest rise in 2021). Holt-Winters picks its smoothing from a
 * grid, so the figures jump with the shape and only a search finds them.
 */
export const fitDailyActiveShape = (category: keyof typeof targets.dailyActiveBuyers, level: number) => {
  const target = targets.dailyActiveBuyers[category];
  let best: { oddness: number; shape: DauShape } | null = null;
  for (const growth2019 of [0, 0.2, 0.4])
    for (let k = 50; k <= 130; k += 2)
      for (let s = -10; s <= 100; s += 2) {
        const shape = { level, growth2019, secondHalf2020: k / 100, slope2021: s / 100 };
        const got = dauFigures(dauProfile(category, shape));
        const close =
          Math.abs(got.growth - target.growth) < 0.0015 &&
          Math.abs((got.forecast ?? Number.POSITIVE_INFINITY) - target.forecast) < 0.0015;
        const oddness = Math.abs(k / 100 - 1) + Math.abs(s / 100) / 2;
        if (close && (!best || oddness < best.oddness)) best = { oddness, shape };
      }
  return best?.shape ?? null;
};

/** Buyer-days per month (over `activityMonths`) of every category. */
export const planActivity = (random: Random): Map<string, number[]> => {
  const plan = new Map<string, number[]>();
  const boosted: Readonly<Record<string, number>> = {
    'home-appliances/uv-sterilizers': 6,
    'home-appliances/water-heaters': 2.6,
    'home-appliances/kitchen-small-appliances': 2.2,
    'medical-supplies/medical-consumables': 1.9,
  };
  for (const node of taxonomy().nodes) {
    if (node.level !== 'category') continue;
    const shape = dauShapes[node.code];
    if (shape) {
      plan.set(node.code, dauProfile(node.code, shape));
      continue;
    }
    const level = 0.3 + random.next() * 0.7;
    const yearly = 1.05 + random.next() * 0.2;
    const jump = boosted[node.code] ?? 1.2 + random.next() * 0.6;
    plan.set(
      node.code,
      activityMonths.map((month, i) => {
        const year = Number(month.slice(0, 4)) - 2019;
        const m = i % 12;
        const growth = year === 0 ? 1 : year === 1 ? yearly : yearly * jump;
        const average = level * growth * flatSeason[m]! * (0.9 + random.next() * 0.2);
        return Math.max(3, Math.round(average * daysIn(month)));
      }),
    );
  }
  return plan;
};

/** Whether a month is in the period or its base (exported for the generator). */
export const windowOf = (month: string): 'period' | 'base' | null =>
  isPeriod(month) ? 'period' : isBase(month) ? 'base' : null;
