import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/raw-sql.js';
import { taxonomy } from '../modules/catalog/index.js';
import { activityColumns } from '../modules/insights/activity.js';
import {
  importActivity,
  importTransactions,
  listingCounts,
  transactionColumns,
} from '../modules/insights/index.js';
import { type Random, seededRandom } from './random.js';
import {
  activityMonths,
  buyerMarkets,
  daysIn,
  planActivity,
  planBuyerCounts,
  planTrade,
  type TradeCell,
  windowOf,
} from './trade-history-plan.js';

/**
 * The demo's trade history: about 215,000 orders from January 2020 to
 * December 2021 and the buyers' daily activity from January 2019 (the
 * full-year forecast needs two years before the year it forecasts), imported
 * through the same pipeline as anyone's transaction and activity files
 * (`tradelane import transactions|activity`), plus listing counts for the
 * supply side. The index of Jan–May 2021 computed from it shows the founding
 * document's figures; see trade-history-plan.ts for how.
 */

const seed = 20210531;
const firstOrderId = 'hist-0000001';
const orderId = (n: number) => `hist-${String(n + 1).padStart(7, '0')}`;

/** Index into cumulative weights (binary search). */
const pickCumulative = (cumulative: Float64Array, roll: number) => {
  let lo = 0;
  let hi = cumulative.length - 1;
  const target = roll * cumulative[hi]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

const cumulativeOf = (weights: readonly number[]) => {
  const out = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    out[i] = total;
  });
  return out;
};

