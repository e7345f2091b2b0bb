import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw-sql.js';
import { products } from '../catalog/index.js';
import { companies } from '../identity/index.js';
import { tradeFacts } from '../insights/index.js';
import { disputes, orders } from '../orders/index.js';
import { quotes, responseRates } from '../sourcing/index.js';
import type { SupplierFacts } from './scoring.js';

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The window's start: `months` calendar months before `asOf`. */
export const windowStart = (asOf: Date, months: number) => {
  const since = new Date(asOf);
  since.setUTCMonth(since.getUTCMonth() - months);
  return since;
};

type Counts = Map<string, Record<string, number>>;

const byCompany = <R extends { company_id: string }>(rows: R[]): Counts =>
  new Map(
    rows.map(({ company_id, ...rest }) => [
      company_id,
      Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Number(v ?? 0)])),
    ]),
  );

/** Each supplier's industry: the one it has most active listings in (ties: the first code). */
const primaryIndustries = async (db: Db) => {
  const rows = await queryRows<{ company_id: string; industry: string; n: number | string }>(
    db,
    sql`select ${products.companyId} as company_id, split_part(${products.categoryCode}, '/', 1) as industry,
        count(*) as n
      from ${products} where ${products.status} = 'active'
      group by 1, 2 order by 1, 3 desc, 2`,
  );
  const industries = new Map<string, string>();
  for (const r of rows) if (!industries.has(r.company_id)) industries.set(r.company_id, r.industry);
  return industries;
};

/** Paid GMV (net of refunds, USD cents) and paid orders per supplier, from the trade index's facts. */
const tradeOf = async (db: Db, since: Date, asOf: Date) => {
  const rows = await queryRows<{ company_id: string; gmv: string | number; paid: string | number }>(
    db,
    sql`select ${tradeFacts.supplierId} as company_id, sum(${tradeFacts.amountUsd})::text as gmv,
        sum(${tradeFacts.orders}) as paid
      from ${tradeFacts}
      where ${tradeFacts.paidOn} > ${isoDay(since)}::date and ${tradeFacts.paidOn} <= ${isoDay(asOf)}::date
      group by 1`,
  );
  return new Map(rows.map((r) => [r.company_id, { gmv: BigInt(r.gmv), paid: Number(r.paid) }]));
};

/**
 * Shipments judged for punctuality: orders shipped in the window (on time
 * when shipped on or before the ship-by day, UTC), and orders whose ship-by
 * day passed in the window with nothing shipped, late (still in production,
 * disputed, or refunded after that day). Cancelled orders are not judged:
 * most never reached production.
 */
const shipmentsOf = async (db: Db, since: Date, asOf: Date) =>
  byCompany(
    await queryRows<{ company_id: string; on_time: number | string; counted: number | string }>(
      db,
      sql`select ${orders.companyId} as company_id,
          count(*) filter (where ${orders.shippedAt} is not null
            and (${orders.shippedAt} at time zone 'UTC')::date <= ${orders.shipByDate}) as on_time,
          count(*) as counted
        from ${orders}
        where ${orders.shipByDate} is not null and (
          (${orders.shippedAt} > ${since.toISOString()}::timestamptz
            and ${orders.shippedAt} <= ${asOf.toISOString()}::timestamptz)
          or (${orders.shippedAt} is null
            and ${orders.shipByDate} >= ${isoDay(since)}::date and ${orders.shipByDate} < ${isoDay(asOf)}::date
            and (${orders.status} in ('in_production', 'awaiting_balance', 'ready_to_ship', 'disputed')
              or (${orders.status} = 'refunded'
                and (${orders.closedAt} at time zone 'UTC')::date > ${orders.shipByDate}))))
        group by 1`,
    ),
  );

/** Disputes opened in the window, except those the buyer withdrew or the platform rejected. */
const disputesOf = async (db: Db, since: Date, asOf: Date) =>
  byCompany(
    await queryRows<{ company_id: string; n: number | string }>(
      db,
      sql`select ${disputes.companyId} as company_id, count(*) as n from ${disputes}
        where ${disputes.openedAt} > ${since.toISOString()}::timestamptz
          and ${disputes.openedAt} <= ${asOf.toISOString()}::timestamptz
          and ${disputes.status} <> 'withdrawn'
          and (${disputes.decision} is null or ${disputes.decision} <> 'rejected')
        group by 1`,
    ),
  );

/** Buyers' 1–5 ratings of the supplier's quotes, rated (last changed) in the window. */
const ratingsOf = async (db: Db, since: Date, asOf: Date) =>
  byCompany(
    await queryRows<{ company_id: string; total: number | string; n: number | string }>(
      db,
      sql`select ${quotes.companyId} as company_id, sum(${quotes.buyerRating}) as total, count(*) as n
        from ${quotes}
        where ${quotes.buyerRating} is not null
          and ${quotes.updatedAt} > ${since.toISOString()}::timestamptz
          and ${quotes.updatedAt} <= ${asOf.toISOString()}::timestamptz
        group by 1`,
    ),
  );

/**
 * What the score of every supplier is computed from, as of `asOf`: the last
 * `windowMonths` of trade, shipments, disputes and ratings, the Quick
 * Response Rate of the last 30 days (sourcing's definition), and the
 * company's verification and tenure today.
 */
export const gatherSupplierFacts = async (
  db: Db,
  asOf: Date,
  windowMonths: number,
): Promise<SupplierFacts[]> => {
  const suppliers = await db
    .select({
      id: companies.id,
      verificationLevel: companies.verificationLevel,
      joinedAt: companies.createdAt,
    })
    .from(companies)
    .where(eq(companies.kind, 'supplier'))
    .orderBy(companies.id);
  if (suppliers.length === 0) return [];
  const since = windowStart(asOf, windowMonths);
  const industries = await primaryIndustries(db);
  const trade = await tradeOf(db, since, asOf);
  const shipments = await shipmentsOf(db, since, asOf);
  const disputed = await disputesOf(db, since, asOf);
  const ratings = await ratingsOf(db, since, asOf);
  const rates = await responseRates(
    db,
    suppliers.map((s) => s.id),
    asOf,
  );
  return suppliers.map((s) => ({
    supplierId: s.id,
    industry: industries.get(s.id) ?? null,
    gmvUsd: trade.get(s.id)?.gmv ?? 0n,
    paidOrders: trade.get(s.id)?.paid ?? 0,
    responseRate: rates.get(s.id)?.rate ?? null,
    inquiriesCounted: rates.get(s.id)?.counted ?? 0,
    shippedOnTime: shipments.get(s.id)?.on_time ?? 0,
    shipmentsCounted: shipments.get(s.id)?.counted ?? 0,
    disputes: disputed.get(s.id)?.n ?? 0,
    ratingSum: ratings.get(s.id)?.total ?? 0,
    ratingCount: ratings.get(s.id)?.n ?? 0,
    verificationLevel: s.verificationLevel,
    joinedAt: s.joinedAt,
  }));
};
