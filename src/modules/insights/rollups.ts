import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw-sql.js';
import { insertFromFacts, tradeRollups, upsertFromFacts } from './rollup-statements.js';

/**
 * Folds the facts with `seq` in (after, upTo] into the rollups. Additive
 * measures are added (upsert), buyer sets take the union (insert, ignore
 * duplicates): applying facts in any batches gives the same rollups as one
 * rebuild over all of them, which the property test checks.
 */
export const applyFactsToRollups = async (db: Db, range: { after: number; upTo: number }) => {
  if (range.upTo <= range.after) return;
  for (const rollup of tradeRollups) await db.execute(upsertFromFacts(rollup, range));
};

/**
 * applyFactsToRollups for a large range (an import), with the working
 * memory its aggregations need, in the caller's transaction.
 */
export const foldFactsInBulk = async (db: Db, range: { after: number; upTo: number }) => {
  await allowLargeAggregates(db);
  await applyFactsToRollups(db, range);
};

/**
 * Working memory for large aggregations for the rest of the caller's
 * transaction: with Postgres's default 4 MB a million facts' groups spill to
 * disk, which triples the time of the aggregation on PGlite.
 */
const allowLargeAggregates = async (db: Db) => {
  await db.execute(sql`set local work_mem = '256MB'`);
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
    await allowLargeAggregates(t);
    const all = { after: 0, upTo: await lastFactSeq(t) };
    for (const rollup of tradeRollups) await t.execute(insertFromFacts(rollup, all));
    const [span] = await queryRows<{ from: string | null; to: string | null }>(
      t,
      sql`select min(day)::text as "from", max(day)::text as "to" from buyer_activity`,
    );
    const { from, to } = span!;
    if (from && to) await recomputeActivityDays(t, { from, to });
  });
