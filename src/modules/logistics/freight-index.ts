import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { queryRows, textList } from '../../db/raw-sql.js';
import { converterOn } from '../fx/index.js';
import type { FreightIndexData } from '../insights/charts/index.js';
import { locationOf } from './reference.js';

// The freight rate index (after the Freightos Baltic Index): what a 40'
// container actually cost on each lane, week by week, from the bookings made
// on the platform.
//
// - Observations: sea FCL bookings of 40GP or 40HQ containers, except
//   cancelled and rejected ones (a rolled booking still holds its price).
// - Price: the booking's all-in total (freight, surcharges, any guaranteed
//   premium: what the shipper agreed to pay) in USD at the rate of the day it
//   was booked (UTC), divided by its containers.
// - Week: the ISO week (UTC) the booking was made in, the day the price was
//   agreed, not the sailing: a rate booked today for a December departure is
//   today's market.
// - A lane's index for a week: each forwarder's median price (over its
//   containers, so a 5-container booking counts five times), then the median
//   of those forwarder medians weighted by each forwarder's containers. One
//   forwarder's outlier booking cannot move the index beyond its own weight,
//   and a forwarder booking many containers counts for more than one booking
//   a single box.
// - Composite: the mean of the lane indices weighted by each lane's
//   containers over the whole window (a fixed basket, as the FBX global index
//   weighs its lanes); a lane without bookings in a week counts at its last
//   index, and a lane not yet booked in the window not at all. A plain
//   per-week volume-weighted mean would jump whenever a dear lane had a quiet
//   week.

/** The container types a 40' (one FEU) index reads. */
export const feuContainerTypes = ['40GP', '40HQ'] as const;

export const FreightIndexQuery = z.strictObject({
  weeks: z.coerce.number().int().min(1).max(104).default(12),
  lanes: z.coerce.number().int().min(1).max(50).default(10),
});
export type FreightIndexInput = Partial<z.infer<typeof FreightIndexQuery>>;

export type Weighted = { value: number; weight: number };

/**
 * The weighted median: sorted by value, the first value at which the
 * cumulative weight reaches half the total; when it lands exactly on half,
 * the mean of that value and the next (so equal weights give the ordinary
 * median). Null for nothing to weigh.
 */
export const weightedMedian = (items: readonly Weighted[]): number | null => {
  const sorted = items.filter((i) => i.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, i) => sum + i.weight, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i]!.weight;
    if (cumulative * 2 === total) return (sorted[i]!.value + sorted[i + 1]!.value) / 2;
    if (cumulative * 2 > total) return sorted[i]!.value;
  }
  return sorted.at(-1)!.value;
};

/** One booking as the index reads it: its forwarder, USD cents per container and containers. */
export type IndexBooking = { forwarderId: string; usdCentsPerContainer: number; containers: number };

/** A lane's index for one week from its bookings (cents per FEU), with the volume behind it. */
export const laneIndexOf = (bookings: readonly IndexBooking[]) => {
  const byForwarder = new Map<string, IndexBooking[]>();
  for (const b of bookings) {
    const own = byForwarder.get(b.forwarderId);
    if (own) own.push(b);
    else byForwarder.set(b.forwarderId, [b]);
  }
  const medians = [...byForwarder.values()].map((own) => ({
    value: weightedMedian(own.map((b) => ({ value: b.usdCentsPerContainer, weight: b.containers })))!,
    weight: own.reduce((sum, b) => sum + b.containers, 0),
  }));
  return {
    usdCentsPerFeu: weightedMedian(medians),
    containers: medians.reduce((sum, m) => sum + m.weight, 0),
    forwarders: medians.length,
  };
};

const dayMs = 86_400_000;

/** The ISO week (`2026-W45`) a day (YYYY-MM-DD) falls in. */
export const isoWeekOf = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  // The week belongs to the year of its Thursday.
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * dayMs);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / dayMs / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
};

/** The Monday (UTC midnight) of the week `now` is in. */
const mondayOf = (now: Date) => {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return day - ((new Date(day).getUTCDay() + 6) % 7) * dayMs;
};

type BookingRow = {
  company_id: string;
  origin: string;
  destination: string;
  units: number;
  currency: string;
  total: string;
  day: string;
};

const cents = (value: number | null) => (value === null ? null : Math.round(value) / 100);

/**
 * The weekly freight rate index of 40' containers per lane, the busiest
 * `lanes` lanes of the last `weeks` ISO weeks (the current one included, still
 * under way), and the composite of every lane. Public: aggregates only, no
 * forwarder or shipper is named.
 */
