import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { queryRows } from '../src/db/raw-sql.js';
import { converterOn } from '../src/modules/fx/index.js';
import { unitsFor } from '../src/modules/logistics/cargo-units.js';
import { priceOf } from '../src/modules/logistics/pricing.js';
import { containerTypeOf, locationOf } from '../src/modules/logistics/reference.js';
import type { Cargo, FreightMode, Surcharge } from '../src/modules/logistics/schema.js';
import type { FreightSearch } from '../src/modules/logistics/search-freight.js';

type Row = {
  id: string;
  company_id: string;
  mode: FreightMode;
  container_type: string | null;
  currency: string;
  base_price: string;
  minimum_charge: string;
  surcharges: Surcharge[];
  guaranteed_premium: string | null;
  transit_days: number;
  departure_id: string;
  departs_on: string;
  free: number;
};

/**
 * The search a first version without indexes would do: every card joined to
 * every departure, the same filters as searchFreight applied to the rows
 * (lane, modes, container type, validity, open departures after the ready
 * date with room), with the planner forbidden any index — so both tables are
 * scanned in full, as they would be with only primary keys on other columns;
 * then in JS the first three departures per card, the all-in prices, USD and
 * the sort. It skips the forwarder names and reliability, so it does less.
 */
export const naiveSearchFreight = async (db: Db, input: FreightSearch, now: Date) => {
  const origin = locationOf(input.origin)!;
  const destination = locationOf(input.destination)!;
  const cargo: Cargo =
    'containers' in input.cargo
      ? {
          containers: {
            type: containerTypeOf(input.cargo.containers.type)!.code,
            count: input.cargo.containers.count,
          },
        }
      : input.cargo;
  const modes: FreightMode[] =
    origin.kind === 'airport'
      ? ['air', 'express', 'charter']
      : 'containers' in cargo
        ? ['sea_fcl']
        : ['sea_lcl'];
  const containerType = 'containers' in cargo ? cargo.containers.type : null;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_indexscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    await tx.execute(sql`set local enable_indexonlyscan = off`);
    return queryRows<Row>(
      tx as unknown as Db,
      sql`select c.id, c.company_id, c.mode, c.container_type, c.currency, c.base_price::text, c.minimum_charge::text,
               c.surcharges, c.guaranteed_premium::text, c.transit_days, d.id as departure_id,
               d.departs_on::text, d.capacity - d.guaranteed_booked - d.standard_booked as free
          from rate_cards c join freight_departures d on d.rate_card_id = c.id
         where c.origin = ${origin.code} and c.destination = ${destination.code}
           and c.mode in (select jsonb_array_elements_text(${JSON.stringify(modes)}::jsonb))
           and c.status = 'active'
           and c.valid_from <= ${input.readyDate}::date and c.valid_to >= ${input.readyDate}::date
           ${containerType ? sql`and c.container_type = ${containerType}` : sql``}
           and d.status = 'scheduled' and d.departs_on >= ${input.readyDate}::date
           and d.cutoff_at > ${now.toISOString()}::timestamptz`,
    );
  });
  const byCard = new Map<string, Row[]>();
  for (const r of rows) {
    const units = unitsFor(r.mode, r.container_type, cargo);
    if (r.free < units) continue;
    byCard.set(r.id, [...(byCard.get(r.id) ?? []), r]);
  }
  const convert = await converterOn(
    db,
    [...new Set([...rows.map((r) => r.currency), 'USD'])],
    input.readyDate,
  );
  const offers = [...byCard.values()].map((departures) => {
    const r = departures[0]!;
    const price = priceOf(
      {
        basePrice: BigInt(r.base_price),
        minimumCharge: BigInt(r.minimum_charge),
        surcharges: r.surcharges,
        guaranteedPremium: r.guaranteed_premium === null ? null : BigInt(r.guaranteed_premium),
      },
      unitsFor(r.mode, r.container_type, cargo),
      false,
    );
    return {
      id: r.id,
      transitDays: r.transit_days,
      usd: convert(price.total, r.currency, 'USD'),
      departures: departures.sort((a, b) => a.departs_on.localeCompare(b.departs_on)).slice(0, 3),
    };
  });
  offers.sort((a, b) =>
    input.sort === 'transit' ? a.transitDays - b.transitDays || Number(a.usd - b.usd) : Number(a.usd - b.usd),
  );
  return offers.slice(0, input.limit ?? 20);
};
