import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { queryRows } from '../../db/raw-sql.js';
import { hsCodeList } from '../catalog/index.js';
import { converterOn } from '../fx/index.js';
import { incoterms } from '../sourcing/incoterms.js';
import { kgPerCbm, unitsFor } from './cargo-units.js';
import { priceOf } from './pricing.js';
import { containerTypeOf, locationOf } from './reference.js';
import { reliabilityOf } from './reliability.js';
import type { Cargo, FreightMode, RolloverTerms, Surcharge } from './schema.js';

export type FreightSearch = {
  origin: string;
  destination: string;
  cargo: Cargo;
  readyDate: string;
  hsCode?: string | null;
  incoterm?: string | null;
  sort?: 'price' | 'transit' | 'reliability';
  /** How many offers at most (default 20). */
  limit?: number;
};

type OfferRow = {
  id: string;
  company_id: string;
  forwarder_name: string;
  mode: FreightMode;
  container_type: string | null;
  currency: string;
  base_price: string;
  minimum_charge: string;
  surcharges: Surcharge[];
  guaranteed_premium: string | null;
  rollover_terms: RolloverTerms | null;
  transit_days: number;
  valid_to: string;
  carrier: string;
  service: string;
  departures: {
    id: string;
    departsOn: string;
    arrivesOn: string;
    cutoffAt: string;
    voyage: string;
    free: number;
  }[];
};

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

/** The modes that can carry the cargo between the two places. */
const modesFor = (cargo: Cargo, kind: 'port' | 'airport'): FreightMode[] =>
  kind === 'port'
    ? 'containers' in cargo
      ? ['sea_fcl']
      : ['sea_lcl']
    : 'containers' in cargo
      ? []
      : ['air', 'express', 'charter'];

/**
 * Freight offers for a cargo on a lane: every active rate card valid on the
 * ready date whose next departures (from the ready date, before cut-off)
 * still have room for it, with the all-in price standard and guaranteed, in
 * the card's currency and in USD for comparison; sorted by price, transit
 * time or reliability.
 */
