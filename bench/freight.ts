import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { anonymous, makeCtx } from '../src/core/context.js';
import type { Database, Db } from '../src/db/client.js';
import { queryRows } from '../src/db/raw-sql.js';
import { seededRandom } from '../src/demo/random.js';
import { searchFreight } from '../src/modules/logistics/search-freight.js';
import { openBenchDatabase } from './database.js';
import { naiveSearchFreight } from './freight-baseline.js';
import { insertBookings, insertForwarders, insertRateCards, laneWeights } from './freight-generate.js';
import { type FreightQuery, freightQueryMix } from './freight-queries.js';
import { elapsed, ms, type Summary, summarize, table } from './stats.js';

const usage = `npm run bench -- freight [options]

  --cards N             rate cards to generate (default 100000)
  --forwarders N        forwarder companies (default 400)
  --batch N             cards per insert round trip (default 2000)
  --queries N           size of the search mix (default 300)
  --warmup N            untimed searches first (default 30)
  --baseline-queries N  searches the full-scan baseline runs (default 30; 0 skips it)
  --reuse               keep bench/.data/freight if it already holds --cards cards (PGlite only)

Times searchFreight (GET /api/freight/search) on a mix of FCL by container
type, LCL and air searches, ready dates and sorts, against a baseline that
scans every card and departure, in the same run. Uses a fresh PGlite in
bench/.data/freight, or a fresh database on DATABASE_URL's server (dropped).`;

const options = (args: string[]) => {
  const { values } = parseArgs({
    args,
    options: {
      cards: { type: 'string', default: '100000' },
      forwarders: { type: 'string', default: '400' },
      batch: { type: 'string', default: '2000' },
      queries: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '30' },
      'baseline-queries': { type: 'string', default: '30' },
      reuse: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const int = (name: 'cards' | 'forwarders' | 'batch' | 'queries' | 'warmup' | 'baseline-queries') => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  return {
    help: values.help,
    reuse: values.reuse,
    cards: Math.max(1, int('cards')),
    forwarders: Math.max(1, int('forwarders')),
    batch: Math.max(1, int('batch')),
    queries: int('queries'),
    warmup: int('warmup'),
    baselineQueries: int('baseline-queries'),
  };
};

type Options = ReturnType<typeof options>;

const count = async (db: Db, table: 'rate_cards' | 'freight_departures' | 'freight_bookings') =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]?.n ??
  0;

const generate = async (database: Database, o: Options, now: Date) => {
  const { db } = database;
  const random = seededRandom(20261115);
  const startedAt = performance.now();
  const forwarders = await insertForwarders(db, random, o.forwarders, now);
  const { departures } = await insertRateCards(db, {
    random,
    forwarders,
    count: o.cards,
    batch: o.batch,
    now,
  });
  const cardsMs = elapsed(startedAt);
  const bookings = await insertBookings(db, now);
  const vacuumStartedAt = performance.now();
  // PGlite never autovacuums: the nightly VACUUM job is what gives the planner statistics.
  await database.exec('vacuum analyze');
  console.log(
    `Generated ${o.cards.toLocaleString('en')} rate cards and ${departures.toLocaleString('en')} departures in ${(cardsMs / 1000).toFixed(1)} s,` +
      ` ${bookings.toLocaleString('en')} bookings; total ${(elapsed(startedAt) / 1000).toFixed(1)} s` +
      ` (vacuum analyze ${(elapsed(vacuumStartedAt) / 1000).toFixed(1)} s)`,
  );
};

const timeEach = async (queries: readonly FreightQuery[], run: (q: FreightQuery) => Promise<number>) => {
  const latencies: number[] = [];
  const offers: number[] = [];
  for (const q of queries) {
    const startedAt = performance.now();
    offers.push(await run(q));
    latencies.push(elapsed(startedAt));
  }
  return { latencies, offers };
};

const header = ['', 'searches', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'q/s'];
const row = (label: string, s: Summary) => [
  label,
  String(s.n),
  ms(s.p50),
  ms(s.p95),
  ms(s.p99),
  ms(s.max),
  s.qps.toFixed(1),
];

export const run = async (args: string[]) => {
  const o = options(args);
  if (o.help) {
    console.log(usage);
    return;
  }
  let database = await openBenchDatabase('freight', { reuse: o.reuse });
  if (database.reused && (await count(database.db, 'rate_cards')) !== o.cards) {
    console.log('--reuse: the kept database holds another number of cards; generating afresh');
    await database.close();
    database = await openBenchDatabase('freight', { reuse: false });
  }
  try {
    const { db } = database;
    console.log(`Database: ${database.where}`);
    const now = new Date('2026-11-16T06:00:00Z');
    const today = now.toISOString().slice(0, 10);
    if (!database.reused) await generate(database, o, now);
    console.log(
      `${(await count(db, 'rate_cards')).toLocaleString('en')} cards, ${(await count(db, 'freight_departures')).toLocaleString('en')} departures, ${(await count(db, 'freight_bookings')).toLocaleString('en')} bookings`,
    );
    const lanes = laneWeights();
    const ctx = makeCtx(db, anonymous, () => now);
    const queries = freightQueryMix(seededRandom(7), lanes, today, o.queries);
    for (const q of freightQueryMix(seededRandom(8), lanes, today, o.warmup))
      await searchFreight(ctx, q.input);

    const ours = await timeEach(queries, async (q) => (await searchFreight(ctx, q.input)).offers.length);
    const withOffers = ours.offers.filter((n) => n > 0).length;
    const mean = ours.offers.reduce((a, b) => a + b, 0) / Math.max(1, ours.offers.length);
    console.log(
      `\n${queries.length} searches (${o.warmup} warm-up); ${withOffers} found offers, ${mean.toFixed(1)} offers on average\n`,
    );
    console.log(table(header, [row('searchFreight', summarize(ours.latencies))]));
    const kinds = [...new Set(queries.map((q) => q.kind))].sort();
    console.log(
      `\n${table(
        ['kind', ...header.slice(1)],
        kinds.map((kind) => row(kind, summarize(ours.latencies.filter((_, i) => queries[i]!.kind === kind)))),
      )}`,
    );
    const slowest = ours.latencies
      .map((t, i) => ({ t, q: queries[i]!, offers: ours.offers[i]! }))
      .sort((a, b) => b.t - a.t)
      .slice(0, 5);
    console.log('\nSlowest:');
    for (const { t, q, offers } of slowest)
      console.log(
        `  ${ms(t).padStart(6)} ms  ${q.kind.padEnd(9)} ${offers} offers  ${JSON.stringify(q.input)}`,
      );

    if (o.baselineQueries > 0) {
      const subset = queries.slice(0, o.baselineQueries);
      console.log(`\nFull-scan baseline on the first ${subset.length} searches…`);
      const baseline = await timeEach(
        subset,
        async (q) => (await naiveSearchFreight(db, q.input, now)).length,
      );
      const s = summarize(ours.latencies.slice(0, subset.length));
      const b = summarize(baseline.latencies);
      const ratio = (x: number, y: number) => `${(x / y).toFixed(1)}×`;
      console.log(
        `\n${table(header, [
          row('searchFreight, same searches', s),
          row('baseline (no index: scan cards × departures)', b),
          ['baseline / ours', '', ratio(b.p50, s.p50), ratio(b.p95, s.p95), ratio(b.p99, s.p99), '', ''],
        ])}`,
      );
    }
  } finally {
    await database.close();
  }
};
