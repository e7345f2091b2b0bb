import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { anonymous, makeCtx } from '../src/core/context.js';
import type { Database, Db } from '../src/db/client.js';
import { seededRandom } from '../src/demo/random.js';
import { indicativeUsdCents } from '../src/modules/catalog/fx-indicative.js';
import { type SearchProductsInput, searchProducts } from '../src/modules/catalog/search-products.js';
import { verificationOrder } from '../src/modules/search/index.js';
import { countProducts, openBenchDatabase } from './database.js';
import { generateCatalog } from './generate-products.js';
import { type BenchQuery, searchQueryMix } from './search-queries.js';
import { elapsed, ms, type Summary, summarize, table } from './stats.js';

const usage = `npm run bench -- search [options]

  --products N    products to generate (default 100000)
  --suppliers N   supplier companies (default 300)
  --batch N       products per insert round trip (default 5000)
  --queries N     size of the query mix (default 200)
  --warmup N      untimed queries first (default 20)
  --reuse         keep bench/.data/search if it already holds --products
                  products (PGlite only): skips generation, for reruns
  --no-baseline   skip the ILIKE baseline (slow on large catalogs)
  --baseline-queries N
                  time the baseline on the first N queries of the mix only
                  (default: all); the ratio compares the same N queries

Uses a fresh PGlite in bench/.data/search, or a fresh database on the
PostgreSQL server of DATABASE_URL (dropped at the end).`;