export const searchFreight = async (ctx: Ctx, input: FreightSearch) => {
  const origin = locationOf(input.origin);
  const destination = locationOf(input.destination);
  if (!origin)
    throw invalid('origin', `${input.origin} is neither a known port (UN/LOCODE) nor airport (IATA)`);
  if (!destination) throw invalid('destination', `${input.destination} is neither a known port nor airport`);
  if (origin.kind !== destination.kind)
    throw invalid('destination', 'Origin and destination must both be ports (sea) or both airports (air)');
  if (input.hsCode && !hsCodeList().byCode.has(input.hsCode))
    throw invalid('hsCode', `${input.hsCode} is not an HS 2022 code`);
  if (input.incoterm && !(incoterms as readonly string[]).includes(input.incoterm))
    throw invalid('incoterm', `${input.incoterm} is not an Incoterm 2020 rule`);
  const modes = modesFor(input.cargo, origin.kind);
  if (modes.length === 0) throw invalid('cargo', 'Containers go by sea: search between ports');
  let containerType: string | null = null;
  if ('containers' in input.cargo) {
    const type = containerTypeOf(input.cargo.containers.type);
    if (!type)
      throw invalid('cargo.containers.type', `${input.cargo.containers.type} is not a known container type`);
    containerType = type.code;
  }
  const cargo: Cargo =
    containerType && 'containers' in input.cargo
      ? { containers: { type: containerType, count: input.cargo.containers.count } }
      : input.cargo;
  const units = {
    container: 'containers' in cargo ? cargo.containers.count : 0,
    cbm: 'weightKg' in cargo ? unitsFor('sea_lcl', null, cargo) : 0,
    kg:
      'weightKg' in cargo ? Math.max(1, Math.ceil(Math.max(cargo.weightKg, cargo.volumeCbm * kgPerCbm))) : 0,
  };
  const now = ctx.now();
  const rows = await queryRows<OfferRow>(
    ctx.db,
    sql`select c.id, c.company_id, co.name as forwarder_name, c.mode, c.container_type, c.currency,
               c.base_price::text, c.minimum_charge::text, c.surcharges, c.guaranteed_premium::text,
               c.rollover_terms, c.transit_days, c.valid_to::text, c.carrier, c.service, d.departures
          from rate_cards c
          join companies co on co.id = c.company_id
          cross join lateral (
            select jsonb_agg(jsonb_build_object('id', x.id, 'departsOn', x.departs_on, 'arrivesOn', x.arrives_on,
                                                'cutoffAt', x.cutoff_at, 'voyage', x.voyage, 'free', x.free)
                             order by x.departs_on) as departures
              from (select id, departs_on, arrives_on, cutoff_at, voyage,
                           capacity - guaranteed_booked - standard_booked as free
                      from freight_departures
                     where rate_card_id = c.id and status = 'scheduled'
                       and departs_on >= ${input.readyDate}::date and cutoff_at > ${now.toISOString()}::timestamptz
                       and capacity - guaranteed_booked - standard_booked >=
                           case c.basis when 'container' then ${units.container}::int when 'cbm' then ${units.cbm}::int else ${units.kg}::int end
                     order by departs_on
                     limit 3) x
          ) d
         where c.origin = ${origin.code} and c.destination = ${destination.code}
           and c.mode in (select jsonb_array_elements_text(${JSON.stringify(modes)}::jsonb))
           and c.status = 'active'
           and c.valid_from <= ${input.readyDate}::date and c.valid_to >= ${input.readyDate}::date
           ${containerType ? sql`and c.container_type = ${containerType}` : sql``}
           and d.departures is not null
         order by c.base_price, c.transit_days
         limit 200`,
  );
  const convert = await converterOn(
    ctx.db,
    [...new Set([...rows.map((r) => r.currency), 'USD'])],
    input.readyDate,
  );
  const offers = rows.map((r) => {
    const card = {
      basePrice: BigInt(r.base_price),
      minimumCharge: BigInt(r.minimum_charge),
      surcharges: r.surcharges,
      guaranteedPremium: r.guaranteed_premium === null ? null : BigInt(r.guaranteed_premium),
    };
    const n = unitsFor(r.mode, r.container_type, cargo);
    const standard = priceOf(card, n, false);
    const guaranteed = card.guaranteedPremium === null ? null : priceOf(card, n, true);
    return {
      rateCardId: r.id,
      forwarder: { id: r.company_id, name: r.forwarder_name },
      mode: r.mode,
      containerType: r.container_type,
      carrier: r.carrier,
      service: r.service,
      transitDays: r.transit_days,
      validTo: r.valid_to,
      units: n,
      currency: r.currency,
      standard: { total: String(standard.total), lines: standard.lines },
      guaranteed: guaranteed && { total: String(guaranteed.total), lines: guaranteed.lines },
      usdTotal: String(convert(standard.total, r.currency, 'USD')),
      rolloverTerms: r.rollover_terms,
      reliability: null as number | null,
      departures: r.departures,
    };
  });
  const reliability = await reliabilityOf(ctx, [...new Set(offers.map((o) => o.forwarder.id))]);
  for (const o of offers) o.reliability = reliability.get(o.forwarder.id) ?? null;
  const sort = input.sort ?? 'price';
  offers.sort((a, b) =>
    sort === 'transit'
      ? a.transitDays - b.transitDays || Number(BigInt(a.usdTotal) - BigInt(b.usdTotal))
      : sort === 'reliability'
        ? (b.reliability ?? -1) - (a.reliability ?? -1) || Number(BigInt(a.usdTotal) - BigInt(b.usdTotal))
        : Number(BigInt(a.usdTotal) - BigInt(b.usdTotal)) || a.transitDays - b.transitDays,
  );
  const page = offers.slice(0, input.limit ?? 20);
  return {
    origin,
    destination,
    cargo,
    readyDate: input.readyDate,
    sort,
    offers: page,
  };
};
