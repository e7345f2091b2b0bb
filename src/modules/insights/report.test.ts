import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../../test/harness.js';
import { recordActivity } from './activity.js';
import { recordFact } from './facts.js';
import { buildIndexReport, type IndexReport } from './report.js';
import { type ActivityKind, listingCounts } from './schema.js';

const h = useHarness();

/** Rows without their localized names, which the taxonomy fixes and one test checks. */
const unnamed = <T extends { name: unknown }>(rows: T[]) => rows.map(({ name: _name, ...rest }) => rest);

const GD = '440000'; // Guangdong: sales in both years, two suppliers with equal GMV in 2021
const ZJ = '330000'; // Zhejiang: one supplier, no sales at all in 2020
const WH = ['home-appliances', 'home-appliances/water-heaters'] as const;
const KS = ['home-appliances', 'home-appliances/kitchen-small-appliances'] as const;
const PU = ['machinery', 'machinery/pumps'] as const;
const buyers = { de: ['b-de', 'DE'], us: ['b-us', 'US'], br: ['b-br', 'BR'], fr: ['b-fr', 'FR'] } as const;

// [day, province, supplier, taxonomy, buyer, USD cents]; a negative amount is a refund (orders 0).
const facts = [
  // Base 2020-01..05: 2,150.00 USD, 4 orders, buyers b-de and b-us.
  ['2020-01-15', GD, 's1', WH, buyers.de, 100000],
  ['2020-03-20', GD, 's2', PU, buyers.us, 50000],
  ['2020-05-05', GD, 's1', KS, buyers.us, 25000],
  ['2020-05-12', GD, 's2', PU, buyers.de, 40000],
  // Period 2021-01..05: 4,201.00 USD, 6 orders, 4 buyers (b-de in January in Guangdong and in March in Zhejiang).
  ['2021-01-10', GD, 's1', WH, buyers.de, 120050],
  ['2021-02-14', GD, 's2', WH, buyers.us, 90075],
  ['2021-03-03', ZJ, 's3', PU, buyers.de, 60000],
  ['2021-04-21', ZJ, 's3', KS, buyers.br, 30000],
  ['2021-05-02', GD, 's1', KS, buyers.fr, 45000],
  ['2021-05-18', GD, 's2', PU, buyers.us, 85000],
  ['2021-05-20', GD, 's2', WH, buyers.us, -10025],
  // Outside both periods: never counted.
  ['2021-06-01', GD, 's1', WH, buyers.fr, 999900],
  ['2020-12-31', ZJ, 's3', WH, buyers.br, 999900],
] as const;

// [day, buyer, taxonomy code (any level), kind]
const activity: [string, string, string, ActivityKind][] = [
  // Water heaters: 2021 demand 4 searches + 1 RFQ + 1 inquiry = 6 (the view is not demand); 2020: 3 searches.
  ['2021-03-10', 'b-de', 'home-appliances/water-heaters', 'search'],
  ['2021-03-10', 'b-de', 'home-appliances/water-heaters/electric-water-heaters', 'search'],
  ['2021-03-10', 'b-us', 'home-appliances/water-heaters', 'search'],
  ['2021-03-10', 'b-us', 'home-appliances/water-heaters', 'rfq'],
  ['2021-03-10', 'b-de', 'home-appliances/water-heaters', 'inquiry'],
  ['2021-03-10', 'b-br', 'home-appliances/water-heaters', 'view'],
  ['2021-04-02', 'b-fr', 'home-appliances/water-heaters/gas-water-heaters', 'search'],
  ['2020-03-11', 'b-de', 'home-appliances/water-heaters', 'search'],
  ['2020-03-11', 'b-de', 'home-appliances/water-heaters', 'search'],
  ['2020-03-11', 'b-de', 'home-appliances/water-heaters', 'search'],
  // Pumps: 2 searches in each year.
  ['2021-03-10', 'b-de', 'machinery/pumps', 'search'],
  ['2021-05-05', 'b-br', 'machinery/pumps/water-pumps', 'search'],
  ['2020-04-01', 'b-us', 'machinery/pumps', 'search'],
  ['2020-04-01', 'b-us', 'machinery/pumps', 'search'],
];

