import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Rate cards, their departures and the bookings on them are keyed by the
// forwarder (companyId) that publishes them; the shipper is a column of the
// booking. Both companies read a booking; the policy decides (policy.ts).

export const freightModes = ['sea_fcl', 'sea_lcl', 'air', 'express', 'charter'] as const;
export type FreightMode = (typeof freightModes)[number];

/** What one unit of capacity and price is: a container (FCL), a cubic metre (LCL) or a kilogram (air). */
export type RateBasis = 'container' | 'cbm' | 'kg';

/** One itemized surcharge, in minor units of the card's currency, per unit or once per shipment. */
export type Surcharge = { code: string; name: string; amount: string; per: 'unit' | 'shipment' };

/** Departures on weekdays (1 = Monday … 7 = Sunday) through the validity window, or on listed dates. */
export type Schedule = { weekdays: number[] } | { dates: string[] };

/** What the forwarder pays the shipper when a guaranteed booking misses its departure. */
export type RolloverTerms = { perContainer: string; perDay: string };

export const rateCards = pgTable(
  'rate_cards',
  {
    /** The forwarder. */
    companyId: text().notNull(),
    id: text().notNull(),
    /** UN/LOCODE of a port or IATA code of an airport. */
    origin: text().notNull(),
    destination: text().notNull(),
    mode: text().$type<FreightMode>().notNull(),
    basis: text().$type<RateBasis>().notNull(),
    /** Our container code (40HQ) for FCL; null otherwise. */
    containerType: text(),
    currency: text().notNull(),
    /** Minor units per unit of the basis. */
    basePrice: bigint({ mode: 'bigint' }).notNull(),
    minimumCharge: bigint({ mode: 'bigint' }).notNull().default(sql`0`),
    surcharges: jsonb().$type<Surcharge[]>().notNull(),
    /** Minor units per unit for space guaranteed not to be rolled; null when not offered. */
    guaranteedPremium: bigint({ mode: 'bigint' }),
    rolloverTerms: jsonb().$type<RolloverTerms>(),
    transitDays: integer().notNull(),
    validFrom: date().notNull(),
    validTo: date().notNull(),
    schedule: jsonb().$type<Schedule>().notNull(),
    /** Units of the basis each departure holds for this card (the allotment). */
    capacityPerDeparture: integer().notNull(),
    carrier: text().notNull(),
    service: text().notNull().default(''),
    status: text().$type<'active' | 'withdrawn'>().notNull().default('active'),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('rate_cards_id_key').on(t.id),
    index('rate_cards_lane_idx').on(t.origin, t.destination, t.mode, t.validTo),
  ],
);

export const departureStatuses = ['scheduled', 'departed', 'cancelled'] as const;
export type DepartureStatus = (typeof departureStatuses)[number];

/**
 * One sailing or flight of a rate card, with its allotment. The check keeps
 * bookings within capacity even if application code were wrong: a booking
 * that would overfill it fails in the database.
 */
export const departures = pgTable(
  'freight_departures',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    rateCardId: text().notNull(),
    departsOn: date().notNull(),
    arrivesOn: date().notNull(),
    /** Cargo must be at the terminal by then. */
    cutoffAt: timestamp({ withTimezone: true }).notNull(),
    /** Vessel and voyage, or flight number. */
    voyage: text().notNull(),
    capacity: integer().notNull(),
    guaranteedBooked: integer().notNull().default(0),
    standardBooked: integer().notNull().default(0),
    status: text().$type<DepartureStatus>().notNull().default('scheduled'),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('freight_departures_id_key').on(t.id),
    uniqueIndex('freight_departures_card_day_key').on(t.rateCardId, t.departsOn),
    index('freight_departures_day_idx').on(t.departsOn, t.status),
    check(
      'freight_departures_within_capacity',
      sql`${t.guaranteedBooked} >= 0 and ${t.standardBooked} >= 0 and ${t.guaranteedBooked} + ${t.standardBooked} <= ${t.capacity}`,
    ),
  ],
);

