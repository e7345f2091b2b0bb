import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { isCurrency } from '../../core/money.js';
import type { RateCardBody } from './api.js';
import { basisOf } from './cargo-units.js';
import { logisticsPolicy } from './policy.js';
import { containerTypeOf, locationOf } from './reference.js';
import { addDays, cutoffFor, departureDays, voyageFor } from './schedule.js';
import {
  departures,
  type FreightMode,
  type RolloverTerms,
  rateCards,
  type Schedule,
  type Surcharge,
} from './schema.js';

export type RateCardInput = {
  origin: string;
  destination: string;
  mode: FreightMode;
  containerType?: string | null;
  currency: string;
  /** Minor units per container, cubic metre or kilogram. */
  basePrice: bigint;
  minimumCharge?: bigint;
  surcharges?: Surcharge[];
  guaranteedPremium?: bigint | null;
  rolloverTerms?: RolloverTerms | null;
  transitDays: number;
  validFrom: string;
  validTo: string;
  schedule: Schedule;
  capacityPerDeparture: number;
  carrier: string;
  service?: string;
};

export type RateCardRow = typeof rateCards.$inferSelect;

/** A validated body (`RateCardBody`, from JSON or a CSV line) with its amounts as bigint. */
export const rateCardInputOf = (body: z.output<typeof RateCardBody>): RateCardInput => ({
  ...body,
  basePrice: BigInt(body.basePrice),
  minimumCharge: BigInt(body.minimumCharge),
  guaranteedPremium: body.guaranteedPremium == null ? null : BigInt(body.guaranteedPremium),
});

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

const isSea = (mode: FreightMode) => mode === 'sea_fcl' || mode === 'sea_lcl';

/**
 * The business rules a rate card's fields must meet together (shapes are the
 * route's job): real places of the mode's kind, a container type exactly for
 * FCL, a validity window the schedule falls in. Returns the card normalised.
 */
export const checkRateCard = (input: RateCardInput) => {
  const place = (field: 'origin' | 'destination') => {
    const location = locationOf(input[field]);
    if (!location)
      throw invalid(field, `${input[field]} is neither a known port (UN/LOCODE) nor airport (IATA)`);
    const wanted = isSea(input.mode) ? 'port' : 'airport';
    if (location.kind !== wanted)
      throw invalid(field, `${input.mode} runs between ${wanted}s; ${input[field]} is an ${location.kind}`);
    return location.code;
  };
  const origin = place('origin');
  const destination = place('destination');
  if (origin === destination) throw invalid('destination', 'The destination is the origin');
  let containerType: string | null = null;
  if (input.mode === 'sea_fcl') {
    const type = input.containerType ? containerTypeOf(input.containerType) : undefined;
    if (!type)
      throw invalid('containerType', 'A full-container rate needs a known container type, e.g. 40HQ or 45G1');
    containerType = type.code;
  } else if (input.containerType) {
    throw invalid('containerType', `A ${input.mode} rate is not per container`);
  }
  if (!isCurrency(input.currency)) throw invalid('currency', `${input.currency} is not an ISO 4217 currency`);
  if (input.validFrom > input.validTo) throw invalid('validTo', 'The validity ends before it starts');
  const days = departureDays(input.schedule, input.validFrom, input.validTo);
  if (days.length === 0)
    throw invalid('schedule', 'The schedule has no departure within the validity window');
  for (const s of input.surcharges ?? [])
    if (s.per !== 'unit' && s.per !== 'shipment')
      throw invalid('surcharges', `Surcharge ${s.code}: per unit or per shipment`);
  if (input.rolloverTerms && input.guaranteedPremium == null)
    throw invalid(
      'rolloverTerms',
      'Rollover compensation applies to guaranteed space: give the guaranteed premium too',
    );
  return { origin, destination, containerType, days };
};

/**
 * Inserts a rate card and its departures for a forwarder, within the
 * caller's transaction (a publication, or one row of a CSV import): the same
 * rules, checked by `checkRateCard`, whichever way the card arrives.
 */
export const insertRateCard = async (tx: Ctx, forwarderId: string, input: RateCardInput) => {
  const { origin, destination, containerType, days } = checkRateCard(input);
  const now = tx.now();
  const id = newId('rc', now);
  await tx.db.insert(rateCards).values({
    companyId: forwarderId,
    id,
    origin,
    destination,
    mode: input.mode,
    basis: basisOf(input.mode),
    containerType,
    currency: input.currency,
    basePrice: input.basePrice,
    minimumCharge: input.minimumCharge ?? 0n,
    surcharges: input.surcharges ?? [],
    guaranteedPremium: input.guaranteedPremium ?? null,
    rolloverTerms: input.rolloverTerms ?? null,
    transitDays: input.transitDays,
    validFrom: input.validFrom,
    validTo: input.validTo,
    schedule: input.schedule,
    capacityPerDeparture: input.capacityPerDeparture,
    carrier: input.carrier,
    service: input.service ?? '',
    createdAt: now,
    updatedAt: now,
  });
  const service = input.service || input.carrier;
  await tx.db.insert(departures).values(
    days.map((day) => ({
      companyId: forwarderId,
      id: newId('dep', now),
      rateCardId: id,
      departsOn: day,
      arrivesOn: addDays(day, input.transitDays),
      cutoffAt: cutoffFor(input.mode, day),
      voyage: voyageFor(service, day),
      capacity: input.capacityPerDeparture,
      updatedAt: now,
    })),
  );
  await tx.events.emit('rate_card.published', { id, origin, destination, mode: input.mode }, forwarderId);
  return { id, departures: days.length };
};

/** Publishes a rate card and opens its departures, each with the card's allotment. */
export const publishRateCard = async (ctx: Ctx, input: RateCardInput) => {
  const forwarder = logisticsPolicy.assertForwarder(ctx.actor);
  checkRateCard(input);
  return inTransaction(ctx, async (tx) => {
    const { id } = await insertRateCard(tx, forwarder.companyId, input);
    return getRateCard(tx, id);
  });
};

/** The forwarder's cards, newest first. */
export const listRateCards = async (ctx: Ctx) => {
  const forwarder = logisticsPolicy.assertForwarder(ctx.actor);
  return ctx.db
    .select()
    .from(rateCards)
    .where(eq(rateCards.companyId, forwarder.companyId))
    .orderBy(desc(rateCards.createdAt))
    .limit(500);
};

/** A forwarder's own card with its departures and what is booked on each. */
export const getRateCard = async (ctx: Ctx, id: string) => {
  const forwarder = logisticsPolicy.assertForwarder(ctx.actor);
  const [card] = await ctx.db
    .select()
    .from(rateCards)
    .where(and(eq(rateCards.companyId, forwarder.companyId), eq(rateCards.id, id)));
  if (!card) throw new AppError('NOT_FOUND', `Rate card ${id} not found`, { id });
  const rows = await ctx.db
    .select()
    .from(departures)
    .where(and(eq(departures.companyId, forwarder.companyId), eq(departures.rateCardId, id)))
    .orderBy(asc(departures.departsOn));
  return { card, departures: rows };
};