const options = (args: string[]) => {
  const { values } = parseArgs({
    args,
    options: {
      products: { type: 'string', default: '100000' },
      suppliers: { type: 'string', default: '300' },
      batch: { type: 'string', default: '5000' },
      queries: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      'no-baseline': { type: 'boolean', default: false },
      'baseline-queries': { type: 'string' },
      reuse: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const int = (name: keyof typeof values) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  return {
    help: values.help,
    reuse: values.reuse,
    products: int('products'),
    suppliers: Math.max(1, int('suppliers')),
    batch: Math.max(1, int('batch')),
    queries: int('queries'),
    warmup: int('warmup'),
    baseline: !values['no-baseline'],
    baselineQueries: values['baseline-queries'] === undefined ? undefined : int('baseline-queries'),
  };
};

type Options = ReturnType<typeof options>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
// Drizzle expands a JS array into a parameter list, not one array parameter.
const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
const cnyToUsd = indicativeUsdCents(100_000_000n, 'CNY') / 100_000_000;

/**
 * The naive search a first version would ship: every word of the query as
 * `ILIKE '%word%'` over the three title columns, the same filters on the
 * product and its supplier, COUNT(*) for the total and the first page by id.
 * No facets, no relevance, no translation: it is cheaper in what it does.
 */
const baselineSearch = async (db: Db, input: SearchProductsInput) => {
  const where: SQL[] = [];
  const words = input.q.trim().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const patterns = words.map((w) => `%${escapeLike(w)}%`);
    where.push(sql`concat_ws(' ', p.title_en, p.title_zh, p.title_es) ilike all(${textArray(patterns)})`);
  }
  if (input.category)
    where.push(
      sql`(p.category_code = ${input.category} or p.category_code like ${`${escapeLike(input.category)}/%`})`,
    );
  if (input.minPrice !== undefined || input.maxPrice !== undefined) {
    const usdCents = sql`(select min(t.unit_price) from product_price_tiers t
      where t.company_id = p.company_id and t.product_id = p.id)
      * (case p.currency when 'CNY' then ${cnyToUsd}::float8 else 1 end)`;
    if (input.minPrice !== undefined) where.push(sql`${usdCents} >= ${Math.round(input.minPrice * 100)}`);
    if (input.maxPrice !== undefined) where.push(sql`${usdCents} <= ${Math.round(input.maxPrice * 100)}`);
  }
  if (input.maxMoq !== undefined) where.push(sql`p.moq <= ${input.maxMoq}`);
  if (input.province) where.push(sql`coalesce(p.origin_province, c.province) = ${input.province}`);
  if (input.verified) {
    const lowest = verificationOrder.indexOf(input.verified === 'true' ? 'licence_checked' : input.verified);
    where.push(sql`c.verification_level = any(${textArray(verificationOrder.slice(lowest))})`);
  }
  const condition = sql`p.status = 'active' ${where.length > 0 ? sql`and ${sql.join(where, sql` and `)}` : sql``}`;
  const from = sql`products p join companies c on c.id = p.company_id where ${condition}`;
  await db.execute(sql`select count(*) from ${from}`);
  await db.execute(sql`select p.id, p.title_en, p.title_zh, p.title_es, p.moq, c.name from ${from}
    order by p.id limit ${input.pageSize}`);
};

const timeEach = async (
  queries: readonly BenchQuery[],
  run: (input: SearchProductsInput) => Promise<unknown>,
) => {
  const latencies: number[] = [];
  for (const { input } of queries) {
    const startedAt = performance.now();
    await run(input);
    latencies.push(elapsed(startedAt));
  }
  return latencies;
};

const row = (label: string, s: Summary) => [
  label,
  String(s.n),
  ms(s.p50),
  ms(s.p95),
  ms(s.p99),
  ms(s.max),
  s.qps.toFixed(1),
];

const generate = async (database: Database, o: Options, now: Date) => {
  const { db } = database;
  const random = seededRandom(20240611);
  const startedAt = performance.now();
  await generateCatalog(db, { random, suppliers: o.suppliers, products: o.products, batch: o.batch, now });
  const insertMs = elapsed(startedAt);
  // PGlite never autovacuums: the nightly VACUUM job is what gives the planner statistics.
  const vacuumStartedAt = performance.now();
  await database.exec('vacuum analyze');
  const vacuumMs = elapsed(vacuumStartedAt);
  console.log(
    `Generated ${o.products.toLocaleString('en')} products from ${o.suppliers} suppliers in ${(insertMs / 1000).toFixed(1)} s` +
      ` (${Math.round((o.products * 1000) / insertMs).toLocaleString('en')}/s), vacuum analyze ${(vacuumMs / 1000).toFixed(1)} s`,
  );
};

const header = ['', 'queries', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'q/s'];

const report = (queries: readonly BenchQuery[], ours: number[]) => {
  // Per kind, to see where the time goes.
  const kinds = [...new Set(queries.map((q) => q.kind))].sort();
  console.log(
    `\n${table(
      ['kind', ...header.slice(1)],
      kinds.map((kind) => row(kind, summarize(ours.filter((_, i) => queries[i]!.kind === kind)))),
    )}`,
  );
  const slowest = ours
    .map((t, i) => ({ t, q: queries[i]! }))
    .sort((a, b) => b.t - a.t)
    .slice(0, 5);
  console.log('\nSlowest:');
  for (const { t, q } of slowest)
    console.log(`  ${ms(t).padStart(6)} ms  ${q.kind.padEnd(10)} ${JSON.stringify(q.input)}`);
};

const compare = (ours: number[], baseline: number[]) => {
  const s = summarize(ours.slice(0, baseline.length));
  const b = summarize(baseline);
  const ratio = (x: number, y: number) => `${(x / y).toFixed(1)}×`;
  console.log(
    `\n${table(header, [
      row('searchProducts, same queries', s),
      row('baseline (ILIKE + COUNT(*) + page 1)', b),
      ['baseline / ours', '', ratio(b.p50, s.p50), ratio(b.p95, s.p95), ratio(b.p99, s.p99), '', ''],
    ])}`,
  );
};

export const run = async (args: string[]) => {
  const o = options(args);
  if (o.help) {
    console.log(usage);
    return;
  }
  let database = await openBenchDatabase('search', { reuse: o.reuse });
  if (database.reused) {
    const existing = await countProducts(database.db);
    if (existing !== o.products) {
      console.log(`--reuse: the database holds ${existing.toLocaleString('en')} products; generating afresh`);
      await database.close();
      database = await openBenchDatabase('search', { reuse: false });
    }
  }
  try {
    const db = database.db;
    console.log(`Database: ${database.where}`);
    const now = new Date('2026-01-15T00:00:00Z');
    if (!database.reused) await generate(database, o, now);

    const ctx = makeCtx(db, anonymous, () => now);
    const queries = searchQueryMix(7, o.queries);
    const warmup = searchQueryMix(8, o.warmup);
    for (const { input } of warmup) await searchProducts(ctx, input);

    const startedAt = performance.now();
    const ours = await timeEach(queries, (input) => searchProducts(ctx, input));
    const oursWall = elapsed(startedAt);
    console.log(
      `\n${o.products.toLocaleString('en')} products, ${queries.length} queries (${o.warmup} warm-up), ${(oursWall / 1000).toFixed(1)} s\n`,
    );
    console.log(table(header, [row('searchProducts (search + facets + page 1)', summarize(ours))]));
    report(queries, ours);

    if (o.baseline) {
      const subset = queries.slice(0, o.baselineQueries ?? queries.length);
      console.log(`\nBaseline on ${subset.length} of the ${queries.length} queries…`);
      for (const { input } of warmup.slice(0, 3)) await baselineSearch(db, input);
      compare(ours, await timeEach(subset, (input) => baselineSearch(db, input)));
    }
  } finally {
    await database.close();
  }
};
