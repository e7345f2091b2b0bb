import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Actor, Ctx } from '../core/context.js';
import { makeCtx } from '../core/context.js';
import { newId } from '../core/ids.js';
import type { Db } from '../db/client.js';
import { companies } from '../modules/identity/index.js';
import {
  type BookingEventInput,
  bookFreight,
  type Cargo,
  getRateCard,
  postBookingEvent,
  publishRateCard,
  type RateCardInput,
  rateCards,
} from '../modules/logistics/index.js';
import { userOf } from './demo-actors.js';
import { type Random, seededRandom } from './random.js';

// The freight side of the demo: four forwarders' rate cards on the main
// China lanes (sea FCL and LCL, air, weekly air charters), twelve weeks of
// bookings that sailed (the freight-rate index reads them), and the demo
// buyer's and supplier's own bookings in every interesting state. Everything
// goes through the real use cases, each with a clock at the moment it
// happened, so past bookings are accepted before their cut-off and every
// departure that has left carries cargo reported loaded (the departure timer
// would otherwise roll it).

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
/** Major units → minor-unit bigint (USD cents). */
const cents = (major: number) => BigInt(Math.round(major * 100));
const minor = (major: number) => String(Math.round(major * 100));

const forwarderKeys = ['pacific', 'yangtze', 'harbour', 'meridian'] as const;
type ForwarderKey = (typeof forwarderKeys)[number];

/** Besides the demo forwarder (a sign-in), three more forwarders compete on the same lanes. */
const moreForwarders: Record<
  Exclude<ForwarderKey, 'pacific'>,
  { name: string; country: string; province: string | null; yearEstablished: number }
> = {
  yangtze: {
    name: 'Yangtze Star Shipping Agency Co., Ltd.',
    country: 'CN',
    province: '310000',
    yearEstablished: 2011,
  },
  harbour: {
    name: 'Harbour Line Logistics (Ningbo) Co., Ltd.',
    country: 'CN',
    province: '330000',
    yearEstablished: 2004,
  },
  meridian: {
    name: 'Meridian Cargo Partners Pte. Ltd.',
    country: 'SG',
    province: null,
    yearEstablished: 1998,
  },
};

/** How each forwarder prices against the lane (share), its sailing weekday and how often it rolls cargo. */
const profile: Record<ForwarderKey, { markup: number; weekday: number; rolls: number; guarantees: number }> =
  {
    pacific: { markup: 0, weekday: 3, rolls: 0.04, guarantees: 1 },
    yangtze: { markup: -0.05, weekday: 5, rolls: 0.16, guarantees: 0.4 },
    harbour: { markup: 0.025, weekday: 2, rolls: 0.06, guarantees: 1 },
    meridian: { markup: 0.06, weekday: 6, rolls: 0.02, guarantees: 1 },
  };

type Trade = 'transpacific' | 'asia_europe' | 'intra_asia';

type SeaLane = {
  origin: string;
  destination: string;
  transitDays: number;
  trade: Trade;
  /** All-in price of a 40' high cube now, USD. */
  price40: number;
  /** USD per week the market moved over the last twelve weeks (peak season on the Pacific, Europe easing). */
  weekly: number;
  forwarders: ForwarderKey[];
  /** Lanes with twelve weeks of sailed bookings, for the freight-rate index. */
  history?: boolean;
};

