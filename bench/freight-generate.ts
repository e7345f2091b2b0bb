import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import type { Random } from '../src/demo/random.js';
import { companies } from '../src/modules/identity/index.js';
import { basisOf } from '../src/modules/logistics/cargo-units.js';
import { airports, greatCircleKm, locationOf, ports } from '../src/modules/logistics/reference.js';
import { recountForwarderReliability } from '../src/modules/logistics/reliability.js';
import type { FreightMode } from '../src/modules/logistics/schema.js';

// Bulk generation of rate cards, departures and bookings for the freight
// benchmark. Cards are the shapes publishRateCard writes (the same columns,
// basis, surcharges, schedules); departures are expanded from each card's
// weekly schedule in SQL, as publishRateCard expands them in JS (same days,
// cut-offs and voyages); only the per-request use case is skipped, so 100,000
// cards load in a couple of minutes instead of hours.

const dayMs = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + n * dayMs).toISOString().slice(0, 10);

/**
 * Where freight is quoted from and to, busiest first: the world's largest
 * container ports and cargo airports of the reference data (the rest of
 * data/logistics/ follows with little weight). A Zipf-like weight per rank makes a
 * few lanes (Shanghai → Los Angeles) carry many cards, as in the market.
 */
const hubPorts = [
  'CNSHA',
  'CNNGB',
  'CNSZX',
  'CNYTN',
  'CNQIN',
  'CNTAO',
  'CNTSN',
  'CNXMN',
  'CNCAN',
  'CNDLC',
  'SGSIN',
  'KRPUS',
  'HKHKG',
  'TWKHH',
  'VNSGN',
  'MYPKG',
  'THLCH',
  'INNSA',
  'AEJEA',
  'NLRTM',
  'BEANR',
  'DEHAM',
  'ESVLC',
  'GRPIR',
  'ITGOA',
  'GBFXT',
  'FRLEH',
  'USLAX',
  'USLGB',
  'USNYC',
  'USSAV',
  'USHOU',
  'USSEA',
  'CAVAN',
  'MXZLO',
  'BRSSZ',
  'PAONX',
  'COCTG',
  'CLSAI',
  'PECLL',
  'AUMEL',
  'AUSYD',
  'JPTYO',
  'JPYOK',
  'IDJKT',
  'PHMNL',
  'LKCMB',
  'SAJED',
  'EGPSD',
  'MAPTM',
  'ZADUR',
  'NGAPP',
  'KEMBA',
  'TZDAR',
];
const hubAirports = [
  'PVG',
  'HKG',
  'CAN',
  'SZX',
  'PEK',
  'ICN',
  'NRT',
  'TPE',
  'SIN',
  'DXB',
  'DOH',
  'FRA',
  'AMS',
  'CDG',
  'LHR',
  'LGG',
  'MAD',
  'LAX',
  'ORD',
  'JFK',
  'MIA',
  'ANC',
  'ATL',
  'DFW',
  'YYZ',
  'GRU',
  'BOG',
  'MEX',
  'SCL',
  'SYD',
  'BOM',
  'DEL',
  'BKK',
  'KUL',
  'SGN',
  'JNB',
  'NBO',
  'ADD',
  'CAI',
  'IST',
];

const weightedCodes = (hubs: readonly string[], all: readonly string[]) => {
  const known = hubs.filter((code) => locationOf(code));
  const rest = all.filter((code) => !known.includes(code));
  return [
    ...known.map((code, rank) => [code, 1 / (rank + 1) ** 0.8] as const),
    ...rest.map((code) => [code, 0.002] as const),
  ];
};

export type Lanes = {
  sea: readonly (readonly [string, number])[];
  air: readonly (readonly [string, number])[];
};

export const laneWeights = (): Lanes => ({
  sea: weightedCodes(
    hubPorts,
    ports().list.map((p) => p.locode),
  ),
  air: weightedCodes(
    hubAirports,
    airports().list.map((a) => a.iata),
  ),
});

