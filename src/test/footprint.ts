import { sql } from 'drizzle-orm';
import { queryRows } from '../db/raw-sql.js';
import type { Harness } from './harness.js';

/**
 * What money and capacity commands leave behind, counted straight from the
 * tables: ledger transfers (and the sum they move), orders and their events,
 * bookings and the space they hold, wires, payouts, provider payments and ad
 * wallet top-ups. Two equal footprints mean nothing moved in between.
 */
export const footprint = async (h: Harness) => {
  const [row] = await queryRows<Record<string, string>>(
    h.database.db,
    sql`select
      (select count(*) from ledger_transfers)::text as transfers,
      (select coalesce(sum(amount), 0) from ledger_transfers)::text as moved,
      (select count(*) from orders)::text as orders,
      (select count(*) from order_events)::text as order_events,
      (select count(*) from payment_dues)::text as dues,
      (select count(*) from freight_bookings)::text as bookings,
      (select coalesce(sum(standard_booked + guaranteed_booked), 0) from freight_departures)::text as space_booked,
      (select count(*) from incoming_payments)::text as wires,
      (select count(*) from payouts)::text as payouts,
      (select count(*) from provider_payments)::text as provider_payments,
      (select count(*) from ad_wallet_top_ups)::text as top_ups,
      (select count(*) from disputes where decision is not null)::text as decisions`,
  );
  return row!;
};

/** What changed between two footprints, as differences per count (only the ones that changed). */
export const footprintDelta = (before: Record<string, string>, after: Record<string, string>) =>
  Object.fromEntries(
    Object.keys(after)
      .map((k) => [k, (BigInt(after[k]!) - BigInt(before[k] ?? '0')).toString()] as const)
      .filter(([, d]) => d !== '0'),
  );