let report: IndexReport;

beforeAll(async () => {
  for (const [i, [paidOn, province, supplierId, [industry, category], [buyerId, buyerCountry], cents]] of [
    ...facts.entries(),
  ])
    await recordFact(h.database.db, {
      factKey: `report-test:${i}`,
      orderId: `o-${i}`,
      paidOn,
      supplierId,
      supplierProvince: province,
      industry,
      category,
      buyerId,
      buyerCountry,
      amountUsd: BigInt(cents),
      orders: cents > 0 ? 1 : 0,
    });
  for (const [day, buyerId, taxonomyCode, kind] of activity)
    await recordActivity(h.database.db, { at: new Date(`${day}T12:00:00Z`), buyerId, taxonomyCode, kind });
  await h.database.db.insert(listingCounts).values([
    { day: '2021-01-01', category: WH[1], listings: 50 }, // superseded by April's count
    { day: '2021-04-01', category: WH[1], listings: 2 },
    { day: '2021-06-01', category: WH[1], listings: 500 }, // after the period: not used
    { day: '2021-02-01', category: PU[1], listings: 4 },
  ]);
  report = await buildIndexReport(h.database.db, { from: '2021-01', to: '2021-05' });
});

describe('the trade index report', () => {
  it('totals the period against the same months a year earlier', () => {
    expect(report.period).toEqual({ from: '2021-01', to: '2021-05' });
    expect(report.basePeriod).toEqual({ from: '2020-01', to: '2020-05' });
    expect(report.totals).toEqual({
      // 1200.50 + 900.75 + 600 + 300 + 450 + 850 − 100.25 = 4201.00
      gmvUsd: 4201,
      // (4201 − 2150) ÷ 2150 = 0.953953… → 0.9540
      gmvGrowth: 0.954,
      // The refund is not an order: 6 against 4 → +50 %.
      orders: 6,
      ordersGrowth: 0.5,
      // b-de (two months, two provinces), b-us, b-br, b-fr: 4 against b-de, b-us → +100 %.
      buyers: 4,
      buyersGrowth: 1,
    });
  });

  it('ranks supplier provinces with shares, growth (null on an empty base) and top industries', () => {
    const provinces = report.provinces.map((p) => ({ ...p, topIndustries: unnamed(p.topIndustries) }));
    expect(provinces).toEqual([
      {
        rank: 1,
        code: GD,
        name: '广东',
        nameEn: 'Guangdong',
        // 1200.50 + 900.75 + 450 + 850 − 100.25 = 3301.00
        gmvUsd: 3301,
        share: 0.7858, // 3301 ÷ 4201 = 0.785765…
        growth: 0.5353, // (3301 − 2150) ÷ 2150 = 0.535348…
        topIndustries: [
          // 1200.50 + 900.75 + 450 − 100.25 = 2451.00 against 1000 + 250: (2451 − 1250) ÷ 1250 = 0.9608
          { code: 'home-appliances', gmvUsd: 2451, growth: 0.9608 },
          // 850 against 500 + 400: (850 − 900) ÷ 900 = −0.0555… → −0.0556
          { code: 'machinery', gmvUsd: 850, growth: -0.0556 },
        ],
      },
      {
        rank: 2,
        code: ZJ,
        name: '浙江',
        nameEn: 'Zhejiang',
        gmvUsd: 900,
        share: 0.2142, // 900 ÷ 4201 = 0.214234…
        growth: null, // no 2020-01..05 sales: growth from nothing has no size
        topIndustries: [
          { code: 'machinery', gmvUsd: 600, growth: null },
          { code: 'home-appliances', gmvUsd: 300, growth: null },
        ],
      },
    ]);
  });

  it('breaks GMV down by industry and category, and finds the fastest growing categories of May', () => {
    expect(report.industries[0]!.name).toEqual(
      expect.objectContaining({ en: 'Home Appliances', zh: '家用电器' }),
    );
    expect(unnamed(report.industries)).toEqual([
      // 2451 + 300 = 2751 against 1250: 1.2008
      { code: 'home-appliances', gmvUsd: 2751, growth: 1.2008 },
      // 850 + 600 = 1450 against 900: 0.6111…
      { code: 'machinery', gmvUsd: 1450, growth: 0.6111 },
    ]);
    expect(unnamed(report.categories)).toEqual([
      // 1200.50 + 900.75 − 100.25 = 2001 against 1000
      { code: WH[1], gmvUsd: 2001, growth: 1.001 },
      { code: PU[1], gmvUsd: 1450, growth: 0.6111 },
      // 300 + 450 = 750 against 250
      { code: KS[1], gmvUsd: 750, growth: 2 },
    ]);
    // May 2021 against May 2020: pumps 850 vs 400 (+112.5 %), kitchen 450 vs 250 (+80 %); water heaters
    // only have May's refund (−100.25, nothing in May 2020) and are left out.
    expect(report.fastestGrowingCategories.month).toBe('2021-05');
    expect(unnamed(report.fastestGrowingCategories.items)).toEqual([
      { code: PU[1], gmvUsd: 850, growth: 1.125 },
      { code: KS[1], gmvUsd: 450, growth: 0.8 },
    ]);
  });

  it('counts buyer countries and regions with distinct buyers', () => {
    expect(report.buyerCountries).toEqual([
      // 1200.50 + 600 against 1000 + 400: 400.50 ÷ 1400 = 0.286071…
      { code: 'DE', gmvUsd: 1800.5, buyers: 1, growth: 0.2861 },
      // 900.75 + 850 − 100.25 against 500 + 250: 900.50 ÷ 750 = 1.200666…
      { code: 'US', gmvUsd: 1650.5, buyers: 1, growth: 1.2007 },
      { code: 'FR', gmvUsd: 450, buyers: 1, growth: null },
      { code: 'BR', gmvUsd: 300, buyers: 1, growth: null },
    ]);
    expect(report.buyerRegions).toEqual([
      // b-de and b-fr against b-de alone
      expect.objectContaining({
        rank: 1,
        id: 'europe',
        name: 'Europe',
        activeBuyers: 2,
        growth: 1,
        gmvUsd: 2250.5,
      }),
      // Tied on one buyer each: both rank 2, in id order.
      expect.objectContaining({
        rank: 2,
        id: 'latin-america',
        name: 'Latin America',
        activeBuyers: 1,
        growth: null,
        gmvUsd: 300,
      }),
      expect.objectContaining({
        rank: 2,
        id: 'north-america',
        name: 'North America',
        activeBuyers: 1,
        growth: 0,
        gmvUsd: 1650.5,
      }),
    ]);
    expect(report.buyerRegions[0]!.names).toEqual({ en: 'Europe', zh: '欧洲', es: 'Europa' });
  });

  it('measures supplier concentration (HHI) per province and industry', () => {
    expect(report.concentration.provinces).toEqual([
      // One supplier holds everything: 100² = 10000.
      { code: ZJ, hhi: 10000, level: 'high', suppliers: 1 },
      // s1: 1200.50 + 450 = 1650.50; s2: 900.75 + 850 − 100.25 = 1650.50: 50² + 50² = 5000.
      { code: GD, hhi: 5000, level: 'high', suppliers: 2 },
    ]);
    const machinery = report.concentration.industries.find((i) => i.code === 'machinery')!;
    // s2 850 and s3 600 of 1450: 10000 × (850² + 600²) ÷ 1450² = 5148.63…
    expect(machinery.hhi).toBeCloseTo(5148.6326, 3);
    expect(machinery).toMatchObject({ level: 'high', suppliers: 2 });
  });

  it('scores blue-ocean categories from demand growth and demand per listing', () => {
    expect(report.blueOcean).toEqual([
      {
        category: WH[1],
        name: expect.objectContaining({ en: 'Water Heaters' }),
        // Demand doubled (6 against 3): 50 points; 6 ÷ 2 listings = 3, the best ratio: 50 points.
        score: 100,
        demand: 6,
        listings: 2,
        components: { demandGrowth: 1, demandPerListing: 3, growthPoints: 50, ratioPoints: 50 },
      },
      {
        category: PU[1],
        name: expect.objectContaining({ en: 'Pumps' }),
        // Flat demand: 25 points; 50 × ln(1 + 2 ÷ 4) ÷ ln(1 + 3) = 14.62… → 14.6.
        score: 39.6,
        demand: 2,
        listings: 4,
        components: { demandGrowth: 0, demandPerListing: 0.5, growthPoints: 25, ratioPoints: 14.6 },
      },
    ]);
  });

  it('averages daily active buyers over every month of the period, forecasting the full year', () => {
    const heaters = report.dailyActiveBuyers.find((d) => d.category === WH[1])!;
    // 2021: 3 buyers on 10 March (b-de, b-us, b-br: the view counts as activity) and 1 on 2 April, none in
    // January, February or May: (0 + 0 + 3/31 + 1/30 + 0) ÷ 5 = 0.026… → 0.0 at one decimal.
    // 2020: 1 buyer on 11 March: (1/31) ÷ 5. Growth: (121/4650) ÷ (1/155) − 1 = 121/30 − 1 = 3.0333…
    expect(heaters).toMatchObject({ dailyActiveBuyers: 0, growth: 3.0333 });
    // Seasonal ratio (too little history for Holt-Winters): 2021 to May × 2020 ÷ 2020 to May, i.e. the
    // same growth against 2020's full year (all of whose activity was in March).
    expect(heaters.forecast).toEqual({ year: 2021, method: 'seasonal-ratio', growth: 3.0333 });
    // Pumps: b-de on 10 March and b-br on 5 May against two events of b-us on 1 April 2020.
    // (1/31 + 1/31) ÷ 5 against (1/30) ÷ 5: 60/31 − 1 = 0.9354…
    expect(report.dailyActiveBuyers.find((d) => d.category === PU[1])).toMatchObject({ growth: 0.9355 });
  });

  it('draws each category as a line from the prior January, actual to the last month, forecast after', () => {
    const line = report.dailyActiveBuyers.find((d) => d.category === WH[1])!.monthly;
    expect(line.map((p) => p.month)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 12 }, (_, i) => `2021-${String(i + 1).padStart(2, '0')}`),
    ]);
    // March 2021: 3 buyers on one day of 31 → 0.1; April: 1 of 30 → 0.0.
    expect(line.find((p) => p.month === '2021-03')).toEqual({
      month: '2021-03',
      actual: 0.1,
      forecast: null,
    });
    expect(line.find((p) => p.month === '2021-05')).toEqual({ month: '2021-05', actual: 0, forecast: null });
    // June on is forecast: 2020's June–December (no activity) scaled by the ratio: 0.
    expect(line.slice(17).every((p) => p.actual === null && p.forecast === 0)).toBe(true);
  });
});