/** A lane of the mode's kind between two countries, weighted by popularity. */
export const pickLane = (random: Random, lanes: Lanes, mode: FreightMode) => {
  const places = mode === 'sea_fcl' || mode === 'sea_lcl' ? lanes.sea : lanes.air;
  const origin = random.weighted(places);
  let destination = random.weighted(places);
  // Cabotage aside, freight is quoted between countries.
  while (locationOf(destination)!.country === locationOf(origin)!.country)
    destination = random.weighted(places);
  return { origin, destination };
};

export const modeMix: readonly (readonly [FreightMode, number])[] = [
  ['sea_fcl', 60],
  ['sea_lcl', 15],
  ['air', 20],
  ['express', 3],
  ['charter', 2],
];
export const containerMix: readonly (readonly [string, number])[] = [
  ['40HQ', 40],
  ['40GP', 22],
  ['20GP', 25],
  ['45HQ', 4],
  ['40RH', 4],
  ['20RF', 2],
  ['40OT', 1],
  ['40FR', 1],
  ['20TK', 1],
];
const carriers = {
  sea: [
    'COSCO Shipping',
    'Maersk',
    'MSC',
    'CMA CGM',
    'Hapag-Lloyd',
    'ONE',
    'Evergreen',
    'HMM',
    'Yang Ming',
    'ZIM',
  ],
  air: [
    'Cathay Cargo',
    'China Eastern Cargo',
    'Lufthansa Cargo',
    'Emirates SkyCargo',
    'Qatar Cargo',
    'FedEx',
  ],
};
const currencies: readonly (readonly [string, number])[] = [
  ['USD', 70],
  ['CNY', 15],
  ['EUR', 10],
  ['HKD', 5],
];
/** Rough minor units of USD → the card's currency, for plausible prices. */
const perUsd: Record<string, number> = { USD: 1, CNY: 7.1, EUR: 0.92, HKD: 7.8 };

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
const benchId = (prefix: string, n: number) => {
  let tail = '';
  for (let i = 0, v = n; i < 22; i++, v = Math.floor(v / 32)) tail = alphabet[v % 32] + tail;
  return `${prefix}_${tail}`;
};

/** Forwarder companies, numbered. */
export const insertForwarders = async (db: Db, random: Random, count: number, now: Date) => {
  const rows = Array.from({ length: count }, (_, n) => ({
    id: benchId('co', 9_000_000 + n),
    name: `${random.pick(['Pacific', 'Orient', 'Silk Road', 'Blue Anchor', 'Harbour', 'Trans-Asia', 'Meridian'])} Logistics ${n + 1}`,
    slug: `bench-forwarder-${n + 1}`,
    kind: 'forwarder' as const,
    country: random.weighted([
      ['CN', 60],
      ['HK', 10],
      ['SG', 5],
      ['DE', 5],
      ['US', 10],
      ['NL', 5],
      ['AE', 5],
    ] as const),
    province: null,
    createdAt: now,
  }));
  await db.insert(companies).values(rows);
  return rows.map((r) => r.id);
};

type CardRow = {
  company_id: string;
  id: string;
  origin: string;
  destination: string;
  mode: FreightMode;
  basis: string;
  container_type: string | null;
  currency: string;
  base_price: string;
  minimum_charge: string;
  surcharges: { code: string; name: string; amount: string; per: 'unit' | 'shipment' }[];
  guaranteed_premium: string | null;
  rollover_terms: { perContainer: string; perDay: string } | null;
  transit_days: number;
  valid_from: string;
  valid_to: string;
  schedule: { weekdays: number[] };
  capacity_per_departure: number;
  carrier: string;
  service: string;
  status: 'active' | 'withdrawn';
};

const weekdays = (random: Random, count: number) => {
  const days = new Set<number>();
  while (days.size < count) days.add(random.int(1, 7));
  return [...days].sort();
};