const seaLanes: SeaLane[] = [
  {
    origin: 'CNSHA',
    destination: 'USLAX',
    transitDays: 14,
    trade: 'transpacific',
    price40: 2650,
    weekly: 38,
    forwarders: ['pacific', 'yangtze', 'meridian'],
    history: true,
  },
  {
    origin: 'CNSHA',
    destination: 'USLGB',
    transitDays: 15,
    trade: 'transpacific',
    price40: 2600,
    weekly: 35,
    forwarders: ['pacific', 'harbour'],
  },
  {
    origin: 'CNSZX',
    destination: 'USLGB',
    transitDays: 16,
    trade: 'transpacific',
    price40: 2550,
    weekly: 32,
    forwarders: ['pacific', 'meridian', 'yangtze'],
    history: true,
  },
  {
    origin: 'CNNGB',
    destination: 'USLAX',
    transitDays: 17,
    trade: 'transpacific',
    price40: 2580,
    weekly: 36,
    forwarders: ['harbour', 'yangtze'],
  },
  {
    origin: 'CNSHA',
    destination: 'NLRTM',
    transitDays: 30,
    trade: 'asia_europe',
    price40: 3150,
    weekly: -28,
    forwarders: ['pacific', 'yangtze', 'meridian'],
    history: true,
  },
  {
    origin: 'CNNGB',
    destination: 'DEHAM',
    transitDays: 32,
    trade: 'asia_europe',
    price40: 3250,
    weekly: -24,
    forwarders: ['harbour', 'meridian', 'pacific'],
    history: true,
  },
  {
    origin: 'CNNGB',
    destination: 'ESVLC',
    transitDays: 29,
    trade: 'asia_europe',
    price40: 2950,
    weekly: -18,
    forwarders: ['pacific', 'harbour', 'yangtze'],
    history: true,
  },
  {
    origin: 'CNTAO',
    destination: 'ESVLC',
    transitDays: 33,
    trade: 'asia_europe',
    price40: 3050,
    weekly: -15,
    forwarders: ['pacific', 'harbour'],
  },
  {
    origin: 'CNSZX',
    destination: 'NLRTM',
    transitDays: 28,
    trade: 'asia_europe',
    price40: 3100,
    weekly: -26,
    forwarders: ['meridian', 'yangtze'],
  },
  {
    origin: 'CNSHA',
    destination: 'SGSIN',
    transitDays: 6,
    trade: 'intra_asia',
    price40: 640,
    weekly: 4,
    forwarders: ['meridian', 'pacific', 'yangtze'],
    history: true,
  },
  {
    origin: 'CNSZX',
    destination: 'SGSIN',
    transitDays: 5,
    trade: 'intra_asia',
    price40: 560,
    weekly: 3,
    forwarders: ['meridian', 'harbour'],
  },
];

const carriers: Record<Trade, [string, string, string][]> = {
  // carrier, service, booking-number prefix
  transpacific: [
    ['COSCO Shipping', 'AAC', 'COSU'],
    ['Maersk', 'TP6', 'MAEU'],
    ['ONE', 'PS3', 'ONEY'],
    ['Evergreen', 'HTW', 'EGLV'],
  ],
  asia_europe: [
    ['MSC', 'SILK', 'MEDU'],
    ['CMA CGM', 'FAL1', 'CMDU'],
    ['Hapag-Lloyd', 'FE2', 'HLCU'],
    ['COSCO Shipping', 'AEU3', 'COSU'],
  ],
  intra_asia: [
    ['SITC', 'CPX', 'SITU'],
    ['Evergreen', 'CSE', 'EGLV'],
  ],
};

const premium: Record<Trade, { guaranteed: number; perContainer: number; perDay: number }> = {
  transpacific: { guaranteed: 275, perContainer: 200, perDay: 45 },
  asia_europe: { guaranteed: 220, perContainer: 175, perDay: 35 },
  intra_asia: { guaranteed: 60, perContainer: 50, perDay: 15 },
};

/** Share of the 40' HQ price per container type, and the allotment per sailing. */
const equipment: Record<string, { share: number; thc: number; capacity: number }> = {
  '20GP': { share: 0.56, thc: 95, capacity: 20 },
  '40GP': { share: 0.95, thc: 140, capacity: 15 },
  '40HQ': { share: 1, thc: 140, capacity: 30 },
};