export const bookingStatuses = [
  'requested',
  'confirmed',
  'rolled',
  'gate_in',
  'loaded',
  'departed',
  'arrived',
  'discharged',
  'delivered',
  'completed',
  'rejected',
  'cancelled',
] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** Containers of one type, or loose cargo by weight and volume. */
export type Cargo = { containers: { type: string; count: number } } | { weightKg: number; volumeCbm: number };

/** How the all-in price was reached, line by line, in minor units of the currency. */
export type PriceLine = { code: string; name: string; amount: string };

export const bookings = pgTable(
  'freight_bookings',
  {
    /** The forwarder. */
    companyId: text().notNull(),
    id: text().notNull(),
    shipperId: text().notNull(),
    rateCardId: text().notNull(),
    departureId: text().notNull(),
    /** The departure first booked: a roll moves `departureId`, never this. */
    originalDepartureId: text().notNull(),
    status: text().$type<BookingStatus>().notNull(),
    guaranteed: boolean().notNull(),
    /** Units of the card's basis this booking holds on its departure. */
    units: integer().notNull(),
    cargo: jsonb().$type<Cargo>().notNull(),
    hsCode: text(),
    incoterm: text(),
    readyDate: date().notNull(),
    currency: text().notNull(),
    total: bigint({ mode: 'bigint' }).notNull(),
    priceLines: jsonb().$type<PriceLine[]>().notNull(),
    /** The forwarder's (carrier's) booking number, set on confirmation. */
    bookingNumber: text(),
    /** An order whose goods this booking carries (its events move the order). */
    orderId: text(),
    rolls: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('freight_bookings_id_key').on(t.id),
    index('freight_bookings_shipper_idx').on(t.shipperId, t.createdAt),
    index('freight_bookings_departure_idx').on(t.departureId, t.status),
    index('freight_bookings_order_idx').on(t.orderId),
  ],
);

/**
 * Each forwarder's reliability, kept up to date with its bookings
 * (reliability.ts): `total` bookings reached loading or were rolled, `kept`
 * of them loaded on the departure first booked. Search reads one row per
 * forwarder instead of counting its bookings.
 */
export const forwarderReliability = pgTable('forwarder_reliability', {
  companyId: text().primaryKey(),
  kept: integer().notNull().default(0),
  total: integer().notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

export const bookingEventKinds = [
  'requested',
  'confirmed',
  'rejected',
  'cancelled',
  'rolled',
  'gate_in',
  'loaded',
  'departed',
  'arrived',
  'discharged',
  'delivered',
  'completed',
  'note',
] as const;
export type BookingEventKind = (typeof bookingEventKinds)[number];

/** A booking's timeline: every milestone reported by the forwarder or the platform. */
export const bookingEvents = pgTable(
  'freight_booking_events',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    bookingId: text().notNull(),
    kind: text().$type<BookingEventKind>().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    location: text(),
    note: text().notNull().default(''),
    source: text().$type<'api' | 'csv' | 'platform'>().notNull(),
    /** The reporter's own id for the event: the same report twice is recorded once. */
    externalId: text(),
    details: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index('freight_booking_events_booking_idx').on(t.bookingId, t.occurredAt),
    uniqueIndex('freight_booking_events_external_key').on(t.bookingId, t.externalId),
  ],
);

/**
 * Compensation for a guaranteed booking that missed its departure: at most
 * one `roll` per booking and missed departure, however often the roll is
 * reported. A booking rolled with no later departure to go to is paid the
 * per-container part at once and, when it is rebooked, a `delay` part for
 * the days between the missed and the new departure.
 */
export const rolloverCompensations = pgTable(
  'freight_rollover_compensations',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    bookingId: text().notNull(),
    missedDepartureId: text().notNull(),
    part: text().$type<'roll' | 'delay'>().notNull().default('roll'),
    shipperId: text().notNull(),
    currency: text().notNull(),
    amount: bigint({ mode: 'bigint' }).notNull(),
    containers: integer().notNull(),
    delayDays: integer().notNull(),
    /** perContainer × containers + perDay × delayDays × containers, with the inputs. */
    calculation: jsonb().$type<Record<string, string | number>>().notNull(),
    transferId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('freight_rollover_once_key').on(t.bookingId, t.missedDepartureId, t.part),
  ],
);
