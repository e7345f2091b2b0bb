import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Clock } from '../../core/clock.js';
import { anonymous, inTransaction, makeCtx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { findBooking } from './booking-store.js';
import { awaitingLoadStatuses } from './machines.js';
import { rollBooking } from './rollover.js';
import { bookings, departures } from './schema.js';

/**
 * Departures whose day has passed have left. Cargo on them that was never
 * reported loaded missed the departure: each such booking is rolled to the
 * next departure with space, and compensated when it was guaranteed. One
 * transaction per booking, so one failure does not hold back the others;
 * the departure is marked departed only once all its bookings are handled,
 * so a crash or a failed roll is taken up again on the next run.
 */
export const runDepartureTimers = async (db: Db, now: Clock) => {
  const ctx = makeCtx(db, anonymous, now);
  const today = now().toISOString().slice(0, 10);
  const due = await db
    .select({ id: departures.id, voyage: departures.voyage })
    .from(departures)
    .where(and(eq(departures.status, 'scheduled'), lt(departures.departsOn, today)));
  let rolled = 0;
  let departed = 0;
  for (const departure of due) {
    const stranded = await db
      .select({ id: bookings.id })
      .from(bookings)
      .where(
        and(eq(bookings.departureId, departure.id), inArray(bookings.status, [...awaitingLoadStatuses])),
      );
    let failed = false;
    for (const { id } of stranded) {
      try {
        await inTransaction(ctx, async (tx) => {
          const booking = await findBooking(tx.db, id, { lock: true });
          if (!booking || booking.departureId !== departure.id) return;
          if (!awaitingLoadStatuses.includes(booking.status)) return;
          const moved = await rollBooking(tx, booking, {
            reason: `${departure.voyage} departed without this cargo loaded`,
            reportedBy: 'platform',
            occurredAt: now(),
          });
          if (moved) rolled++;
        });
      } catch (error) {
        failed = true;
        console.error(`logistics departure timer on ${id}:`, (error as Error).message);
      }
    }
    if (failed) continue;
    await db
      .update(departures)
      .set({ status: 'departed', updatedAt: now() })
      .where(and(eq(departures.id, departure.id), eq(departures.status, 'scheduled')));
    departed++;
  }
  return { departed, rolled };
};