/** Weekdays busier than weekends. */
const dayWeight = (month: string, day: number) => {
  const weekday = new Date(`${month}-${String(day).padStart(2, '0')}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 0.6 : weekday === 6 ? 0.75 : 1;
};

const shuffle = (random: Random, items: number[]) => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
};

const buyerId = (country: string, n: number) =>
  `buyer-${country.toLowerCase()}-${String(n + 1).padStart(5, '0')}`;

type Orders = {
  count: number;
  cell: Int32Array;
  cents: Float64Array;
  day: Uint8Array;
  country: Uint8Array;
  supplier: Int32Array;
  buyer: Int32Array;
  suppliers: string[];
};

/** Every order of the plan: its cell, amount, day, supplier, buyer country and buyer. */
const buildOrders = (random: Random, cells: readonly TradeCell[]): Orders => {
  const count = cells.reduce((n, c) => n + c.orders, 0);
  const orders: Orders = {
    count,
    cell: new Int32Array(count),
    cents: new Float64Array(count),
    day: new Uint8Array(count),
    country: new Uint8Array(count),
    supplier: new Int32Array(count),
    buyer: new Int32Array(count),
    suppliers: [],
  };
  // Suppliers: one pool per province × industry, sized by its trade, a few large and many small.
  const gmvOf = new Map<string, number>();
  for (const c of cells) {
    const key = `${c.province}:${c.industry}`;
    gmvOf.set(key, (gmvOf.get(key) ?? 0) + c.gmvCents);
  }
  const pools = new Map<string, { first: number; cumulative: Float64Array }>();
  for (const [key, gmv] of gmvOf) {
    const size = Math.max(2, Math.min(240, Math.round(gmv / 40_000_000)));
    const [province, industry] = key.split(':') as [string, string];
    const first = orders.suppliers.length;
    for (let i = 0; i < size; i++)
      orders.suppliers.push(`sup-${province}-${industry}-${String(i + 1).padStart(3, '0')}`);
    pools.set(key, {
      first,
      cumulative: cumulativeOf(Array.from({ length: size }, (_, i) => 1 / (i + 1) ** 0.9)),
    });
  }
  const countryCumulative = cumulativeOf(buyerMarkets.map(([, w]) => w));
  let n = 0;
  cells.forEach((c, cellIndex) => {
    const pool = pools.get(`${c.province}:${c.industry}`)!;
    const days = daysIn(c.month);
    const dayWeights = cumulativeOf(Array.from({ length: days }, (_, d) => dayWeight(c.month, d + 1)));
    // Split the cell's GMV into its orders, some much larger than others, to the cent.
    const weights = Array.from({ length: c.orders }, () => 0.25 + 3 * random.next() ** 2);
    const total = weights.reduce((a, b) => a + b, 0);
    let left = c.gmvCents;
    weights.forEach((w, i) => {
      const cents = i === weights.length - 1 ? left : Math.max(1, Math.floor((c.gmvCents * w) / total));
      left -= cents;
      orders.cell[n] = cellIndex;
      orders.cents[n] = cents;
      orders.day[n] = pickCumulative(dayWeights, random.next()) + 1;
      orders.supplier[n] = pool.first + pickCumulative(pool.cumulative, random.next());
      orders.country[n] = pickCumulative(countryCumulative, random.next());
      n++;
    });
    if (left < 0) throw new Error(`Order amounts overshoot cell ${cellIndex}`);
  });
  assignBuyers(random, cells, orders);
  return orders;
};

/**
 * Buyers per window (Jan–May 2020, Jan–May 2021, and each year's rest): in
 * the two windows the index compares, every buyer of the planned set gets at
 * least one order and nobody else gets any, so distinct buyers are exact.
 * Many of 2020's buyers come back in 2021; buyer ids are stable throughout.
 */
const assignBuyers = (random: Random, cells: readonly TradeCell[], orders: Orders) => {
  const windows = ['base', 'period', '2020', '2021'] as const;
  type Window = (typeof windows)[number];
  const byWindow = new Map<Window, number[][]>(windows.map((w) => [w, buyerMarkets.map(() => [])]));
  for (let i = 0; i < orders.count; i++) {
    const month = cells[orders.cell[i]!]!.month;
    const w: Window = windowOf(month) ?? (month.slice(0, 4) as '2020' | '2021');
    byWindow.get(w)![orders.country[i]!]!.push(i);
  }
  const counts = planBuyerCounts(
    byWindow.get('base')!.map((o) => o.length),
    byWindow.get('period')!.map((o) => o.length),
  );
  buyerMarkets.forEach((_, c) => {
    const base = counts.base[c]!;
    const current = counts.current[c]!;
    const returning = Math.round(base * 0.35);
    // [first, first + size) of the country's buyer numbers.
    const ranges: Record<Window, [number, number]> = {
      base: [0, base],
      period: [returning, current],
      '2020': [Math.round(base * 0.2), Math.max(1, Math.round(base * 0.15 + current * 0.7))],
      '2021': [returning + Math.round(current * 0.2), Math.max(1, Math.round(current * 1.05))],
    };
    for (const w of windows) {
      const [first, size] = ranges[w];
      const list = shuffle(random, byWindow.get(w)![c]!);
      if ((w === 'base' || w === 'period') && list.length < size)
        throw new Error(`Fewer orders than planned buyers in ${buyerMarkets[c]![0]} (${w})`);
      list.forEach((order, k) => {
        // Each buyer once, then the rest to buyers at random, the first ones (the big buyers) more often.
        orders.buyer[order] = first + (k < size ? k : Math.floor(size * random.next() ** 1.7));
      });
    }
  });
};

const amount = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** The orders as a transactions CSV, `tradelane import transactions`'s columns, a thousand lines per chunk. */
function* transactionLines(cells: readonly TradeCell[], orders: Orders) {
  yield `${transactionColumns.join(',')}\n`;
  let chunk: string[] = [];
  for (let i = 0; i < orders.count; i++) {
    const c = cells[orders.cell[i]!]!;
    const country = buyerMarkets[orders.country[i]!]![0];
    chunk.push(
      [
        orderId(i),
        `${c.month}-${String(orders.day[i]).padStart(2, '0')}`,
        orders.suppliers[orders.supplier[i]!],
        c.province,
        c.industry,
        c.category,
        buyerId(country, orders.buyer[i]!),
        country,
        amount(orders.cents[i]!),
        'USD',
      ].join(','),
    );
    if (chunk.length === 1000) {
      yield `${chunk.join('\n')}\n`;
      chunk = [];
    }
  }
  if (chunk.length) yield `${chunk.join('\n')}\n`;
}

/**
 * Buyer activity as an activity CSV: each planned buyer-day is one buyer,
 * distinct within the day and category, with a search or a product view and
 * sometimes more (another view, an inquiry, an RFQ), under the category or
 * one of its sub-categories.
 */
function* activityLines(random: Random, plan: Map<string, number[]>, buyers: readonly string[]) {
  yield `${activityColumns.join(',')}\n`;
  const children = new Map<string, string[]>();
  for (const node of taxonomy().nodes)
    if (node.level === 'subcategory' && node.parent)
      children.set(node.parent, [...(children.get(node.parent) ?? []), node.code]);
  let chunk: string[] = [];
  for (const [monthIndex, month] of activityMonths.entries()) {
    const days = daysIn(month);
    const weights = Array.from({ length: days }, (_, d) => dayWeight(month, d + 1));
    const weightTotal = weights.reduce((a, b) => a + b, 0);
    for (const [category, buyerDays] of plan) {
      // The month's buyer-days over its days, to the unit (largest remainder).
      const total = buyerDays[monthIndex]!;
      const exact = weights.map((w) => (total * w) / weightTotal);
      const perDay = exact.map(Math.floor);
      let missing = total - perDay.reduce((a, b) => a + b, 0);
      const byRemainder = exact
        .map((e, d) => [e - Math.floor(e), d] as const)
        .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      for (const [, d] of byRemainder) {
        if (missing-- <= 0) break;
        perDay[d]!++;
      }
      const codes = [category, ...(children.get(category) ?? [])];
      perDay.forEach((count, d) => {
        const day = `${month}-${String(d + 1).padStart(2, '0')}`;
        const seen = new Set<number>();
        while (seen.size < count) seen.add(Math.floor(random.next() ** 1.3 * buyers.length));
        for (const b of seen) {
          const buyer = buyers[b]!;
          const code = () => codes[Math.floor(random.next() * codes.length)]!;
          chunk.push(`${day},${buyer},${code()},${random.chance(0.55) ? 'search' : 'view'}`);
          if (random.chance(0.1)) chunk.push(`${day},${buyer},${code()},view`);
          if (random.chance(0.07)) chunk.push(`${day},${buyer},${code()},inquiry`);
          if (random.chance(0.02)) chunk.push(`${day},${buyer},${code()},rfq`);
        }
      });
      if (chunk.length >= 2000) {
        yield `${chunk.join('\n')}\n`;
        chunk = [];
      }
    }
  }
  if (chunk.length) yield `${chunk.join('\n')}\n`;
}

/** Active listings per category on a few dates: supply growing, slower where demand surged. */
const listingRows = (random: Random, plan: Map<string, number[]>) => {
  const dates = ['2019-01-01', '2020-01-01', '2020-07-01', '2021-01-01', '2021-07-01'];
  const rows: (typeof listingCounts.$inferInsert)[] = [];
  for (const [category, buyerDays] of plan) {
    const demand = buyerDays.slice(0, 12).reduce((a, b) => a + b, 0) / 365;
    let listings = Math.round(demand * (60 + random.next() * 120));
    const growth = 1.04 + random.next() * 0.12;
    for (const day of dates) {
      rows.push({ day, category, listings });
      listings = Math.round(listings * growth);
    }
  }
  return rows;
};

const thousands = (n: number) => n.toLocaleString('en-US');

/**
 * Loads the trade history into `db` (once: it does nothing if its first
 * order is already there). Takes a while: logs its progress.
 */
export const loadTradeHistory = async (
  db: Db,
  { log = () => {} }: { log?: (line: string) => void } = {},
): Promise<{ orders: number; activity: number; skipped: boolean }> => {
  const [loaded] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from trade_facts where fact_key = ${`import:${firstOrderId}`}`,
  );
  if (loaded!.n > 0) {
    log('The trade history is already loaded.');
    return { orders: 0, activity: 0, skipped: true };
  }
  const random = seededRandom(seed);
  const cells = planTrade(random);
  const orders = buildOrders(random, cells);
  const activity = planActivity(random);
  // Everyone who ever orders is active now and then, ordering or not.
  const buyersIn = buyerMarkets.map(() => 0);
  for (let i = 0; i < orders.count; i++)
    buyersIn[orders.country[i]!] = Math.max(buyersIn[orders.country[i]!]!, orders.buyer[i]! + 1);
  const buyers = buyerMarkets.flatMap(([country], c) =>
    Array.from({ length: buyersIn[c]! }, (_, n) => buyerId(country, n)),
  );
  log(`Importing the trade history: ${thousands(orders.count)} orders from 2020-01 to 2021-12…`);
  let reported = 0;
  const trade = await importTransactions(db, {
    source: Readable.from(transactionLines(cells, orders)),
    onProgress: (rows) => {
      if (rows - reported >= 50_000 && rows < orders.count) {
        reported = rows;
        log(`  ${thousands(rows)} of ${thousands(orders.count)} orders`);
      }
    },
  });
  if (trade.problems.length > 0)
    throw new Error(`The trade history did not import: ${JSON.stringify(trade.problems.slice(0, 3))}`);
  log(`Importing buyer activity from 2019-01 to 2021-12…`);
  const events = await importActivity(db, { source: Readable.from(activityLines(random, activity, buyers)) });
  if (events.problems.length > 0)
    throw new Error(`The buyer activity did not import: ${JSON.stringify(events.problems.slice(0, 3))}`);
  await db.insert(listingCounts).values(listingRows(random, activity)).onConflictDoNothing();
  log(
    `Trade history loaded: ${thousands(trade.imported)} orders, ${thousands(events.imported)} buyer actions; \`tradelane index --from 2021-01 --to 2021-05\` shows it.`,
  );
  return { orders: trade.imported, activity: events.imported, skipped: false };
};
