import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { hsCodeList } from '../catalog/index.js';
import { findOrderRow } from '../orders/index.js';
import { incoterms } from '../sourcing/incoterms.js';
import { type BookingRow, findCard, freeUnits, lockDeparture, moveUnits } from './booking-store.js';
import { unitsFor } from './cargo-units.js';
import { awaitingLoadStatuses } from './machines.js';
import { logisticsPolicy } from './policy.js';
import { priceOf } from './pricing.js';
import { rollBooking } from './rollover.js';
import { bookingEvents, bookings, type Cargo } from './schema.js';

export type BookingInput = {
  departureId: string;
  cargo: Cargo;
  /** Space that is not rolled for standard bookings (at the card's premium). */
  guaranteed: boolean;
  readyDate: string;
  hsCode?: string | null;
  incoterm?: string | null;
  /** An order of the shipper's whose goods this carries. */
  orderId?: string | null;
};

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

const checkTradeFields = async (ctx: Ctx, shipperId: string, input: BookingInput) => {
  if (input.hsCode && !hsCodeList().byCode.has(input.hsCode))
    throw invalid('hsCode', `${input.hsCode} is not an HS 2022 code`);
  if (input.incoterm && !(incoterms as readonly string[]).includes(input.incoterm))
    throw invalid('incoterm', `${input.incoterm} is not an Incoterm 2020 rule`);
  if (input.orderId) {
    const order = await findOrderRow(ctx.db, input.orderId);
    // Another company's order is as good as absent.
    if (!order || (order.buyerId !== shipperId && order.companyId !== shipperId))
      throw invalid('orderId', `Order ${input.orderId} was not found among your orders`);
  }
};

/**
 * Standard bookings on a departure a guaranteed one needs room on, newest
 * first: the last to book is the first rolled.
 */
const standardBookingsToRoll = (ctx: Ctx, departureId: string) =>
  ctx.db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.departureId, departureId),
        eq(bookings.guaranteed, false),
        inArray(bookings.status, [...awaitingLoadStatuses]),
      ),
    )
    .orderBy(desc(bookings.createdAt))
    .for('update');

/**
 * Books space on one departure, atomically: the departure row is locked, its
 * free space checked and taken in one transaction (and the table's check
 * refuses overfilling regardless), so concurrent requests can never book more
 * than the allotment. A guaranteed booking that finds the departure full
 * rolls standard bookings off it to make room.
 */
export const bookFreight = async (ctx: Ctx, input: BookingInput) => {
  const shipper = logisticsPolicy.assertShipper(ctx.actor);
  await checkTradeFields(ctx, shipper.companyId, input);
  return inTransaction(ctx, async (tx): Promise<BookingRow> => {
    const departure = await lockDeparture(tx.db, input.departureId);
    if (!departure)
      throw new AppError('NOT_FOUND', `Departure ${input.departureId} not found`, { id: input.departureId });
    const card = (await findCard(tx.db, departure.rateCardId))!;
    const now = tx.now();
    if (card.status !== 'active' || departure.status !== 'scheduled' || departure.cutoffAt <= now)
      throw new AppError('CONFLICT', `Departure ${departure.voyage} is closed for booking`, {
        id: departure.id,
      });
    if (input.readyDate > departure.departsOn)
      throw invalid('readyDate', `The cargo is ready after this departure (${departure.departsOn})`);
    if (input.guaranteed && card.guaranteedPremium === null)
      throw invalid('guaranteed', 'This rate card does not offer guaranteed space');
    const units = unitsFor(card.mode, card.containerType, input.cargo);

    let free = freeUnits(departure);
    if (units > free && input.guaranteed) {
      for (const standard of await standardBookingsToRoll(tx, departure.id)) {
        if (free >= units) break;
        // A standard booking gives up its space only if a later departure takes it.
        const moved = await rollBooking(tx, standard, {
          reason: 'Space given to a guaranteed booking',
          reportedBy: 'platform',
          occurredAt: now,
          onlyIfMoved: true,
        });
        if (moved) free += standard.units;
      }
    }
    if (units > free)
      throw new AppError(
        'CONFLICT',
        `Only ${free} ${card.basis === 'kg' ? 'kg' : card.basis === 'cbm' ? 'm³' : 'containers'} left on ${departure.voyage}`,
        {
          available: free,
          requested: units,
        },
      );

    const price = priceOf(card, units, input.guaranteed);
    await moveUnits(tx.db, departure, units, input.guaranteed, now);
    const id = newId('bkg', now);
    const [booking] = await tx.db
      .insert(bookings)
      .values({
        companyId: card.companyId,
        id,
        shipperId: shipper.companyId,
        rateCardId: card.id,
        departureId: departure.id,
        originalDepartureId: departure.id,
        status: 'requested',
        guaranteed: input.guaranteed,
        units,
        cargo: input.cargo,
        hsCode: input.hsCode ?? null,
        incoterm: input.incoterm ?? null,
        readyDate: input.readyDate,
        currency: card.currency,
        total: price.total,
        priceLines: price.lines,
        orderId: input.orderId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.db.insert(bookingEvents).values({
      companyId: card.companyId,
      id: newId('bev', now),
      bookingId: id,
      kind: 'requested',
      occurredAt: now,
      source: 'platform',
      details: { voyage: departure.voyage, units, guaranteed: input.guaranteed },
      createdAt: now,
    });
    await tx.events.emit('booking.requested', { id, shipperId: shipper.companyId, units }, card.companyId);
    return booking!;
  });
};