/** A sea FCL card whose all-in price per container comes to about `allIn`, itemized. */
const fclCard = (
  lane: SeaLane,
  f: ForwarderKey,
  type: string,
  allIn: number,
  window: { validFrom: string; validTo: string },
  random: Random,
  options: { guaranteed: boolean; capacity?: number },
): RateCardInput => {
  const choices = carriers[lane.trade];
  const nth = lane.destination.charCodeAt(2) + lane.origin.charCodeAt(3) + forwarderKeys.indexOf(f);
  const [carrier, service] = choices[nth % choices.length]!;
  const { thc, capacity } = equipment[type]!;
  const baf = Math.round(allIn * 0.12);
  const manifest = lane.trade === 'transpacific' ? 35 : lane.trade === 'asia_europe' ? 30 : 0;
  const base = Math.max(50, Math.round(allIn - baf - thc - (55 + manifest) / 2));
  const terms = premium[lane.trade];
  const share = type === '20GP' ? 0.6 : 1;
  return {
    origin: lane.origin,
    destination: lane.destination,
    mode: 'sea_fcl',
    containerType: type,
    currency: 'USD',
    basePrice: cents(base),
    surcharges: [
      { code: 'BAF', name: 'Bunker adjustment factor', amount: minor(baf), per: 'unit' },
      { code: 'THC', name: 'Origin terminal handling', amount: minor(thc), per: 'unit' },
      { code: 'DOC', name: 'Documentation', amount: minor(55), per: 'shipment' },
      ...(manifest > 0
        ? [
            {
              code: lane.trade === 'transpacific' ? 'AMS' : 'ENS',
              name: lane.trade === 'transpacific' ? 'US customs manifest (AMS)' : 'EU entry summary (ENS)',
              amount: minor(manifest),
              per: 'shipment' as const,
            },
          ]
        : []),
    ],
    guaranteedPremium: options.guaranteed ? cents(Math.round(terms.guaranteed * share)) : null,
    rolloverTerms: options.guaranteed
      ? {
          perContainer: minor(Math.round(terms.perContainer * share)),
          perDay: minor(Math.round(terms.perDay * share)),
        }
      : null,
    transitDays: lane.transitDays + (random.chance(0.3) ? 1 : 0),
    ...window,
    schedule: { weekdays: [profile[f].weekday] },
    capacityPerDeparture: options.capacity ?? capacity,
    carrier,
    service,
  };
};

type LooseCard = Omit<RateCardInput, 'validFrom' | 'validTo'> & { forwarder: ForwarderKey };

const airSurcharges = (fuel: number) => [
  { code: 'FSC', name: 'Fuel surcharge', amount: minor(fuel), per: 'unit' as const },
  { code: 'SSC', name: 'Security surcharge', amount: minor(0.18), per: 'unit' as const },
  { code: 'AWB', name: 'Air waybill fee', amount: minor(35), per: 'shipment' as const },
];

