import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { transition } from '../../core/transition.js';
import { type BookingRow, findBooking, lockDeparture, moveUnits } from './booking-store.js';
import { bookingMachine } from './machines.js';
import { logisticsPolicy } from './policy.js';
import { recordReliabilityChange } from './reliability.js';
import { rollBooking } from './rollover.js';
import { type BookingEventKind, type BookingStatus, bookingEvents, bookings } from './schema.js';

/** What a forwarder reports about a booking, by API or CSV. */
export type BookingEventInput = {
  kind: Exclude<BookingEventKind, 'requested'>;
  occurredAt?: Date;
  location?: string | null;
  note?: string;
  /** The reporter's id for this event: reported twice, it is recorded once. */
  externalId?: string | null;
  /** With `confirmed`: the carrier's booking number. */
  bookingNumber?: string | null;
  /** With `rolled`: the later departure of the same card (default: the next with space). */
  toDepartureId?: string | null;
};

/** Milestones that are a state of their own, by event kind. */
const milestone: Partial<Record<BookingEventKind, BookingStatus>> = {
  confirmed: 'confirmed',
  rejected: 'rejected',
  cancelled: 'cancelled',
  gate_in: 'gate_in',
  loaded: 'loaded',
  departed: 'departed',
  arrived: 'arrived',
  discharged: 'discharged',
  delivered: 'delivered',
  completed: 'completed',
};

const alreadyRecorded = async (ctx: Ctx, bookingId: string, externalId: string | null | undefined) =>
  externalId
    ? (
        await ctx.db
          .select({ id: bookingEvents.id })
          .from(bookingEvents)
          .where(and(eq(bookingEvents.bookingId, bookingId), eq(bookingEvents.externalId, externalId)))
      ).length > 0
    : false;

/** Gives a booking's space back to its departure (rejected or cancelled before loading). */
const releaseSpace = async (ctx: Ctx, booking: BookingRow) => {
  const departure = await lockDeparture(ctx.db, booking.departureId);
  if (departure) await moveUnits(ctx.db, departure, -booking.units, booking.guaranteed, ctx.now());
};

/**
 * Applies one reported event: a milestone moves the booking along its
 * machine (an impossible move is refused and nothing is recorded), a roll
 * moves it to a later departure with compensation when guaranteed, a note
 * only joins the timeline. A roll reported again while the booking still
 * waits rolled is the same roll: recorded once, paid once; a roll of a
 * rolled booking to another departure (named) moves it on. Returns whether
 * the event was recorded (false: a report already recorded).
 */
export const applyBookingEvent = async (
  ctx: Ctx,
  booking: BookingRow,
  input: BookingEventInput,
  source: 'api' | 'csv' = 'api',
): Promise<boolean> => {
  const occurredAt = input.occurredAt ?? ctx.now();
  if (await alreadyRecorded(ctx, booking.id, input.externalId)) return false;
  if (input.kind === 'rolled') {
    if (booking.status === 'rolled' && (!input.toDepartureId || input.toDepartureId === booking.departureId))
      return false;
    await rollBooking(ctx, booking, {
      reason: input.note || 'Rolled by the forwarder',
      reportedBy: 'forwarder',
      source,
      occurredAt,
      toDepartureId: input.toDepartureId ?? undefined,
      externalId: input.externalId ?? null,
    });
    return true;
  }
  const to = milestone[input.kind];
  if (to) {
    if (to === 'confirmed' && !input.bookingNumber && !booking.bookingNumber)
      throw new AppError('VALIDATION_FAILED', 'Confirming a booking needs the carrier booking number', {
        field: 'bookingNumber',
      });
    await transition(ctx, {
      machine: bookingMachine,
      table: bookings,
      record: booking,
      to,
      set: to === 'confirmed' && input.bookingNumber ? { bookingNumber: input.bookingNumber } : {},
      payload: {
        shipperId: booking.shipperId,
        orderId: booking.orderId,
        bookingNumber: input.bookingNumber ?? booking.bookingNumber,
      },
    });
    await recordReliabilityChange(ctx, booking.companyId, booking, { status: to, rolls: booking.rolls });
    if (to === 'rejected' || to === 'cancelled') await releaseSpace(ctx, booking);
  }
  const now = ctx.now();
  await ctx.db.insert(bookingEvents).values({
    companyId: booking.companyId,
    id: newId('bev', now),
    bookingId: booking.id,
    kind: input.kind,
    occurredAt,
    location: input.location ?? null,
    note: input.note ?? '',
    source,
    externalId: input.externalId ?? null,
    details: input.bookingNumber ? { bookingNumber: input.bookingNumber } : null,
    createdAt: now,
  });
  return true;
};

/** `POST /freight/bookings/:id/events`: the booking's forwarder reports an event. */
export const postBookingEvent = async (ctx: Ctx, bookingId: string, input: BookingEventInput) =>
  inTransaction(ctx, async (tx) => {
    const booking = await findBooking(tx.db, bookingId, { lock: true });
    logisticsPolicy.assertBookingForwarder(tx.actor, booking, bookingId);
    await applyBookingEvent(tx, booking!, input);
  });

/** The shipper withdraws a booking that has not reached the terminal: its space is released. */
export const cancelBooking = async (ctx: Ctx, bookingId: string) =>
  inTransaction(ctx, async (tx) => {
    const booking = await findBooking(tx.db, bookingId, { lock: true });
    logisticsPolicy.assertBookingShipper(tx.actor, booking, bookingId);
    await applyBookingEvent(tx, booking!, { kind: 'cancelled', note: 'Cancelled by the shipper' });
  });
