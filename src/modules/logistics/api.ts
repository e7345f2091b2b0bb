import { z } from 'zod';
import { bookingEventKinds, freightModes } from './schema.js';

const IsoDate = z.iso.date();
const Code = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{3,5}$/, 'A UN/LOCODE (CNSHA) or IATA airport code (PVG)'));
const MinorUnits = z
  .string()
  .regex(/^\d{1,15}$/, 'An amount in minor units (a whole number as a string, e.g. "125000" for 1,250.00)');
const Count = (max: number) => z.number().int().min(1).max(max);

export const IdParams = z.strictObject({ id: z.string().min(1).max(64) });

const Containers = z.strictObject({ type: z.string().trim().min(2).max(8), count: Count(500) });
const Loose = z.strictObject({
  weightKg: z.number().positive().max(1_000_000),
  volumeCbm: z.number().nonnegative().max(10_000),
});
export const CargoInput = z.union([z.strictObject({ containers: Containers }), Loose]);

/** Search takes query-string fields: containers by type and count, or weight and volume. */
export const FreightSearchQuery = z
  .strictObject({
    origin: Code,
    destination: Code,
    readyDate: IsoDate,
    containerType: z.string().trim().min(2).max(8).optional(),
    containers: z.coerce.number().int().min(1).max(500).optional(),
    weightKg: z.coerce.number().positive().max(1_000_000).optional(),
    volumeCbm: z.coerce.number().nonnegative().max(10_000).optional(),
    hsCode: z
      .string()
      .regex(/^\d{2,6}$/, 'An HS code of 2 to 6 digits')
      .optional(),
    incoterm: z.string().trim().toUpperCase().optional(),
    sort: z.enum(['price', 'transit', 'reliability']).default('price'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => (q.containerType && q.containers) || q.weightKg !== undefined, {
    message: 'Give containers (containerType and containers) or loose cargo (weightKg and volumeCbm)',
    path: ['containers'],
  });

export const BookingBody = z.strictObject({
  departureId: z.string().min(1).max(64),
  cargo: CargoInput,
  guaranteed: z.boolean().default(false),
  readyDate: IsoDate,
  hsCode: z
    .string()
    .regex(/^\d{2,6}$/, 'An HS code of 2 to 6 digits')
    .nullish(),
  incoterm: z.string().trim().toUpperCase().nullish(),
  orderId: z.string().min(1).max(64).nullish(),
});

export const BookingEventBody = z.strictObject({
  kind: z.enum(
    bookingEventKinds.filter((k) => k !== 'requested') as [
      Exclude<(typeof bookingEventKinds)[number], 'requested'>,
      ...Exclude<(typeof bookingEventKinds)[number], 'requested'>[],
    ],
  ),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  location: z.string().trim().max(120).nullish(),
  note: z.string().trim().max(2000).default(''),
  externalId: z.string().trim().min(1).max(120).nullish(),
  bookingNumber: z.string().trim().min(1).max(64).nullish(),
  toDepartureId: z.string().min(1).max(64).nullish(),
});

const Surcharge = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_]{2,12}$/, 'A short code such as BAF or THC'),
  name: z.string().trim().min(1).max(80),
  amount: MinorUnits,
  per: z.enum(['unit', 'shipment']),
});

export const RateCardBody = z.strictObject({
  origin: Code,
  destination: Code,
  mode: z.enum(freightModes),
  containerType: z.string().trim().min(2).max(8).nullish(),
  currency: z.string().trim().toUpperCase().length(3),
  basePrice: MinorUnits,
  minimumCharge: MinorUnits.default('0'),
  surcharges: z.array(Surcharge).max(30).default([]),
  guaranteedPremium: MinorUnits.nullish(),
  rolloverTerms: z.strictObject({ perContainer: MinorUnits, perDay: MinorUnits }).nullish(),
  transitDays: z.number().int().min(1).max(120),
  validFrom: IsoDate,
  validTo: IsoDate,
  schedule: z.union([
    z.strictObject({ weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7) }),
    z.strictObject({ dates: z.array(IsoDate).min(1).max(400) }),
  ]),
  capacityPerDeparture: z.number().int().min(1).max(10_000_000),
  carrier: z.string().trim().min(1).max(80),
  service: z.string().trim().max(40).default(''),
});
