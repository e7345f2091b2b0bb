import { fileURLToPath } from 'node:url';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Period } from '../src/modules/insights/index.js';
import { elapsed } from './stats.js';

// The reference for the index benchmark: the same CSV, the same rollups and
// the same report queries in DuckDB, a columnar engine built for this. Only
// the shape of the work is the same: no validation, no transaction, no
// idempotency, no indexes to keep.

const dataFile = (name: string) => fileURLToPath(new URL(`../data/${name}`, import.meta.url));

/** The rollups of src/modules/insights/rollups, as CREATE TABLE … AS over the facts. */
const rollups = [
  `create table trade_daily as
     select paid_on as day, supplier_province as province, industry, category, buyer_country,
            sum(amount_usd) as gmv_usd, sum(orders) as orders
       from trade_facts group by all`,
  `create table trade_monthly as
     select date_trunc('month', paid_on)::date as month, supplier_province as province, industry, category,
            buyer_country, sum(amount_usd) as gmv_usd, sum(orders) as orders
       from trade_facts group by all`,
  `create table trade_supplier_months as
     select date_trunc('month', paid_on)::date as month, supplier_province as province, industry, supplier_id,
            sum(amount_usd) as gmv_usd
       from trade_facts group by all`,
  `create table trade_buyer_months as
     select distinct date_trunc('month', paid_on)::date as month, buyer_country, buyer_id
       from trade_facts where orders > 0`,
];

const monthRange = (p: Period) => `month between date '${p.from}-01' and date '${p.to}-01'`;

/** The rollup queries buildIndexReport runs (its activity and listing queries read empty tables here). */
const reportQueries = (period: Period, base: Period, lastMonth: Period, lastMonthBase: Period) => {
  const cur = monthRange(period);
  const prior = monthRange(base);
  const measures = (keys: string, p = cur, b = prior) => `
    select ${keys ? `${keys},` : ''}
           coalesce(sum(gmv_usd) filter (where ${p}), 0) as cur_gmv,
           coalesce(sum(gmv_usd) filter (where ${b}), 0) as base_gmv,
           coalesce(sum(orders) filter (where ${p}), 0) as cur_orders,
           coalesce(sum(orders) filter (where ${b}), 0) as base_orders
      from trade_monthly where ${p} or ${b} ${keys ? `group by ${keys}` : ''}`;
  const buyers = (by: string, join = '') => `
    select ${by ? `${by},` : ''}
           count(distinct buyer_id) filter (where ${cur}) as cur,
           count(distinct buyer_id) filter (where ${prior}) as base
      from trade_buyer_months m ${join}
     where month between date '${base.from}-01' and date '${period.to}-01' ${by ? `group by ${by}` : ''}`;
  return [
    measures(''),
    buyers('buyer_country'),
    buyers(''),
    measures('province, industry'),
    measures('industry'),
    measures('category'),
    measures('category', monthRange(lastMonth), monthRange(lastMonthBase)),
    measures('buyer_country'),
    buyers('r.region', 'join regions r on r.country = m.buyer_country'),
    `select province, industry, supplier_id, sum(gmv_usd) as gmv from trade_supplier_months
      where ${cur} group by 1, 2, 3 having sum(gmv_usd) > 0`,
  ];
};

export type DuckDbTimes = { loadMs: number; rollupMs: number; reportMs: number[]; gmvUsdCents: bigint };

const timed = async (work: () => Promise<unknown>) => {
  const startedAt = performance.now();
  await work();
  return elapsed(startedAt);
};

const load = (db: DuckDBConnection, csv: string) =>
  timed(async () => {
    await db.run(`create table fx as select * from read_csv('${dataFile('fx-rates.csv')}', header = true,
      columns = {'day': 'DATE', 'currency': 'VARCHAR', 'usd_per_unit': 'DECIMAL(24,12)'})`);
    await db.run(
      `create table regions as select country, region from read_csv('${dataFile('regions.csv')}', header = true)`,
    );
    // USD cents at the latest rate on or before the day, rounded once, as the import does (the
    // generated amounts all have two decimals, so the digits alone are the minor units).
    await db.run(`create table trade_facts as
      select r.order_id, r.paid_at::date as paid_on, r.supplier_id, r.supplier_province, r.industry, r.category,
             r.buyer_id, r.buyer_country,
             round(replace(r.amount, '.', '')::bigint * f.usd_per_unit)::bigint as amount_usd,
             case when r.amount like '-%' then 0 else 1 end::smallint as orders
        from read_csv('${csv}', header = true, all_varchar = true) r
        asof join fx f on f.currency = r.currency and r.paid_at::date >= f.day`);
  });

/** Loads `csv`, builds the rollups and answers the report's queries `runs` times, timing each step. */
export const duckDbReference = async (
  csv: string,
  { period, base, runs }: { period: Period; base: Period; runs: number },
): Promise<DuckDbTimes> => {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    const loadMs = await load(db, csv);
    const rollupMs = await timed(async () => {
      for (const statement of rollups) await db.run(statement);
    });
    const lastMonth = { from: period.to, to: period.to };
    const lastMonthBase = { from: base.to, to: base.to };
    const queries = reportQueries(period, base, lastMonth, lastMonthBase);
    const reportMs: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const ms = await timed(async () => {
        for (const q of queries) await db.runAndReadAll(q);
      });
      if (i > 0) reportMs.push(ms); // the first run warms up
    }
    const total = await db.runAndReadAll(
      `select sum(gmv_usd)::varchar as gmv from trade_monthly where ${monthRange(period)}`,
    );
    return { loadMs, rollupMs, reportMs, gmvUsdCents: BigInt(String(total.getRowObjects()[0]!.gmv)) };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
};
