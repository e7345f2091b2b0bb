import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { csvRefused } from '../../core/csv.js';
import { AppError, isAppError } from '../../core/errors.js';
import { type ParsedBookingEvent, parseBookingEventCsv } from './booking-event-csv.js';
import { applyBookingEvent } from './booking-events.js';
import { findBooking } from './booking-store.js';
import { logisticsPolicy } from './policy.js';
import { bookings } from './schema.js';

/** The column a refused event is about, from what refused it. */
const columnOf = (row: ParsedBookingEvent, error: AppError) => {
  const field = String(error.details.field ?? '');
  if (field === 'bookingNumber') return 'booking_number';
  if (field === 'toDepartureId') return 'to_departure_id';
  if (error.code === 'NOT_FOUND') return row.bookingId ? 'booking_id' : 'booking_number';
  if (error.code === 'CONFLICT' && row.event.kind === 'rolled') return 'to_departure_id';
  return 'kind';
};

/** The forwarder's booking a line names, locked: by id, or by its carrier booking number. */
const bookingOf = async (ctx: Ctx, forwarderId: string, row: ParsedBookingEvent) => {
  if (row.bookingId) return findBooking(ctx.db, row.bookingId, { lock: true });
  const found = await ctx.db
    .select()
    .from(bookings)
    .where(and(eq(bookings.companyId, forwarderId), eq(bookings.bookingNumber, row.findByNumber!)))
    .limit(2)
    .for('update');
  if (found.length > 1)
    throw new AppError('VALIDATION_FAILED', `${row.findByNumber} names several bookings: give booking_id`, {
      field: 'bookingNumber',
    });
  return found[0];
};

/**
 * `POST /api/freight/bookings/events/import`: a forwarder uploads tracking
 * events as CSV. Each line is applied in file order through the same
 * `applyBookingEvent` as the API (its machine, rolls and compensation, the
 * outbox events that move carried orders), all in one transaction: the first
 * line refused is reported with its line and column, and nothing is kept.
 */
export const importBookingEvents = async (
  ctx: Ctx,
  input: { readUpload: () => Promise<{ fileName: string; data: Buffer }> },
) => {
  const forwarder = logisticsPolicy.assertForwarder(ctx.actor);
  const { fileName, data } = await input.readUpload();
  const { events, problems } = parseBookingEventCsv(data.toString('utf8'));
  if (problems.length > 0) throw csvRefused(fileName, problems);
  return inTransaction(ctx, async (tx) => {
    let recorded = 0;
    for (const row of events) {
      const ref = row.bookingId ?? row.findByNumber!;
      try {
        const booking = await bookingOf(tx, forwarder.companyId, row);
        // Another company's booking is as good as absent, as on the API.
        logisticsPolicy.assertBookingForwarder(tx.actor, booking, ref);
        if (row.bookingId && row.event.bookingNumber && row.event.kind !== 'confirmed') {
          if (booking!.bookingNumber !== row.event.bookingNumber)
            throw new AppError(
              'VALIDATION_FAILED',
              `Booking ${ref} has number ${booking!.bookingNumber ?? '(none yet)'}, not ${row.event.bookingNumber}`,
              { field: 'bookingNumber' },
            );
        }
        if (await applyBookingEvent(tx, booking!, row.event, 'csv')) recorded++;
      } catch (error) {
        if (!isAppError(error)) throw error;
        throw csvRefused(fileName, [
          { line: row.line, column: columnOf(row, error), message: error.message, code: error.code },
        ]);
      }
    }
    return { lines: events.length, recorded, alreadyRecorded: events.length - recorded };
  });
};
