import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw-sql.js';
import { provinceList, taxonomy } from '../catalog/index.js';
import { countriesIn, type RegionId, regionIds, regionNames, regionOf } from '../geo/index.js';
import type { IndexReportData } from './charts/index.js';
import {
  blueOceanScores,
  forecastFullYear,
  growth,
  rankBy,
  round4,
  share,
  supplierConcentration,
} from './metrics/index.js';
import { assertPeriod, dayRange, monthsOf, type Period, yearEarlier } from './period.js';

const usd = (cents: bigint | string | number) => Number(cents) / 100;
const g = (current: number, base: number) => {
  const value = growth(current, base);
  return value === null ? null : round4(value);
};

type Measures = { cur_gmv: string; base_gmv: string; cur_orders: string; base_orders: string };

/** The measures of the period and its base, grouped by the given rollup columns. */
const measuresBy = async <K extends string>(db: Db, period: Period, base: Period, keys: readonly K[]) => {
  const columns = sql.raw(keys.join(', '));
  const inPeriod = (p: Period) => sql`month between ${`${p.from}-01`}::date and ${`${p.to}-01`}::date`;
  return queryRows<Record<K, string> & Measures>(
    db,
    sql`select ${keys.length ? sql`${columns},` : sql``}
          coalesce(sum(gmv_usd) filter (where ${inPeriod(period)}), 0)::text as cur_gmv,
          coalesce(sum(gmv_usd) filter (where ${inPeriod(base)}), 0)::text as base_gmv,
          coalesce(sum(orders) filter (where ${inPeriod(period)}), 0)::text as cur_orders,
          coalesce(sum(orders) filter (where ${inPeriod(base)}), 0)::text as base_orders
        from trade_monthly
        where ${inPeriod(period)} or ${inPeriod(base)}
        ${keys.length ? sql`group by ${columns}` : sql``}`,
  );
};

/**
 * Distinct buyers of the period and of its base, in all, by buyer country and
 * by buyer region, in one pass over the buyer-months (exact: sets of buyers,
 * never sums of counts). The row with both keys null is the whole market.
 */
const distinctBuyers = async (db: Db, period: Period, base: Period) => {
  const regionMap = sql`(select key as country, value as region from jsonb_each_text(${JSON.stringify(regionMapping())}::jsonb))`;
  const rows = await queryRows<{ country: string | null; region: string | null; cur: number; base: number }>(
    db,
    sql`select m.buyer_country as country, r.region,
               count(distinct buyer_id) filter (where month between ${`${period.from}-01`}::date and ${`${period.to}-01`}::date)::int as cur,
               count(distinct buyer_id) filter (where month between ${`${base.from}-01`}::date and ${`${base.to}-01`}::date)::int as base
          from trade_buyer_months m
          left join ${regionMap} r on r.country = m.buyer_country
         where month between ${`${base.from}-01`}::date and ${`${period.to}-01`}::date
         group by grouping sets ((m.buyer_country), (r.region), ())`,
  );
  const all = rows.find((r) => r.country === null && r.region === null) ?? { cur: 0, base: 0 };
  return {
    all,
    byCountry: rows.filter((r) => r.country !== null),
    byRegion: rows.filter((r) => r.country === null && r.region !== null),
  };
};

let regionsByCountry: Record<string, string> | undefined;
/** Country → region for every country we know (UN M49, Latin America and the Caribbean as one market). */
const regionMapping = () => {
  if (!regionsByCountry) {
    regionsByCountry = {};
    for (const id of regionIds) for (const country of countriesIn(id)) regionsByCountry[country] = id;
  }
  return regionsByCountry;
};

const nameOf = (code: string) => taxonomy().byCode.get(code)?.name ?? { en: code, zh: code, es: code };

