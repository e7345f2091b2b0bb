import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { transition } from '../../core/transition.js';
import { chart, requireTransfers } from '../ledger/index.js';
import {
  type BookingRow,
  type DepartureRow,
  findCard,
  freeUnits,
  lockDeparture,
  moveUnits,
} from './booking-store.js';
import { containersOf } from './cargo-units.js';
import { bookingMachine } from './machines.js';
import { recordReliabilityChange } from './reliability.js';
import { daysBetween } from './schedule.js';
import { bookingEvents, bookings, departures, type RolloverTerms, rolloverCompensations } from './schema.js';

/**
 * What a forwarder owes for rolling a guaranteed booking: per container, plus
 * per container for each day of delay; loose cargo (air, LCL) is one
 * shipment. `part` splits a roll that had nowhere to go at first: the `roll`
 * (per container, no delay yet) and later the `delay` (per day only). Exact
 * integers in the card's currency.
 */
export const rolloverCompensation = (
  terms: RolloverTerms,
  containers: number,
  delayDays: number,
  part: 'whole' | 'roll' | 'delay' = 'whole',
) => {
  const perContainer = part === 'delay' ? 0n : BigInt(terms.perContainer);
  const perDay = part === 'roll' ? 0n : BigInt(terms.perDay);
  const days = part === 'roll' ? 0 : Math.max(0, delayDays);
  const amount = BigInt(containers) * (perContainer + perDay * BigInt(days));
  return {
    amount,
    calculation: {
      containers,
      perContainer: String(perContainer),
      delayDays: days,
      perDay: String(perDay),
      formula: 'containers × (perContainer + perDay × delayDays)',
      amount: String(amount),
    },
  };
};

/** The card's next scheduled departure after `after` with room for `units`, locked. */
const nextDepartureWithSpace = async (ctx: Ctx, booking: BookingRow, after: string) => {
  const candidates = await ctx.db
    .select({ id: departures.id })
    .from(departures)
    .where(
      and(
        eq(departures.rateCardId, booking.rateCardId),
        eq(departures.status, 'scheduled'),
        gt(departures.departsOn, after),
      ),
    )
    .orderBy(asc(departures.departsOn))
    .limit(20);
  for (const { id } of candidates) {
    const departure = await lockDeparture(ctx.db, id);
    if (departure && freeUnits(departure) >= booking.units) return departure;
  }
  return undefined;
};

/**
 * Whether the booking waits rolled on the departure it missed: its last roll
 * found no later departure to move to.
 */
const waitsOnMissedDeparture = async (ctx: Ctx, booking: BookingRow) => {
  if (booking.status !== 'rolled') return false;
  const [last] = await ctx.db
    .select({ details: bookingEvents.details })
    .from(bookingEvents)
    .where(and(eq(bookingEvents.bookingId, booking.id), eq(bookingEvents.kind, 'rolled')))
    .orderBy(desc(bookingEvents.createdAt), desc(bookingEvents.id))
    .limit(1);
  return last?.details?.toDepartureId === null && last.details.missedDepartureId === booking.departureId;
};

/**
 * The booking missed its departure: it moves to the card's next departure
 * with space (or, failing one, waits rolled on the missed one, its space
 * still held, until the forwarder rolls it to a named departure), and
 * a guaranteed booking is compensated through the ledger, from the
 * forwarder's settlement account to the shipper, once per missed departure.
 * Rebooking a waiting booking is not a second roll: it pays the days of
 * delay the first payment could not know.
 */