/** One rate card as a forwarder would publish it: price by distance and mode, a weekly schedule. */
const generateCard = (
  random: Random,
  lanes: Lanes,
  forwarders: readonly string[],
  n: number,
  today: string,
) => {
  const mode = random.weighted(modeMix);
  const { origin, destination } = pickLane(random, lanes, mode);
  const km = greatCircleKm(locationOf(origin)!, locationOf(destination)!);
  const sea = mode === 'sea_fcl' || mode === 'sea_lcl';
  const containerType = mode === 'sea_fcl' ? random.weighted(containerMix) : null;
  const currency = random.weighted(currencies);
  const factor = perUsd[currency]! * (0.8 + random.next() * 0.5);
  // USD per unit of the basis: a container, a cubic metre, a kilogram.
  const usd =
    mode === 'sea_fcl'
      ? (600 + km * 0.22) *
        (containerType!.startsWith('20') ? 0.6 : 1) *
        (containerType!.includes('R') ? 1.8 : 1)
      : mode === 'sea_lcl'
        ? 25 + km * 0.006
        : (mode === 'air' ? 2.2 : mode === 'express' ? 5.5 : 3.1) + km * 0.00012;
  const minor = (value: number) => String(Math.max(1, Math.round(value * factor * 100)));
  const validFrom = addDays(today, random.int(-70, 21));
  const validTo = addDays(validFrom, random.int(28, 120));
  const guaranteed = mode === 'sea_fcl' && random.chance(0.4);
  return {
    company_id: random.pick(forwarders),
    id: benchId('rc', n),
    origin,
    destination,
    mode,
    basis: basisOf(mode),
    container_type: containerType,
    currency,
    base_price: minor(usd),
    minimum_charge: mode === 'sea_fcl' ? '0' : minor(sea ? 60 : 90),
    surcharges: sea
      ? [
          { code: 'BAF', name: 'Bunker adjustment', amount: minor(usd * 0.12), per: 'unit' as const },
          {
            code: 'THC',
            name: 'Terminal handling',
            amount: minor(mode === 'sea_fcl' ? 180 : 8),
            per: 'unit' as const,
          },
          { code: 'DOC', name: 'Documentation', amount: minor(45), per: 'shipment' as const },
        ]
      : [
          { code: 'FSC', name: 'Fuel surcharge', amount: minor(usd * 0.2), per: 'unit' as const },
          { code: 'AWB', name: 'Air waybill', amount: minor(35), per: 'shipment' as const },
        ],
    guaranteed_premium: guaranteed ? minor(usd * 0.12) : null,
    rollover_terms: guaranteed ? { perContainer: minor(150), perDay: minor(40) } : null,
    transit_days: sea
      ? Math.max(3, Math.round(km / 550) + random.int(2, 8))
      : random.int(1, mode === 'express' ? 3 : 5),
    valid_from: validFrom,
    valid_to: validTo,
    schedule: {
      weekdays: weekdays(
        random,
        sea
          ? random.weighted([
              [1, 70],
              [2, 25],
              [3, 5],
            ] as const)
          : random.int(2, 6),
      ),
    },
    capacity_per_departure:
      mode === 'sea_fcl'
        ? random.int(5, 60)
        : mode === 'sea_lcl'
          ? random.int(20, 200)
          : random.int(2_000, 40_000),
    carrier: random.pick(sea ? carriers.sea : carriers.air),
    service: `${sea ? 'S' : 'F'}${random.int(100, 999)}`,
    status: random.chance(0.05) ? 'withdrawn' : 'active',
  } satisfies CardRow;
};

/**
 * Inserts `count` cards in batches (one JSON parameter per batch) and their
 * departures, expanded in SQL from each card's weekdays over its validity:
 * the days, cut-offs (sea: two days before at noon UTC; air: the day before
 * at 18:00) and voyage names publishRateCard gives them.
 */