/** Blue-ocean scores per category: demand (searches, RFQs, inquiries) growth and demand per active listing. */
const blueOcean = async (db: Db, period: Period, base: Period) => {
  const cur = dayRange(period);
  const prior = dayRange(base);
  const rows = await queryRows<{ category: string; kind: string; cur: number; base: number }>(
    db,
    sql`select category, kind,
               coalesce(sum(events) filter (where day between ${cur.first}::date and ${cur.last}::date), 0)::int as cur,
               coalesce(sum(events) filter (where day between ${prior.first}::date and ${prior.last}::date), 0)::int as base
          from activity_daily
         where kind in ('search', 'rfq', 'inquiry')
           and (day between ${cur.first}::date and ${cur.last}::date or day between ${prior.first}::date and ${prior.last}::date)
         group by 1, 2`,
  );
  const listings = await queryRows<{ category: string; listings: number }>(
    db,
    sql`select distinct on (category) category, listings from listing_counts
         where day <= ${cur.last}::date order by category, day desc`,
  );
  const byCategory = new Map<string, { current: Record<string, number>; prior: Record<string, number> }>();
  for (const r of rows) {
    const entry = byCategory.get(r.category) ?? { current: {}, prior: {} };
    entry.current[r.kind] = r.cur;
    entry.prior[r.kind] = r.base;
    byCategory.set(r.category, entry);
  }
  const supply = new Map(listings.map((l) => [l.category, l.listings]));
  const signals = (s: Record<string, number>) => ({
    searches: s.search ?? 0,
    rfqs: s.rfq ?? 0,
    inquiries: s.inquiry ?? 0,
  });
  const scored = blueOceanScores(
    [...byCategory.entries()].map(([category, e]) => ({
      category,
      current: signals(e.current),
      prior: signals(e.prior),
      listings: supply.get(category) ?? 0,
    })),
  );
  return scored
    .sort((a, b) => b.score - a.score || a.category.localeCompare(b.category))
    .slice(0, 20)
    .map(({ category, score, components, demand, listings: l }) => ({
      category,
      name: nameOf(category),
      score,
      demand,
      listings: l,
      components,
    }));
};

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The chart line of one category: the average daily active buyers of each
 * month from January of the prior year to December of `year`, actual up to
 * `month` and forecast after it (where there is a forecast).
 */
const monthlyLine = (
  series: Map<string, number>,
  year: number,
  month: number,
  remaining: number[] | null,
) => {
  const line: { month: string; actual: number | null; forecast: number | null }[] = [];
  for (let y = year - 1; y <= year; y++)
    for (let m = 1; m <= 12; m++) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      const ahead = y === year && m > month;
      const predicted = ahead ? remaining?.[m - month - 1] : undefined;
      line.push({
        month: key,
        actual: ahead ? null : round1(series.get(key) ?? 0),
        forecast: predicted === undefined ? null : round1(predicted),
      });
    }
  return line;
};

/**
 * Daily active buyers per category (sub-industry): the period's average
 * against the base's, and the full-year forecast of the period's year from
 * the monthly averages since the data begins.
 */