export const freightIndex = async (ctx: Ctx, input: FreightIndexInput = {}): Promise<FreightIndexData> => {
  const { weeks: count, lanes: laneCount } = FreightIndexQuery.parse(input);
  const end = mondayOf(ctx.now()) + 7 * dayMs;
  const start = end - count * 7 * dayMs;
  const weeks = Array.from({ length: count }, (_, i) =>
    isoWeekOf(new Date(start + i * 7 * dayMs).toISOString().slice(0, 10)),
  );
  const rows = await queryRows<BookingRow>(
    ctx.db,
    sql`select b.company_id, c.origin, c.destination, b.units, b.currency, b.total::text as total,
               to_char(b.created_at at time zone 'UTC', 'YYYY-MM-DD') as day
          from freight_bookings b
          join rate_cards c on c.id = b.rate_card_id
         where c.mode = 'sea_fcl'
           and c.container_type in ${textList(feuContainerTypes)}
           and b.status not in ('cancelled', 'rejected')
           and b.units > 0
           and b.created_at >= ${new Date(start).toISOString()}::timestamptz
           and b.created_at < ${new Date(end).toISOString()}::timestamptz`,
  );

  // One converter per booking day, at that day's rates.
  const byDay = new Map<string, BookingRow[]>();
  for (const r of rows) {
    const own = byDay.get(r.day);
    if (own) own.push(r);
    else byDay.set(r.day, [r]);
  }
  const observations = new Map<string, Map<string, IndexBooking[]>>(); // lane → week → bookings
  for (const [day, own] of byDay) {
    const convert = await converterOn(ctx.db, [...new Set([...own.map((r) => r.currency), 'USD'])], day);
    const week = isoWeekOf(day);
    for (const r of own) {
      let usd: bigint;
      try {
        usd = convert(BigInt(r.total), r.currency, 'USD');
      } catch (error) {
        // A currency without a rate yet leaves its bookings out rather than the whole index.
        if (error instanceof AppError) continue;
        throw error;
      }
      const lane = `${r.origin}>${r.destination}`;
      const perWeek = observations.get(lane) ?? new Map<string, IndexBooking[]>();
      observations.set(lane, perWeek);
      const booking = {
        forwarderId: r.company_id,
        usdCentsPerContainer: Number(usd) / r.units,
        containers: r.units,
      };
      const inWeek = perWeek.get(week);
      if (inWeek) inWeek.push(booking);
      else perWeek.set(week, [booking]);
    }
  }

  const lanes = [...observations].map(([key, perWeek]) => {
    const [origin, destination] = key.split('>') as [string, string];
    const points = weeks.map((week) => {
      const index = laneIndexOf(perWeek.get(week) ?? []);
      return {
        week,
        usdCentsPerFeu: index.usdCentsPerFeu,
        containers: index.containers,
        forwarders: index.forwarders,
      };
    });
    const name = `${locationOf(origin)?.name ?? origin} → ${locationOf(destination)?.name ?? destination}`;
    return { origin, destination, name, points };
  });
  const volume = (lane: (typeof lanes)[number]) => lane.points.reduce((sum, p) => sum + p.containers, 0);
  // A fixed basket: each lane weighs its containers over the whole window, and
  // a lane without bookings in a week keeps its last index, so the composite
  // moves with prices rather than with which lanes happened to be booked.
  const last = lanes.map(() => null as number | null);
  const composite = weeks.map((week, i) => {
    let weighted = 0;
    let weights = 0;
    lanes.forEach((lane, l) => {
      const value = lane.points[i]!.usdCentsPerFeu ?? last[l] ?? null;
      last[l] = value;
      if (value === null) return;
      weighted += value * volume(lane);
      weights += volume(lane);
    });
    return { week, usdPerFeu: weights === 0 ? null : cents(weighted / weights) };
  });
  return {
    weeks,
    lanes: lanes
      .sort(
        (a, b) =>
          volume(b) - volume(a) ||
          a.origin.localeCompare(b.origin) ||
          a.destination.localeCompare(b.destination),
      )
      .slice(0, laneCount)
      .map(({ points, ...lane }) => ({
        ...lane,
        points: points.map((p) => ({
          week: p.week,
          usdPerFeu: cents(p.usdCentsPerFeu),
          containers: p.containers,
          forwarders: p.forwarders,
        })),
      })),
    composite,
  } satisfies FreightIndexData;
};