describe('GET /api/index', () => {
  it('returns the same report to anyone, and refuses a month that is not one', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/index?from=2021-01&to=2021-05' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual(JSON.parse(JSON.stringify(report)));
    const bad = await h.app.inject({ method: 'GET', url: '/api/index?from=2021-13&to=2021-05' });
    expect(bad.statusCode).toBe(400);
    const reversed = await h.app.inject({ method: 'GET', url: '/api/index?from=2021-05&to=2021-01' });
    expect(reversed.statusCode).toBe(400);
  });

  it('tells which months have trade and suggests the latest year to date with a base', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/index/coverage' });
    expect(response.statusCode, response.body).toBe(200);
    // 2021-06 has trade but June 2020 has none; May 2021 has May 2020 to grow from.
    expect(response.json()).toEqual({
      firstMonth: '2020-01',
      lastMonth: '2021-06',
      suggested: { from: '2021-01', to: '2021-05' },
    });
  });

  it('downloads the report as a PDF with the Chinese font embedded, and refuses an unknown language', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/api/index/report.pdf?from=2021-01&to=2021-05&lang=zh-CN',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="tradelane-index-2021-01-2021-05-zh-CN.pdf"',
    );
    const pdf = response.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    // pdfkit embeds the subset of Noto Sans SC the text uses, with a ToUnicode map so the text can be copied.
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(pdf).toContain('/ToUnicode');
    const bad = await h.app.inject({
      method: 'GET',
      url: '/api/index/report.pdf?from=2021-01&to=2021-05&lang=fr',
    });
    expect(bad.statusCode).toBe(400);
  });
});
