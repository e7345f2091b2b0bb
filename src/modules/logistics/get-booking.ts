import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context.js';
import { companies, requireCompanyActor } from '../identity/index.js';
import { findBooking, findCard } from './booking-store.js';
import { logisticsPolicy } from './policy.js';
import { bookingEvents, bookings, departures, rateCards, rolloverCompensations } from './schema.js';

const companyNames = async (ctx: Ctx, ids: string[]) => {
  const rows = await ctx.db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(inArray(companies.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
};

/**
 * A booking as its shipper, its forwarder or the operator sees it: the
 * departure it is on (and the one first booked when rolled), the price, the
 * timeline and any rollover compensation with its calculation.
 */
export const getBooking = async (ctx: Ctx, id: string) => {
  const booking = await findBooking(ctx.db, id);
  const side = logisticsPolicy.assertCanRead(ctx.actor, booking, id);
  const b = booking!;
  const card = (await findCard(ctx.db, b.rateCardId))!;
  const [current, original] = await Promise.all(
    [b.departureId, b.originalDepartureId].map(
      async (depId) => (await ctx.db.select().from(departures).where(eq(departures.id, depId)))[0]!,
    ),
  );
  const timeline = await ctx.db
    .select()
    .from(bookingEvents)
    .where(eq(bookingEvents.bookingId, id))
    .orderBy(asc(bookingEvents.occurredAt), asc(bookingEvents.createdAt));
  const names = await companyNames(ctx, [b.companyId, b.shipperId]);
  const compensations = await ctx.db
    .select()
    .from(rolloverCompensations)
    .where(eq(rolloverCompensations.bookingId, id))
    .orderBy(asc(rolloverCompensations.createdAt));
  const departure = (d: typeof current) => ({
    id: d!.id,
    voyage: d!.voyage,
    departsOn: d!.departsOn,
    arrivesOn: d!.arrivesOn,
    cutoffAt: d!.cutoffAt.toISOString(),
    status: d!.status,
  });
  return {
    id: b.id,
    viewer: side,
    status: b.status,
    forwarder: { id: b.companyId, name: names.get(b.companyId) ?? '' },
    shipper: { id: b.shipperId, name: names.get(b.shipperId) ?? '' },
    rateCardId: b.rateCardId,
    bookingNumber: b.bookingNumber,
    guaranteed: b.guaranteed,
    lane: {
      origin: card.origin,
      destination: card.destination,
      mode: card.mode,
      containerType: card.containerType,
      carrier: card.carrier,
    },
    cargo: b.cargo,
    units: b.units,
    hsCode: b.hsCode,
    incoterm: b.incoterm,
    readyDate: b.readyDate,
    orderId: b.orderId,
    price: { currency: b.currency, total: String(b.total), lines: b.priceLines },
    departure: departure(current),
    originalDeparture: b.originalDepartureId === b.departureId ? null : departure(original),
    rolls: b.rolls,
    rolloverTerms: card.rolloverTerms,
    compensations: compensations.map((c) => ({
      part: c.part,
      amount: String(c.amount),
      currency: c.currency,
      delayDays: c.delayDays,
      calculation: c.calculation,
      createdAt: c.createdAt.toISOString(),
    })),
    timeline: timeline.map((e) => ({
      kind: e.kind,
      occurredAt: e.occurredAt.toISOString(),
      location: e.location,
      note: e.note,
      source: e.source,
      details: e.details,
    })),
    createdAt: b.createdAt.toISOString(),
  };
};

export type BookingView = Awaited<ReturnType<typeof getBooking>>;

const shipper = alias(companies, 'shipper');
const forwarder = alias(companies, 'forwarder');

/** The actor's bookings: a shipper's own, or those on a forwarder's cards; newest first. */
export const listBookings = async (ctx: Ctx, options: { status?: string } = {}) => {
  const member = requireCompanyActor(ctx.actor);
  const mine = or(eq(bookings.shipperId, member.companyId), eq(bookings.companyId, member.companyId));
  const rows = await ctx.db
    .select({
      id: bookings.id,
      status: bookings.status,
      shipperId: bookings.shipperId,
      shipperName: shipper.name,
      forwarderId: bookings.companyId,
      forwarderName: forwarder.name,
      rateCardId: bookings.rateCardId,
      origin: rateCards.origin,
      destination: rateCards.destination,
      mode: rateCards.mode,
      containerType: rateCards.containerType,
      bookingNumber: bookings.bookingNumber,
      guaranteed: bookings.guaranteed,
      cargo: bookings.cargo,
      units: bookings.units,
      currency: bookings.currency,
      total: bookings.total,
      departureId: bookings.departureId,
      voyage: departures.voyage,
      departsOn: departures.departsOn,
      rolls: bookings.rolls,
      orderId: bookings.orderId,
      createdAt: bookings.createdAt,
    })
    .from(bookings)
    .innerJoin(departures, eq(departures.id, bookings.departureId))
    .innerJoin(rateCards, eq(rateCards.id, bookings.rateCardId))
    .innerJoin(shipper, eq(shipper.id, bookings.shipperId))
    .innerJoin(forwarder, eq(forwarder.id, bookings.companyId))
    .where(options.status ? and(mine, eq(bookings.status, options.status as never)) : mine)
    .orderBy(desc(bookings.createdAt))
    .limit(200);
  return rows.map(({ shipperId, shipperName, forwarderId, forwarderName, ...r }) => ({
    ...r,
    shipper: { id: shipperId, name: shipperName },
    forwarder: { id: forwarderId, name: forwarderName },
    total: String(r.total),
    side: shipperId === member.companyId ? ('shipper' as const) : ('forwarder' as const),
    createdAt: r.createdAt.toISOString(),
  }));
};