export const insertRateCards = async (
  db: Db,
  options: { random: Random; forwarders: readonly string[]; count: number; batch: number; now: Date },
) => {
  const { random, forwarders, count, batch, now } = options;
  const lanes = laneWeights();
  const today = now.toISOString().slice(0, 10);
  let departures = 0;
  for (let first = 0; first < count; first += batch) {
    const cards = Array.from({ length: Math.min(batch, count - first) }, (_, i) =>
      generateCard(random, lanes, forwarders, first + i, today),
    );
    await db.execute(sql`
      insert into rate_cards (company_id, id, origin, destination, mode, basis, container_type, currency, base_price,
        minimum_charge, surcharges, guaranteed_premium, rollover_terms, transit_days, valid_from, valid_to, schedule,
        capacity_per_departure, carrier, service, status, created_at, updated_at)
      select company_id, id, origin, destination, mode, basis, container_type, currency, base_price, minimum_charge,
        surcharges, guaranteed_premium, rollover_terms, transit_days, valid_from, valid_to, schedule,
        capacity_per_departure, carrier, service, status, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(cards)}::jsonb) as x(company_id text, id text, origin text,
        destination text, mode text, basis text, container_type text, currency text, base_price bigint,
        minimum_charge bigint, surcharges jsonb, guaranteed_premium bigint, rollover_terms jsonb, transit_days int,
        valid_from date, valid_to date, schedule jsonb, capacity_per_departure int, carrier text, service text,
        status text)`);
    const result = (await db.execute(sql`
      insert into freight_departures (company_id, id, rate_card_id, departs_on, arrives_on, cutoff_at, voyage,
        capacity, updated_at)
      select c.company_id, 'dep_' || substr(c.id, 4) || to_char(d, 'YYYYMMDD'), c.id, d::date,
        d::date + c.transit_days,
        case when c.mode in ('sea_fcl', 'sea_lcl') then (d::date - 2) + time '12:00' else (d::date - 1) + time '18:00' end
          at time zone 'UTC',
        c.service || ' ' || to_char(d, 'YYYYMMDD'), c.capacity_per_departure, ${now.toISOString()}::timestamptz
      from rate_cards c
      cross join lateral generate_series(c.valid_from::timestamp, c.valid_to::timestamp, interval '1 day') d
      where c.id in (select x->>'id' from jsonb_array_elements(${JSON.stringify(cards.map((c) => ({ id: c.id })))}::jsonb) x)
        and (c.schedule->'weekdays') @> to_jsonb(extract(isodow from d)::int)`)) as unknown as {
      rowCount?: number;
      affectedRows?: number;
    };
    departures += Number(result.rowCount ?? result.affectedRows ?? 0);
  }
  return { departures };
};

/**
 * Bookings on a share of the departures still open, so free space varies:
 * about one departure in four carries bookings, one in twelve is full. The
 * departures' booked counts are set from the bookings (the check holds), and
 * a tenth of the bookings were rolled, which the reliability score reads.
 */
export const insertBookings = async (db: Db, now: Date) => {
  await db.execute(sql`
    insert into freight_bookings (company_id, id, shipper_id, rate_card_id, departure_id, original_departure_id,
      status, guaranteed, units, cargo, ready_date, currency, total, price_lines, rolls, created_at, updated_at)
    select d.company_id, 'bkg_' || substr(d.id, 5), 'co_bench_shipper', d.rate_card_id, d.id, d.id,
      (array['requested','confirmed','confirmed','loaded','departed','completed','rolled','cancelled'])[1 + abs(hashtext(d.id)) % 8],
      false,
      greatest(1, case when abs(hashtext(d.id || 'full')) % 3 = 0 then d.capacity else (abs(hashtext(d.id || 'u')) % d.capacity) end),
      case when c.basis = 'container' then jsonb_build_object('containers', jsonb_build_object('type', c.container_type, 'count', 1))
        else jsonb_build_object('weightKg', 100, 'volumeCbm', 1) end,
      d.departs_on - 7, c.currency, c.base_price, '[]'::jsonb,
      case when abs(hashtext(d.id || 'r')) % 10 = 0 then 1 else 0 end,
      ${now.toISOString()}::timestamptz - make_interval(days => abs(hashtext(d.id)) % 60),
      ${now.toISOString()}::timestamptz
    from freight_departures d
    join rate_cards c on c.id = d.rate_card_id
    where abs(hashtext(d.id || 'b')) % 4 = 0`);
  await db.execute(sql`
    update freight_departures d set standard_booked = least(d.capacity, b.units)
    from (select departure_id, sum(units)::int as units from freight_bookings
          where status not in ('cancelled', 'rejected') group by departure_id) b
    where b.departure_id = d.id`);
  // Written around the use cases, so the reliability counts are taken afresh.
  await recountForwarderReliability(db);
  const [row] = (
    (await db.execute(sql`select count(*)::int as n from freight_bookings`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  return row?.n ?? 0;
};