export const rollBooking = async (
  ctx: Ctx,
  booking: BookingRow,
  input: {
    reason: string;
    reportedBy: 'forwarder' | 'platform';
    /** How the forwarder reported it (default: the API). */
    source?: 'api' | 'csv';
    occurredAt: Date;
    toDepartureId?: string;
    /** The reporter's id for the report: kept, so the same report sent again later is not a second roll. */
    externalId?: string | null;
    /** Roll only onto a later departure with room; without one, leave the booking as it is. */
    onlyIfMoved?: boolean;
  },
): Promise<boolean> => {
  const missed = await lockDeparture(ctx.db, booking.departureId);
  if (!missed) throw new AppError('NOT_FOUND', `Departure ${booking.departureId} not found`);
  let target: DepartureRow | undefined;
  if (input.toDepartureId) {
    target = await lockDeparture(ctx.db, input.toDepartureId);
    if (!target || target.rateCardId !== booking.rateCardId || target.departsOn <= missed.departsOn)
      throw new AppError('VALIDATION_FAILED', 'A booking rolls to a later departure of the same rate card', {
        field: 'toDepartureId',
      });
    if (target.status !== 'scheduled' || freeUnits(target) < booking.units)
      throw new AppError('CONFLICT', `Departure ${target.id} has no room for ${booking.units} more`, {
        available: freeUnits(target),
      });
  } else {
    target = await nextDepartureWithSpace(ctx, booking, missed.departsOn);
  }
  const rebooking = await waitsOnMissedDeparture(ctx, booking);
  if (!target && (input.onlyIfMoved || rebooking)) return false;
  const now = ctx.now();
  // Without a later departure the booking stays on the missed one and keeps
  // its units there, so a cancellation or a later roll gives back exactly
  // what is held (never the same units twice).
  if (target) {
    await moveUnits(ctx.db, missed, -booking.units, booking.guaranteed, now);
    await moveUnits(ctx.db, target, booking.units, booking.guaranteed, now);
  }
  const delayDays = target ? daysBetween(missed.departsOn, target.departsOn) : null;
  const rolls = rebooking ? booking.rolls : booking.rolls + 1;
  await transition(ctx, {
    machine: bookingMachine,
    table: bookings,
    record: booking,
    to: 'rolled',
    set: { departureId: target?.id ?? booking.departureId, rolls },
    payload: { shipperId: booking.shipperId, from: missed.id, to: target?.id ?? null, delayDays },
  });
  await recordReliabilityChange(ctx, booking.companyId, booking, { status: 'rolled', rolls });
  await ctx.db.insert(bookingEvents).values({
    companyId: booking.companyId,
    id: newId('bev', now),
    bookingId: booking.id,
    kind: 'rolled',
    occurredAt: input.occurredAt,
    note: input.reason,
    source: input.reportedBy === 'forwarder' ? (input.source ?? 'api') : 'platform',
    externalId: input.externalId ?? null,
    details: {
      missedDepartureId: missed.id,
      missedVoyage: missed.voyage,
      toDepartureId: target?.id ?? null,
      toVoyage: target?.voyage ?? null,
      delayDays,
    },
    createdAt: now,
  });
  if (booking.guaranteed)
    await compensate(ctx, booking, missed, delayDays ?? 0, rebooking ? 'delay' : target ? 'whole' : 'roll');
  return true;
};

const compensate = async (
  ctx: Ctx,
  booking: BookingRow,
  missed: DepartureRow,
  delayDays: number,
  part: 'whole' | 'roll' | 'delay',
) => {
  const card = await findCard(ctx.db, booking.rateCardId);
  if (!card?.rolloverTerms) return;
  const { amount, calculation: terms } = rolloverCompensation(
    card.rolloverTerms,
    containersOf(booking.cargo),
    delayDays,
    part,
  );
  if (amount === 0n) return;
  // Loose cargo (air, LCL) is compensated per shipment: say so beside the count.
  const calculation = { ...terms, per: 'containers' in booking.cargo ? 'container' : 'shipment' };
  const stored = part === 'delay' ? 'delay' : 'roll';
  const transferId = `freight:${booking.id}:rollover:${missed.id}${stored === 'delay' ? ':delay' : ''}`;
  const inserted = await ctx.db
    .insert(rolloverCompensations)
    .values({
      companyId: booking.companyId,
      id: newId('rco', ctx.now()),
      bookingId: booking.id,
      missedDepartureId: missed.id,
      part: stored,
      shipperId: booking.shipperId,
      currency: booking.currency,
      amount,
      containers: containersOf(booking.cargo),
      delayDays,
      calculation,
      transferId,
      createdAt: ctx.now(),
    })
    .onConflictDoNothing()
    .returning({ id: rolloverCompensations.id });
  // Already compensated for this departure: the roll was reported again.
  if (inserted.length === 0) return;
  const forwarder = await chart.forwarderSettlement(ctx, booking.companyId, booking.currency);
  const shipper = await chart.shipperPayable(ctx, booking.shipperId, booking.currency);
  await requireTransfers(ctx, [
    {
      id: transferId,
      debitAccountId: forwarder.id,
      creditAccountId: shipper.id,
      amount,
      currency: booking.currency,
      reference: `freight:${booking.id}:rollover`,
      userData: calculation,
    },
  ]);
  await ctx.events.emit(
    'booking.compensated',
    {
      id: booking.id,
      shipperId: booking.shipperId,
      amount: String(amount),
      currency: booking.currency,
      delayDays,
    },
    booking.companyId,
  );
};