const dailyActiveBuyers = async (db: Db, period: Period, base: Period) => {
  const year = Number(period.to.slice(0, 4));
  const month = Number(period.to.slice(5, 7));
  const rows = await queryRows<{ category: string; month: string; avg: number }>(
    db,
    sql`select category, to_char(month_start, 'YYYY-MM') as month,
               sum(buyers)::float8 / extract(day from (month_start + interval '1 month - 1 day'))::float8 as avg
          from (select category, buyers, date_trunc('month', day) as month_start
                  from active_buyers_daily where day <= ${dayRange(period).last}::date) daily
         group by category, month_start order by 1, 2`,
  );
  if (rows.length === 0) return [];
  const byCategory = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const series = byCategory.get(r.category) ?? new Map<string, number>();
    series.set(r.month, r.avg);
    byCategory.set(r.category, series);
  }
  // Every month of the period counts: a month without an active buyer is a month of 0, as in the forecast.
  const average = (series: Map<string, number>, p: Period) => {
    const values = monthsOf(p).map((first) => series.get(first.slice(0, 7)) ?? 0);
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  return [...byCategory.entries()]
    .map(([category, series]) => {
      const monthly: number[] = [];
      // Each category's series starts with its own first year: another category's older history
      // must not pad this one with zeros (and so change its forecast method).
      const firstYear = Math.min(...[...series.keys()].map((m) => Number(m.slice(0, 4))));
      for (let y = firstYear; y <= year; y++)
        for (let m = 1; m <= 12; m++) monthly.push(series.get(`${y}-${String(m).padStart(2, '0')}`) ?? 0);
      const forecast = forecastFullYear({ monthly, year, month, firstYear });
      const current = average(series, period);
      return {
        category,
        name: nameOf(category),
        dailyActiveBuyers: round1(current),
        growth: g(current, average(series, base)),
        forecast: {
          year,
          method: forecast.method,
          growth: forecast.growth === null ? null : round4(forecast.growth),
        },
        monthly: monthlyLine(series, year, month, forecast.remaining),
      };
    })
    .sort((a, b) => b.dailyActiveBuyers - a.dailyActiveBuyers);
};

/**
 * The trade index for a period of whole months against the same months a
 * year earlier, read from the rollups only. Growth is a fraction (1.2006 is
 * +120.06 %), null on an empty base; money is USD with cents.
 */
