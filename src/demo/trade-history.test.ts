import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/raw-sql.js';
import { buildIndexReport, type IndexReport } from '../modules/insights/index.js';
import { useHarness } from '../test/harness.js';
import { loadTradeHistory } from './trade-history.js';

// The demo figures test: the founding document's figures (PRODUCT.md, "Figures
// from the founding document"), read from the index the real pipeline computes
// from the demo's generated orders and activity. Growth within ±0.5 percentage
// points (±0.005 as a fraction), rankings exact.

const h = useHarness();
let report: IndexReport;
let may: IndexReport;
let loaded: Awaited<ReturnType<typeof loadTradeHistory>>;

beforeAll(async () => {
  loaded = await loadTradeHistory(h.database.db);
  report = await buildIndexReport(h.database.db, { from: '2021-01', to: '2021-05' });
  may = await buildIndexReport(h.database.db, { from: '2021-05', to: '2021-05' });
}, 1_200_000);

/** Growth within half a percentage point of the figure. */
const expectGrowth = (got: number | null | undefined, want: number) => {
  expect(got).toBeTypeOf('number');
  expect(Math.abs(got! - want), `growth ${got} against the figure ${want}`).toBeLessThanOrEqual(0.005);
};

describe('the demo trade history', () => {
  it('holds at least 200,000 orders in every month from 2020-01 to 2021-12, and loads only once', async () => {
    expect(loaded.orders).toBeGreaterThanOrEqual(200_000);
    const months = await queryRows<{ month: string; orders: number }>(
      h.database.db,
      sql`select to_char(paid_on, 'YYYY-MM') as month, count(*)::int as orders
            from trade_facts where order_id like 'hist-%' group by 1 order by 1`,
    );
    expect(months.map((m) => m.month)).toHaveLength(24);
    expect(months[0]!.month).toBe('2020-01');
    expect(months.at(-1)!.month).toBe('2021-12');
    expect(months.reduce((n, m) => n + m.orders, 0)).toBe(loaded.orders);
    expect((await loadTradeHistory(h.database.db)).skipped).toBe(true);
  });

  it('shows buyers +100 %, orders +117.07 %, GMV +120.06 % for Jan–May 2021', () => {
    expect(report.basePeriod).toEqual({ from: '2020-01', to: '2020-05' });
    expectGrowth(report.totals.buyersGrowth, 1.0);
    expectGrowth(report.totals.ordersGrowth, 1.1707);
    expectGrowth(report.totals.gmvGrowth, 1.2006);
  });

  it('ranks the top ten supplier provinces by GMV as the document does', () => {
    expect(report.provinces.slice(0, 10).map((p) => [p.rank, p.name])).toEqual(
      ['广东', '浙江', '江苏', '山东', '福建', '上海', '河北', '河南', '安徽', '天津'].map((name, i) => [
        i + 1,
        name,
      ]),
    );
  });

  it('shows Yunnan +215 %, led by gifts & crafts +302 % and beauty & personal care +134 %', () => {
    const yunnan = report.provinces.find((p) => p.code === '530000')!;
    expectGrowth(yunnan.growth, 2.15);
    expect(yunnan.topIndustries.slice(0, 2).map((i) => i.code)).toEqual([
      'gifts-crafts',
      'beauty-personal-care',
    ]);
    expectGrowth(yunnan.topIndustries[0]!.growth, 3.02);
    expectGrowth(yunnan.topIndustries[1]!.growth, 1.34);
  });

  it('shows Henan led by machinery +60 % and beauty & personal care +313 %', () => {
    const henan = report.provinces.find((p) => p.code === '410000')!;
    expect(henan.topIndustries.slice(0, 2).map((i) => i.code)).toEqual(['machinery', 'beauty-personal-care']);
    expectGrowth(henan.topIndustries[0]!.growth, 0.6);
    expectGrowth(henan.topIndustries[1]!.growth, 3.13);
  });

  it('shows May 2021: kitchen small appliances +157 %, water heaters +282 %, UV sterilizers +2055 % the fastest growing; sports & entertainment +77 %', () => {
    const fastest = report.fastestGrowingCategories;
    expect(fastest.month).toBe('2021-05');
    expect(fastest.items.slice(0, 3).map((c) => c.code)).toEqual([
      'home-appliances/uv-sterilizers',
      'home-appliances/water-heaters',
      'home-appliances/kitchen-small-appliances',
    ]);
    expectGrowth(fastest.items[0]!.growth, 20.55);
    expectGrowth(fastest.items[1]!.growth, 2.82);
    expectGrowth(fastest.items[2]!.growth, 1.57);
    expect(may.basePeriod).toEqual({ from: '2020-05', to: '2020-05' });
    expectGrowth(may.industries.find((i) => i.code === 'sports-entertainment')?.growth, 0.77);
  });

  it('shows daily active buyers: outdoor sports +182 %, fitness +85 %, water sports +85 %, and their 2021 forecasts +196 %, +178 %, +167 %', () => {
    const figures = [
      ['sports-entertainment/outdoor-sports', 1.82, 1.96],
      ['sports-entertainment/fitness-body-building', 0.85, 1.78],
      ['sports-entertainment/water-sports', 0.85, 1.67],
    ] as const;
    for (const [category, growth, forecast] of figures) {
      const dau = report.dailyActiveBuyers.find((d) => d.category === category);
      expect(dau, category).toBeDefined();
      expectGrowth(dau!.growth, growth);
      expect(dau!.forecast.year).toBe(2021);
      expectGrowth(dau!.forecast.growth, forecast);
    }
  });

  it('ranks buyer markets by active buyers: Europe, North America, then Latin America', () => {
    expect(report.buyerRegions.slice(0, 3).map((r) => [r.rank, r.id])).toEqual([
      [1, 'europe'],
      [2, 'north-america'],
      [3, 'latin-america'],
    ]);
  });

  it('gives the blue-ocean table supply to compare demand with', () => {
    expect(report.blueOcean.length).toBeGreaterThan(0);
    expect(report.blueOcean.every((b) => b.listings > 0)).toBe(true);
  });
});