/** LCL, air, express and the weekly charters: per cubic metre or kilogram. */
const looseCards: LooseCard[] = [
  ...(
    [
      ['pacific', 'CNSHA', 'USLAX', 88, 15, 'COSCO Shipping', 'AAC'],
      ['yangtze', 'CNSHA', 'USLAX', 82, 16, 'ONE', 'PS3'],
      ['pacific', 'CNNGB', 'ESVLC', 79, 31, 'MSC', 'SILK'],
      ['harbour', 'CNNGB', 'ESVLC', 84, 30, 'CMA CGM', 'FAL1'],
      ['meridian', 'CNSZX', 'SGSIN', 38, 6, 'SITC', 'CPX'],
    ] as const
  ).map(
    ([forwarder, origin, destination, perCbm, transitDays, carrier, service]): LooseCard => ({
      forwarder,
      origin,
      destination,
      mode: 'sea_lcl',
      currency: 'USD',
      basePrice: cents(perCbm),
      minimumCharge: cents(perCbm * 2),
      surcharges: [
        { code: 'CFS', name: 'Container freight station', amount: minor(18), per: 'unit' },
        { code: 'BAF', name: 'Bunker adjustment factor', amount: minor(12), per: 'unit' },
        { code: 'DOC', name: 'Documentation', amount: minor(45), per: 'shipment' },
      ],
      guaranteedPremium: forwarder === 'yangtze' ? null : cents(9),
      rolloverTerms: forwarder === 'yangtze' ? null : { perContainer: minor(60), perDay: minor(10) },
      transitDays,
      schedule: { weekdays: [profile[forwarder].weekday] },
      capacityPerDeparture: 55,
      carrier,
      service: `${service}-LCL`,
    }),
  ),
  {
    forwarder: 'pacific',
    origin: 'PVG',
    destination: 'LAX',
    mode: 'air',
    currency: 'USD',
    basePrice: cents(4.1),
    minimumCharge: cents(120),
    surcharges: airSurcharges(1.25),
    guaranteedPremium: cents(0.35),
    transitDays: 2,
    schedule: { weekdays: [1, 3, 5] },
    capacityPerDeparture: 8000,
    carrier: 'China Eastern Airlines Cargo',
    service: 'MU221',
  },
  {
    forwarder: 'pacific',
    origin: 'PVG',
    destination: 'FRA',
    mode: 'air',
    currency: 'USD',
    basePrice: cents(3.45),
    minimumCharge: cents(120),
    surcharges: airSurcharges(1.1),
    guaranteedPremium: cents(0.3),
    transitDays: 2,
    schedule: { weekdays: [2, 4, 6] },
    capacityPerDeparture: 6000,
    carrier: 'Lufthansa Cargo',
    service: 'LH8405',
  },
  {
    forwarder: 'meridian',
    origin: 'PVG',
    destination: 'FRA',
    mode: 'air',
    currency: 'USD',
    basePrice: cents(3.7),
    minimumCharge: cents(150),
    surcharges: airSurcharges(1.1),
    guaranteedPremium: cents(0.3),
    transitDays: 1,
    schedule: { weekdays: [1, 2, 3, 4, 5] },
    capacityPerDeparture: 5000,
    carrier: 'Cathay Cargo',
    service: 'CX-PVGFRA',
  },
  {
    forwarder: 'meridian',
    origin: 'SZX',
    destination: 'LAX',
    mode: 'express',
    currency: 'USD',
    basePrice: cents(7.8),
    minimumCharge: cents(95),
    surcharges: [{ code: 'FSC', name: 'Fuel surcharge', amount: minor(1.4), per: 'unit' }],
    transitDays: 3,
    schedule: { weekdays: [1, 2, 3, 4, 5, 6] },
    capacityPerDeparture: 1500,
    carrier: 'Meridian Express',
    service: 'MX-PRIORITY',
  },
  // The weekly charters: a whole freighter's 90 tonnes sold by the kilogram.
  {
    forwarder: 'pacific',
    origin: 'PVG',
    destination: 'LAX',
    mode: 'charter',
    currency: 'USD',
    basePrice: cents(3.35),
    minimumCharge: cents(500),
    surcharges: [
      { code: 'FSC', name: 'Fuel surcharge', amount: minor(0.95), per: 'unit' },
      { code: 'HDL', name: 'Charter handling', amount: minor(150), per: 'shipment' },
    ],
    guaranteedPremium: cents(0.25),
    transitDays: 1,
    schedule: { weekdays: [4] },
    capacityPerDeparture: 90_000,
    carrier: 'Atlas Air (B747-400F charter)',
    service: 'PB-PVGLAX',
  },
  {
    forwarder: 'pacific',
    origin: 'SZX',
    destination: 'ORD',
    mode: 'charter',
    currency: 'USD',
    basePrice: cents(3.65),
    minimumCharge: cents(500),
    surcharges: [
      { code: 'FSC', name: 'Fuel surcharge', amount: minor(1.05), per: 'unit' },
      { code: 'HDL', name: 'Charter handling', amount: minor(150), per: 'shipment' },
    ],
    guaranteedPremium: cents(0.25),
    transitDays: 2,
    schedule: { weekdays: [6] },
    capacityPerDeparture: 90_000,
    carrier: 'Kalitta Air (B777F charter)',
    service: 'PB-SZXORD',
  },
  {
    forwarder: 'meridian',
    origin: 'SZX',
    destination: 'ORD',
    mode: 'charter',
    currency: 'USD',
    basePrice: cents(3.9),
    minimumCharge: cents(600),
    surcharges: [{ code: 'FSC', name: 'Fuel surcharge', amount: minor(1.05), per: 'unit' }],
    transitDays: 2,
    schedule: { weekdays: [2] },
    capacityPerDeparture: 90_000,
    carrier: 'National Airlines (B747-400F charter)',
    service: 'MC-SZXORD',
  },
];

type Card = Awaited<ReturnType<typeof publishRateCard>>;
type Departure = Card['departures'][number];

const insertForwarder = async (db: Db, details: (typeof moreForwarders)['yangtze'], now: Date) => {
  const id = newId('co', now);
  const slug = `${details.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${id.slice(-6)}`;
  const joinedAt = new Date(Date.UTC(details.yearEstablished + 5, 4, 1));
  await db.insert(companies).values({
    id,
    name: details.name,
    slug,
    kind: 'forwarder',
    country: details.country,
    province: details.province,
    yearEstablished: details.yearEstablished,
    verificationLevel: 'licence_checked',
    verifiedAt: joinedAt,
    createdAt: joinedAt,
  });
  return id;
};

