import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw-sql.js';

/**
 * Folds the facts with `seq` in (after, upTo] into the rollups. Additive
 * measures are added (upsert), buyer sets take the union (insert, ignore
 * duplicates): applying facts in any batches gives the same rollups as one
 * rebuild over all of them, which the property test checks.
 */
export const applyFactsToRollups = async (db: Db, range: { after: number; upTo: number }) => {
  if (range.upTo <= range.after) return;
  await db.execute(sql`
    insert into trade_daily (day, province, industry, category, buyer_country, gmv_usd, orders)
    select paid_on, supplier_province, industry, category, buyer_country, sum(amount_usd), sum(orders)
      from trade_facts
     where seq > ${range.after} and seq <= ${range.upTo}
     group by 1, 2, 3, 4, 5
    on conflict (day, province, industry, category, buyer_country) do update
       set gmv_usd = trade_daily.gmv_usd + excluded.gmv_usd,
           orders = trade_daily.orders + excluded.orders`);
  await db.execute(sql`
    insert into trade_monthly (month, province, industry, category, buyer_country, gmv_usd, orders)
    select date_trunc('month', paid_on)::date, supplier_province, industry, category, buyer_country,
           sum(amount_usd), sum(orders)
      from trade_facts
     where seq > ${range.after} and seq <= ${range.upTo}
     group by 1, 2, 3, 4, 5
    on conflict (month, province, industry, category, buyer_country) do update
       set gmv_usd = trade_monthly.gmv_usd + excluded.gmv_usd,
           orders = trade_monthly.orders + excluded.orders`);
  await db.execute(sql`
    insert into trade_supplier_months (month, province, industry, supplier_id, gmv_usd)
    select date_trunc('month', paid_on)::date, supplier_province, industry, supplier_id, sum(amount_usd)
      from trade_facts
     where seq > ${range.after} and seq <= ${range.upTo}
     group by 1, 2, 3, 4
    on conflict (month, province, industry, supplier_id) do update
       set gmv_usd = trade_supplier_months.gmv_usd + excluded.gmv_usd`);
  // A refund does not make its buyer less of a buyer: only paid orders count toward active buyers.
  await db.execute(sql`
    insert into trade_buyer_months (month, buyer_country, buyer_id)
    select distinct date_trunc('month', paid_on)::date, buyer_country, buyer_id
      from trade_facts
     where seq > ${range.after} and seq <= ${range.upTo} and orders > 0
    on conflict do nothing`);
};

/** Recomputes the activity rollups of the given days from the raw events (exact distinct buyers per day). */
export const recomputeActivityDays = async (db: Db, days: { from: string; to: string }) => {
  await db.execute(sql`delete from activity_daily where day between ${days.from} and ${days.to}`);
  await db.execute(sql`delete from active_buyers_daily where day between ${days.from} and ${days.to}`);
  await db.execute(sql`
    insert into activity_daily (day, category, kind, events, buyers)
    select day, category, kind, count(*), count(distinct buyer_id)
      from buyer_activity where day between ${days.from} and ${days.to}
     group by 1, 2, 3`);
  await db.execute(sql`
    insert into active_buyers_daily (day, category, buyers)
    select day, category, count(distinct buyer_id)
      from buyer_activity where day between ${days.from} and ${days.to}
     group by 1, 2`);
};

/** The highest fact sequence number so far (0 when there are none). */
export const lastFactSeq = async (db: Db): Promise<number> => {
  const [row] = await queryRows<{ seq: string | number }>(
    db,
    sql`select coalesce(max(seq), 0)::bigint as seq from trade_facts`,
  );
  return Number(row!.seq);
};

/**
 * `tradelane index rebuild`: throws the rollups away and derives them again
 * from the facts and events, in one transaction (readers see the old or the
 * new rollups, never a half-built one).
 */
export const rebuildRollups = async (db: Db) =>
  db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(
      sql`truncate trade_daily, trade_monthly, trade_supplier_months, trade_buyer_months, activity_daily, active_buyers_daily`,
    );
    await applyFactsToRollups(t, { after: 0, upTo: await lastFactSeq(t) });
    const [span] = await queryRows<{ from: string | null; to: string | null }>(
      t,
      sql`select min(day)::text as "from", max(day)::text as "to" from buyer_activity`,
    );
    const { from, to } = span!;
    if (from && to) await recomputeActivityDays(t, { from, to });
  });
