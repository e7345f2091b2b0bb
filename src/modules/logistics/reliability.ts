import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw-sql.js';
import { type BookingStatus, forwarderReliability } from './schema.js';

/** States a booking reaches only once its cargo was loaded. */
const loadedStatuses: readonly BookingStatus[] = [
  'loaded',
  'departed',
  'arrived',
  'discharged',
  'delivered',
  'completed',
];

type Standing = { status: BookingStatus; rolls: number };

/** A booking counts once it was loaded or rolled; it was kept when loaded without a roll. */
const countsOf = ({ status, rolls }: Standing) => {
  const loaded = loadedStatuses.includes(status);
  return { kept: loaded && rolls === 0 ? 1 : 0, total: loaded || rolls > 0 ? 1 : 0 };
};

/**
 * Moves the forwarder's reliability counts by what one booking's change
 * added or took away. Called in the transaction that changes the booking,
 * so the counts and the bookings never disagree.
 */
export const recordReliabilityChange = async (
  ctx: Ctx,
  forwarderId: string,
  before: Standing,
  after: Standing,
) => {
  const was = countsOf(before);
  const is = countsOf(after);
  const kept = is.kept - was.kept;
  const total = is.total - was.total;
  if (kept === 0 && total === 0) return;
  await ctx.db
    .insert(forwarderReliability)
    .values({ companyId: forwarderId, kept, total, updatedAt: ctx.now() })
    .onConflictDoUpdate({
      target: forwarderReliability.companyId,
      set: {
        kept: sql`${forwarderReliability.kept} + ${kept}`,
        total: sql`${forwarderReliability.total} + ${total}`,
        updatedAt: ctx.now(),
      },
    });
};

/**
 * The reliability of each forwarder: the share of its bookings that reached
 * loading that were loaded on the departure first booked, to three places.
 * Null without history.
 */
export const reliabilityOf = async (ctx: Ctx, forwarderIds: string[]) => {
  if (forwarderIds.length === 0) return new Map<string, number | null>();
  const rows = await queryRows<{ company_id: string; kept: number; total: number }>(
    ctx.db,
    sql`select company_id, kept, total from forwarder_reliability
         where company_id in (select jsonb_array_elements_text(${JSON.stringify(forwarderIds)}::jsonb))`,
  );
  return new Map(
    rows.map((r) => [r.company_id, r.total === 0 ? null : Math.round((r.kept / r.total) * 1000) / 1000]),
  );
};

/**
 * Recounts every forwarder's reliability from its bookings: for bookings
 * written around the use cases (the benchmark's generated data), and as the
 * repair should the counts ever be doubted.
 */
export const recountForwarderReliability = async (db: Db) => {
  await db.execute(sql`delete from forwarder_reliability`);
  await db.execute(sql`
    insert into forwarder_reliability (company_id, kept, total, updated_at)
    select company_id,
           count(*) filter (where rolls = 0 and status in ('loaded','departed','arrived','discharged','delivered','completed'))::int,
           count(*) filter (where rolls > 0 or status in ('loaded','departed','arrived','discharged','delivered','completed'))::int,
           now()
      from freight_bookings
     group by company_id`);
};