const member = (
  companyId: string,
  companyKind: 'buyer' | 'supplier' | 'forwarder',
  userId: string,
): Actor => ({
  kind: 'member',
  userId,
  companyId,
  companyKind,
  role: 'owner',
});

/**
 * Loads the freight demo (see the file's opening comment). Idempotent: it
 * does nothing when the demo forwarder already has rate cards.
 */
export const loadDemoFreight = async (db: Db, now: Date, log: (line: string) => void = () => {}) => {
  const started = Date.now();
  const random = seededRandom(20261125);
  const today = now.toISOString().slice(0, 10);
  const forwarderUser = await userOf(db, 'forwarder@demo.tradelane.dev');
  const buyerUser = await userOf(db, 'buyer@demo.tradelane.dev');
  const supplierUser = await userOf(db, 'supplier@demo.tradelane.dev');
  const existing = await db
    .select({ id: rateCards.id })
    .from(rateCards)
    .where(eq(rateCards.companyId, forwarderUser.companyId))
    .limit(1);
  if (existing.length > 0) return { cards: 0, bookings: 0 };

  const forwarderActors: Record<ForwarderKey, Actor> = {
    pacific: member(forwarderUser.companyId, 'forwarder', forwarderUser.userId),
    yangtze: member('', 'forwarder', ''),
    harbour: member('', 'forwarder', ''),
    meridian: member('', 'forwarder', ''),
  };
  for (const key of ['yangtze', 'harbour', 'meridian'] as const) {
    const id = await insertForwarder(db, moreForwarders[key], now);
    // These forwarders have no sign-in: their cards are published as if by their owner.
    forwarderActors[key] = member(id, 'forwarder', `usr_demo_${key}`);
  }
  const forwarderOf = new Map<string, ForwarderKey>(
    (Object.entries(forwarderActors) as [ForwarderKey, Actor][]).map(([key, actor]) => [
      (actor as { companyId: string }).companyId,
      key,
    ]),
  );
  const as = (actor: Actor, when: Date): Ctx => {
    // Never in the future: a clipped event still lands before the reader's "now".
    const instant = when.getTime() < now.getTime() ? when : new Date(now.getTime() - 60_000);
    return makeCtx(db, actor, () => new Date(instant));
  };

  // Shippers of the market's bookings: the demo companies now and then, other buyers and suppliers mostly.
  const others = await db
    .select({ id: companies.id, kind: companies.kind })
    .from(companies)
    .where(
      and(
        inArray(companies.kind, ['buyer', 'supplier']),
        ne(companies.id, buyerUser.companyId),
        ne(companies.id, supplierUser.companyId),
      ),
    )
    .orderBy(asc(companies.id))
    .limit(24);
  const shipperActors = others.map((c) => member(c.id, c.kind as 'buyer' | 'supplier', `usr_demo_${c.id}`));
  const buyer = member(buyerUser.companyId, 'buyer', buyerUser.userId);
  const supplier = member(supplierUser.companyId, 'supplier', supplierUser.userId);

  let cards = 0;
  let booked = 0;
  const bookingNumber = (prefix: string) =>
    `${prefix}${String(random.int(1_000_000, 9_999_999))}${random.int(100, 999)}`;
  const prefixOf = (carrier: string) =>
    Object.values(carriers)
      .flat()
      .find(([name]) => name === carrier)?.[2] ?? 'PBLU';

  /** The forwarder reports one event at `when`. */
  const report = (f: ForwarderKey, bookingId: string, when: Date, input: BookingEventInput) =>
    postBookingEvent(as(forwarderActors[f], when), bookingId, { ...input, occurredAt: when });

  /**
   * A booking that sailed: booked twelve days before its departure, confirmed
   * the next day, at the terminal, loaded, departed, and as far on as the
   * calendar allows (arrived, discharged, delivered, completed). A forwarder
   * that rolls cargo now and then misses the first departure with some.
   */
  const sail = async (input: {
    f: ForwarderKey;
    shipper: Actor;
    card: Card;
    departure: Departure;
    next?: Departure;
    cargo: Cargo;
    guaranteed: boolean;
    rolls?: boolean;
  }) => {
    const { f, card, departure } = input;
    const dep = departure.departsOn;
    const booking = await bookFreight(as(input.shipper, at(addDays(dep, -12), 9)), {
      departureId: departure.id,
      cargo: input.cargo,
      guaranteed: input.guaranteed,
      readyDate: addDays(dep, -4),
      incoterm: random.pick(['FOB', 'FOB', 'FCA', 'EXW', 'CIF']),
    });
    booked++;
    const number = bookingNumber(prefixOf(card.card.carrier));
    await report(f, booking.id, at(addDays(dep, -11), 3), { kind: 'confirmed', bookingNumber: number });
    let sails = departure;
    if (input.rolls && input.next && !input.guaranteed) {
      await report(f, booking.id, at(dep, 8), {
        kind: 'rolled',
        note: 'Vessel overbooked: moved to the next sailing',
        toDepartureId: input.next.id,
      });
      sails = input.next;
      await report(f, booking.id, at(addDays(dep, 1), 4), { kind: 'confirmed', bookingNumber: number });
    }
    const sailDay = sails.departsOn;
    const origin = card.card.origin;
    const destination = card.card.destination;
    const sea = card.card.mode === 'sea_fcl' || card.card.mode === 'sea_lcl';
    type Step = [BookingEventInput['kind'], string, number, string];
    const steps: Step[] = [
      ['gate_in', addDays(sailDay, -3), 10, origin],
      ['loaded', addDays(sailDay, -1), 22, origin],
      ['departed', sailDay, 6, origin],
      ['arrived', sails.arrivesOn, 14, destination],
      ...(sea ? [['discharged', addDays(sails.arrivesOn, 1), 6, destination] as Step] : []),
      ['delivered', addDays(sails.arrivesOn, 4), 11, destination],
      ['completed', addDays(sails.arrivesOn, 6), 9, destination],
    ];
    for (const [kind, day, hour, location] of steps) {
      if (at(day, hour).getTime() >= now.getTime()) break;
      await report(f, booking.id, at(day, hour), { kind, location });
    }
    return booking;
  };

  // ── Twelve weeks of sailings on the index lanes: a 40' HQ card per forwarder per four weeks ──
  const historyStart = addDays(today, -84);
  for (const lane of seaLanes.filter((l) => l.history)) {
    for (const f of lane.forwarders) {
      for (let block = 0; block < 3; block++) {
        const validFrom = addDays(historyStart, block * 28);
        const validTo = addDays(validFrom, 27);
        const weeksAgo = 12 - block * 4 - 2;
        const market = lane.price40 - lane.weekly * weeksAgo;
        const allIn = market * (1 + profile[f].markup) * (0.97 + random.next() * 0.06);
        const card = await publishRateCard(
          as(forwarderActors[f], at(addDays(validFrom, -10), 2)),
          fclCard(lane, f, '40HQ', allIn, { validFrom, validTo }, random, {
            guaranteed: random.next() < profile[f].guarantees,
            capacity: 24,
          }),
        );
        cards++;
        for (const [i, departure] of card.departures.entries()) {
          // The demo buyer ships to Valencia: some of its own containers sailed on this lane.
          const shipper =
            lane.destination === 'ESVLC' && random.chance(0.3)
              ? buyer
              : random.chance(0.06)
                ? supplier
                : random.pick(shipperActors);
          const count = random.weighted([
            [1, 4],
            [2, 4],
            [3, 2],
            [4, 2],
            [6, 1],
            [8, 1],
          ] as const);
          await sail({
            f,
            shipper,
            card,
            departure,
            next: card.departures[i + 1],
            cargo: { containers: { type: '40HQ', count } },
            guaranteed: card.card.guaranteedPremium !== null && random.chance(0.25),
            rolls: random.chance(profile[f].rolls),
          });
          // Busier forwarders fill a second booking on some sailings.
          if (random.chance(f === 'pacific' ? 0.5 : 0.3)) {
            await sail({
              f,
              shipper: random.pick(shipperActors),
              card,
              departure,
              cargo: { containers: { type: '40HQ', count: random.int(1, 3) } },
              guaranteed: false,
            });
          }
        }
      }
    }
  }

  // ── The cards on offer now: valid from last week to about eleven weeks ahead ──
  const validFrom = addDays(today, -5);
  const validTo = addDays(today, 75);
  const published = new Map<string, Card>();
  const keyOf = (f: ForwarderKey, origin: string, destination: string, kind: string) =>
    `${f}:${origin}:${destination}:${kind}`;
  for (const lane of seaLanes) {
    for (const f of lane.forwarders) {
      const types = f === 'pacific' ? ['20GP', '40GP', '40HQ'] : ['20GP', '40HQ'];
      for (const type of types) {
        const allIn =
          lane.price40 * equipment[type]!.share * (1 + profile[f].markup) * (0.98 + random.next() * 0.04);
        const card = await publishRateCard(
          as(forwarderActors[f], at(addDays(validFrom, -3), 2)),
          fclCard(lane, f, type, allIn, { validFrom, validTo }, random, {
            guaranteed: random.next() < profile[f].guarantees,
          }),
        );
        published.set(keyOf(f, lane.origin, lane.destination, type), card);
        cards++;
      }
    }
  }
  for (const { forwarder, ...input } of looseCards) {
    const card = await publishRateCard(as(forwarderActors[forwarder], at(addDays(validFrom, -3), 2)), {
      ...input,
      validFrom,
      validTo,
    });
    published.set(keyOf(forwarder, input.origin, input.destination, input.mode), card);
    cards++;
  }
  const cardOf = (f: ForwarderKey, origin: string, destination: string, kind: string) =>
    published.get(keyOf(f, origin, destination, kind))!;
  /** The card's first departure still open for booking, `skip` sailings later. */
  const upcoming = (card: Card, skip = 0) =>
    card.departures.filter((d) => d.cutoffAt.getTime() > now.getTime() + DAY_MS)[skip]!;

  // Space already taken on the coming sailings, so allotments show use.
  for (const [key, card] of published) {
    if (!key.endsWith('40HQ') && !key.endsWith('sea_lcl') && !key.endsWith('charter')) continue;
    for (let skip = 0; skip < 3; skip++) {
      if (!random.chance(0.6)) continue;
      const departure = upcoming(card, skip);
      const cargo: Cargo =
        card.card.mode === 'sea_fcl'
          ? { containers: { type: '40HQ', count: random.int(1, 6) } }
          : card.card.mode === 'sea_lcl'
            ? { weightKg: random.int(800, 6000), volumeCbm: random.int(3, 14) }
            : { weightKg: random.int(4, 30) * 500, volumeCbm: random.int(10, 60) };
      const booking = await bookFreight(
        as(random.pick(shipperActors), new Date(now.getTime() - random.int(2, 60) * 3_600_000)),
        {
          departureId: departure.id,
          cargo,
          guaranteed: card.card.guaranteedPremium !== null && random.chance(0.3),
          readyDate: [today, addDays(departure.departsOn, -5)].sort()[1]!,
        },
      );
      booked++;
      const f = forwarderOf.get(card.card.companyId)!;
      if (random.chance(0.6))
        await report(f, booking.id, new Date(now.getTime() - 3_600_000), {
          kind: 'confirmed',
          bookingNumber: bookingNumber(prefixOf(card.card.carrier)),
        });
    }
  }

  // ── The demo buyer's and supplier's own bookings, one per state worth seeing ──
  const hours = (n: number) => new Date(now.getTime() - n * 3_600_000);
  const valencia = cardOf('pacific', 'CNNGB', 'ESVLC', '40HQ');
  // Requested, with guaranteed space: waiting on the forwarder's booking desk.
  await bookFreight(as(buyer, hours(3)), {
    departureId: upcoming(valencia, 1).id,
    cargo: { containers: { type: '40HQ', count: 2 } },
    guaranteed: true,
    readyDate: addDays(upcoming(valencia, 1).departsOn, -6),
    hsCode: '841370',
    incoterm: 'FOB',
  });
  // Confirmed with the carrier's booking number.
  const qingdao = cardOf('pacific', 'CNTAO', 'ESVLC', '20GP');
  const confirmed = await bookFreight(as(buyer, hours(30)), {
    departureId: upcoming(qingdao).id,
    cargo: { containers: { type: '20GP', count: 1 } },
    guaranteed: false,
    readyDate: today,
    hsCode: '080810',
    incoterm: 'FOB',
  });
  await report('pacific', confirmed.id, hours(26), {
    kind: 'confirmed',
    bookingNumber: bookingNumber(prefixOf(qingdao.card.carrier)),
    note: 'Empty container release at Qingdao Qianwan terminal; VGM due at cut-off.',
  });
  // Guaranteed, then the vessel skipped the call: rolled a week, compensated under the card's terms.
  const rolled = await bookFreight(as(buyer, hours(80)), {
    departureId: upcoming(valencia).id,
    cargo: { containers: { type: '40HQ', count: 2 } },
    guaranteed: true,
    readyDate: today,
    hsCode: '843340',
    incoterm: 'FCA',
  });
  await report('pacific', rolled.id, hours(72), {
    kind: 'confirmed',
    bookingNumber: bookingNumber(prefixOf(valencia.card.carrier)),
  });
  await report('pacific', rolled.id, hours(5), {
    kind: 'rolled',
    note: 'Blank sailing: the carrier cancelled this call at Ningbo. Moved to the next week’s vessel.',
    toDepartureId: upcoming(valencia, 1).id,
  });
  // On its way: the last Valencia sailing, loaded and departed with every milestone reported.
  const history = await db
    .select({ id: rateCards.id })
    .from(rateCards)
    .where(
      and(
        eq(rateCards.companyId, forwarderUser.companyId),
        eq(rateCards.origin, 'CNNGB'),
        eq(rateCards.destination, 'ESVLC'),
        eq(rateCards.validTo, addDays(historyStart, 83)),
      ),
    );
  const lastBlock = history[0] && (await getRateCard(as(forwarderActors.pacific, now), history[0].id));
  if (lastBlock) {
    const departure = lastBlock.departures.at(-1)!;
    await sail({
      f: 'pacific',
      shipper: buyer,
      card: lastBlock,
      departure,
      cargo: { containers: { type: '40HQ', count: 3 } },
      guaranteed: false,
    });
  }
  // The supplier ships by air and on the charter.
  const frankfurt = cardOf('pacific', 'PVG', 'FRA', 'air');
  const airBooking = await bookFreight(as(supplier, hours(20)), {
    departureId: upcoming(frankfurt).id,
    cargo: { weightKg: 640, volumeCbm: 3.2 },
    guaranteed: false,
    readyDate: today,
    hsCode: '841370',
    incoterm: 'FCA',
  });
  await report('pacific', airBooking.id, hours(18), {
    kind: 'confirmed',
    bookingNumber: `781-${random.int(1000, 9999)}${random.int(1000, 9999)}`,
  });
  const charter = cardOf('pacific', 'PVG', 'LAX', 'charter');
  await bookFreight(as(supplier, hours(2)), {
    departureId: upcoming(charter).id,
    cargo: { weightKg: 12_000, volumeCbm: 60 },
    guaranteed: true,
    readyDate: today,
    hsCode: '841370',
    incoterm: 'FCA',
  });
  // Loose cargo at the terminal and loaded on tomorrow's sailing.
  const lcl = cardOf('pacific', 'CNNGB', 'ESVLC', 'sea_lcl');
  const soon = lcl.departures.find((d) => d.departsOn > today)!;
  const loose = await bookFreight(as(supplier, at(addDays(soon.departsOn, -7), 8)), {
    departureId: soon.id,
    cargo: { weightKg: 4200, volumeCbm: 9.5 },
    guaranteed: false,
    readyDate: addDays(soon.departsOn, -4),
    hsCode: '841370',
    incoterm: 'FOB',
  });
  booked += 6;
  await report('pacific', loose.id, at(addDays(soon.departsOn, -6), 9), {
    kind: 'confirmed',
    bookingNumber: bookingNumber(prefixOf(lcl.card.carrier)),
  });
  await report('pacific', loose.id, at(addDays(soon.departsOn, -4), 15), {
    kind: 'gate_in',
    location: 'CNNGB',
    note: 'Received at the Beilun CFS: 12 pallets, 4,200 kg, 9.5 m³.',
  });
  await report('pacific', loose.id, hours(2), { kind: 'loaded', location: 'CNNGB' });
  log(
    `Freight demo: ${cards} rate cards, ${booked} bookings (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
  return { cards, bookings: booked };
};