export const buildIndexReport = async (db: Db, input: Period) => {
  const period = assertPeriod(input);
  const base = yearEarlier(period);
  const [totalsRow] = await measuresBy(db, period, base, []);
  const buyers = await distinctBuyers(db, period, base);
  const allBuyers = buyers.all;
  const totals = {
    gmvUsd: usd(totalsRow!.cur_gmv),
    gmvGrowth: g(Number(totalsRow!.cur_gmv), Number(totalsRow!.base_gmv)),
    orders: Number(totalsRow!.cur_orders),
    ordersGrowth: g(Number(totalsRow!.cur_orders), Number(totalsRow!.base_orders)),
    buyers: allBuyers.cur,
    buyersGrowth: g(allBuyers.cur, allBuyers.base),
  };

  const provinceIndustry = await measuresBy(db, period, base, ['province', 'industry'] as const);
  const provinceTotals = new Map<string, { cur: number; base: number }>();
  for (const r of provinceIndustry) {
    const t = provinceTotals.get(r.province) ?? { cur: 0, base: 0 };
    t.cur += Number(r.cur_gmv);
    t.base += Number(r.base_gmv);
    provinceTotals.set(r.province, t);
  }
  const provinces = rankBy(
    [...provinceTotals.entries()]
      .filter(([code]) => code !== '')
      .map(([code, t]) => ({
        code,
        name: provinceList().byCode.get(code)?.name.zh ?? code,
        nameEn: provinceList().byCode.get(code)?.name.en ?? code,
        gmvUsd: usd(t.cur),
        share: round4(share(t.cur, Number(totalsRow!.cur_gmv)) ?? 0),
        growth: g(t.cur, t.base),
        topIndustries: provinceIndustry
          .filter((r) => r.province === code && Number(r.cur_gmv) > 0)
          .sort((a, b) => Number(b.cur_gmv) - Number(a.cur_gmv))
          .slice(0, 3)
          .map((r) => ({
            code: r.industry,
            name: nameOf(r.industry),
            gmvUsd: usd(r.cur_gmv),
            growth: g(Number(r.cur_gmv), Number(r.base_gmv)),
          })),
      })),
    (p) => p.gmvUsd,
    { tieBreak: (p) => p.code },
  );

  const industries = (await measuresBy(db, period, base, ['industry'] as const))
    .map((r) => ({
      code: r.industry,
      name: nameOf(r.industry),
      gmvUsd: usd(r.cur_gmv),
      growth: g(Number(r.cur_gmv), Number(r.base_gmv)),
    }))
    .sort((a, b) => b.gmvUsd - a.gmvUsd);
  const categories = (await measuresBy(db, period, base, ['category'] as const))
    .map((r) => ({
      code: r.category,
      name: nameOf(r.category),
      gmvUsd: usd(r.cur_gmv),
      growth: g(Number(r.cur_gmv), Number(r.base_gmv)),
    }))
    .sort((a, b) => b.gmvUsd - a.gmvUsd);
  const lastMonth = { from: period.to, to: period.to };
  const fastestGrowing = (await measuresBy(db, lastMonth, yearEarlier(lastMonth), ['category'] as const))
    .map((r) => ({
      code: r.category,
      name: nameOf(r.category),
      gmvUsd: usd(r.cur_gmv),
      growth: g(Number(r.cur_gmv), Number(r.base_gmv)),
    }))
    .filter((c) => c.growth !== null && c.gmvUsd > 0)
    .sort((a, b) => b.growth! - a.growth!)
    .slice(0, 10);

  const countries = await measuresBy(db, period, base, ['buyer_country'] as const);
  const buyersOf = new Map(buyers.byCountry.map((c) => [c.country, c]));
  const buyerCountries = countries
    .map((r) => ({
      code: r.buyer_country,
      gmvUsd: usd(r.cur_gmv),
      buyers: buyersOf.get(r.buyer_country)?.cur ?? 0,
      growth: g(Number(r.cur_gmv), Number(r.base_gmv)),
    }))
    .sort((a, b) => b.gmvUsd - a.gmvUsd);
  const regionGmv = new Map<string, number>();
  for (const c of buyerCountries) {
    const region = regionOf(c.code);
    if (region) regionGmv.set(region, (regionGmv.get(region) ?? 0) + c.gmvUsd);
  }
  const regionBuyers = buyers.byRegion;
  const buyerRegions = rankBy(
    regionBuyers
      .filter((r) => r.cur > 0 || regionGmv.has(r.region!))
      .map((r) => {
        const id = r.region as RegionId;
        return {
          id,
          name: regionNames[id].en,
          names: regionNames[id],
          activeBuyers: r.cur,
          growth: g(r.cur, r.base),
          gmvUsd: Math.round((regionGmv.get(id) ?? 0) * 100) / 100,
        };
      }),
    (r) => r.activeBuyers,
    { tieBreak: (r) => r.id },
  );

  const suppliers = await queryRows<{ province: string; industry: string; supplier_id: string; gmv: string }>(
    db,
    sql`select province, industry, supplier_id, sum(gmv_usd)::text as gmv from trade_supplier_months
         where month between ${`${period.from}-01`}::date and ${`${period.to}-01`}::date
         group by 1, 2, 3 having sum(gmv_usd) > 0`,
  );
  const concentration = (key: 'province' | 'industry') => {
    const groups = new Map<string, Map<string, number>>();
    for (const s of suppliers as ((typeof suppliers)[number] & { supplier_id: string })[]) {
      const group = groups.get(s[key]) ?? new Map<string, number>();
      group.set(s.supplier_id, (group.get(s.supplier_id) ?? 0) + Number(s.gmv));
      groups.set(s[key], group);
    }
    return [...groups.entries()]
      .filter(([code]) => code !== '')
      .map(([code, group]) => ({ code, ...supplierConcentration([...group.values()])! }))
      .sort((a, b) => b.hhi - a.hhi);
  };

  return {
    period,
    basePeriod: base,
    totals,
    provinces,
    industries,
    categories,
    fastestGrowingCategories: { month: period.to, items: fastestGrowing },
    buyerCountries,
    buyerRegions,
    blueOcean: await blueOcean(db, period, base),
    dailyActiveBuyers: await dailyActiveBuyers(db, period, base),
    concentration: { provinces: concentration('province'), industries: concentration('industry') },
  } satisfies IndexReportData;
};

export type IndexReport = Awaited<ReturnType<typeof buildIndexReport>>;
