import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { readCsv } from '../src/core/csv.js';
import { dataFile } from '../src/core/paths.js';
import type { Database, Db } from '../src/db/client.js';
import { queryRows } from '../src/db/raw-sql.js';
import { type Random, seededRandom } from '../src/demo/random.js';
import { matchRfq, rankCandidates } from '../src/modules/sourcing/index.js';
import type { CandidateFacts } from '../src/modules/sourcing/matching.js';
import { countProducts, openBenchDatabase } from './database.js';
import { generateCatalog } from './generate-products.js';
import { elapsed, ms, type Summary, summarize, table } from './stats.js';

const usage = `npm run bench -- matching [options]

  --suppliers N         supplier companies (default 10000)
  --products N          products spread over them (default 1000000)
  --batch N             products per insert round trip (default 5000)
  --rfqs N              RFQs to match (default 100)
  --baseline-rfqs N     RFQs the naive baseline scores (default 10; it scans everything)
  --reuse               keep the generated catalog of a previous run (bench/.data/matching)

Times matchRfq (candidates from the search index, capacity, response rates,
tiers, past deals, scoring) per RFQ against a naive matcher that scans every
listing of every supplier and scores all suppliers, in the same run.`;

const options = (args: string[]) => {
  const { values } = parseArgs({
    args,
    options: {
      suppliers: { type: 'string', default: '10000' },
      products: { type: 'string', default: '1000000' },
      batch: { type: 'string', default: '5000' },
      rfqs: { type: 'string', default: '100' },
      'baseline-rfqs': { type: 'string', default: '10' },
      reuse: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const int = (name: 'suppliers' | 'products' | 'batch' | 'rfqs' | 'baseline-rfqs') => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  return {
    help: values.help,
    reuse: values.reuse,
    suppliers: int('suppliers'),
    products: int('products'),
    batch: int('batch'),
    rfqs: int('rfqs'),
    baselineRfqs: int('baseline-rfqs'),
  };
};

type Rfq = Parameters<typeof matchRfq>[1];

/** RFQs as buyers write them: a product noun of the demo catalog in en, es (plural) or zh, with a quantity. */
const rfqMix = (random: Random, count: number): Rfq[] => {
  const nouns = readCsv<Record<string, string>>(dataFile('demo/products.csv'));
  return Array.from({ length: count }, () => {
    const noun = random.pick(nouns);
    const language = random.pick(['en', 'es', 'zh'] as const);
    const text = language === 'en' ? noun.noun_en! : language === 'es' ? `${noun.noun_es}s` : noun.noun_zh!;
    const subcategory = noun.subcategory!;
    // Some RFQs name only the category: matching must widen to its sub-categories.
    const categoryCode = random.chance(0.3) ? subcategory.split('/').slice(0, 2).join('/') : subcategory;
    return {
      title: text,
      description: '',
      language,
      industryCode: subcategory.split('/')[0]!,
      categoryCode,
      quantity: random.int(Number(noun.moq_min), Number(noun.moq_max) * 2),
      destinationCountry: random.pick(['US', 'DE', 'ES', 'BR', 'MX', 'GB', 'FR', 'AE', 'NG', 'AU']),
      inviteLimit: 20,
    };
  });
};

/** Activity that matching reads: inquiries (response rates) and accepted quotes (past deals), bulk-made in SQL. */
const generateActivity = async (db: Db, supplierIds: readonly string[], now: Date) => {
  const ids = JSON.stringify(supplierIds);
  await db.execute(sql`
    insert into inquiries (company_id, id, supplier_id, subject, created_by, created_at, first_response_at, last_message_at)
    select 'co_bench_buyer', 'inq_bench_' || g, (${ids}::jsonb)->>(g % ${supplierIds.length}), 'Price please', 'usr_bench',
      ${now.toISOString()}::timestamptz - make_interval(hours => (g * 7) % 700),
      case when g % 5 = 0 then null
        else ${now.toISOString()}::timestamptz - make_interval(hours => (g * 7) % 700) + make_interval(hours => g % 40) end,
      ${now.toISOString()}::timestamptz
    from generate_series(1, ${supplierIds.length * 5}) g`);
  await db.execute(sql`
    insert into rfqs (company_id, id, status, title, industry_code, category_code, quantity, unit, currency,
      destination_country, transport_mode, incoterm, deadline, created_by, created_at, updated_at)
    select 'co_bench_buyer', 'rfq_bench_' || g, 'awarded', 'Past deal', 'machinery', 'machinery/pumps', 100, 'piece', 'USD',
      (array['US','DE','ES','BR','MX','GB','FR','AE','NG','AU','JP','IN'])[1 + g % 12], 'sea', 'FOB',
      ${now.toISOString()}::timestamptz, 'usr_bench', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from generate_series(1, ${supplierIds.length}) g`);
  await db.execute(sql`
    insert into quotes (company_id, id, rfq_id, buyer_id, status, current_version, created_by, created_at, updated_at)
    select (${ids}::jsonb)->>((g * 13) % ${supplierIds.length}), 'quo_bench_' || g, 'rfq_bench_' || g, 'co_bench_buyer',
      'accepted', 1, 'usr_bench', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from generate_series(1, ${supplierIds.length}) g`);
};

/**
 * The matcher a first version would write: every listing of every supplier
 * read and scored, text by ILIKE on the three titles, no index narrowing; then
 * every supplier's facts through the same scoring as ours.
 */
const naiveMatch = async (db: Db, rfq: Rfq) => {
  const [industry, category] = rfq.categoryCode.split('/');
  const words = rfq.title.toLowerCase().split(/\s+/).filter(Boolean);
  const found = await queryRows<{
    company_id: string;
    level: number;
    min_moq: number;
    listings: number;
    text_hits: number;
    capacity: number | null;
    verification_level: string;
  }>(
    db,
    sql`select p.company_id,
        max(case when p.category_code = ${rfq.categoryCode} then 3
          when p.category_code like ${`${industry}/${category}/%`} or p.category_code = ${`${industry}/${category}`} then 2
          when p.category_code like ${`${industry}/%`} then 1 else 0 end) as level,
        min(p.moq) as min_moq, count(*)::int as listings,
        count(*) filter (where concat_ws(' ', p.title_en, p.title_zh, p.title_es) ilike any(
          array(select '%' || w || '%' from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) w)))::int as text_hits,
        sum(p.monthly_capacity) as capacity, max(c.verification_level) as verification_level
      from products p join companies c on c.id = p.company_id
      where p.status = 'active'
      group by p.company_id`,
  );
  const rates = await queryRows<{ supplier_id: string; rate: number }>(
    db,
    sql`select supplier_id, avg(case when first_response_at <= created_at + interval '24 hours' then 1.0 else 0 end) as rate
      from inquiries group by supplier_id`,
  );
  const rateOf = new Map(rates.map((r) => [r.supplier_id, Number(r.rate)]));
  const facts: CandidateFacts[] = found
    .filter((r) => Number(r.level) > 0)
    .map((r) => ({
      companyId: r.company_id,
      categoryLevel: Number(r.level) as 1 | 2 | 3,
      textRank: Number(r.text_hits) / Number(r.listings),
      minMoq: Number(r.min_moq),
      listings: Number(r.listings),
      supplierQuality: 0,
      verificationLevel: r.verification_level,
      monthlyCapacity: r.capacity === null ? null : Number(r.capacity),
      responseRate: rateOf.get(r.company_id) ?? null,
      tierBoost: 0,
      dealsToCountry: 0,
      dealsToRegion: 0,
    }));
  return rankCandidates(facts, rfq, rfq.inviteLimit);
};

const generate = async (database: Database, o: ReturnType<typeof options>, now: Date) => {
  const { db } = database;
  const random = seededRandom(20210709);
  const startedAt = performance.now();
  const suppliers = await generateCatalog(db, {
    random,
    suppliers: o.suppliers,
    products: o.products,
    batch: o.batch,
    now,
  });
  await generateActivity(
    db,
    suppliers.map((s) => s.card.id),
    now,
  );
  await database.exec('vacuum analyze');
  console.log(
    `Generated ${o.suppliers.toLocaleString('en')} suppliers, ${o.products.toLocaleString('en')} products and their activity in ${(elapsed(startedAt) / 1000).toFixed(1)} s`,
  );
};

const timeEach = async (rfqs: readonly Rfq[], run: (rfq: Rfq) => Promise<unknown[]>) => {
  const latencies: number[] = [];
  const invited: number[] = [];
  for (const rfq of rfqs) {
    const startedAt = performance.now();
    invited.push((await run(rfq)).length);
    latencies.push(elapsed(startedAt));
  }
  return { latencies, invited };
};

const header = ['', 'RFQs', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'RFQs/s'];
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
  let database = await openBenchDatabase('matching', { reuse: o.reuse });
  if (database.reused && (await countProducts(database.db)) !== o.products) {
    console.log('--reuse: the kept database has another size; generating afresh');
    await database.close();
    database = await openBenchDatabase('matching', { reuse: false });
  }
  try {
    console.log(`Database: ${database.where}`);
    const now = new Date('2026-01-15T00:00:00Z');
    if (!database.reused) await generate(database, o, now);
    const random = seededRandom(7);
    const rfqs = rfqMix(random, o.rfqs);
    for (const rfq of rfqMix(seededRandom(8), 5)) await matchRfq(database.db, rfq, now);

    const ours = await timeEach(rfqs, (rfq) => matchRfq(database.db, rfq, now));
    const invitedAvg = ours.invited.reduce((a, b) => a + b, 0) / ours.invited.length;
    console.log(
      `\n${o.suppliers.toLocaleString('en')} suppliers, ${o.products.toLocaleString('en')} products; ${rfqs.length} RFQs, ${invitedAvg.toFixed(1)} invited on average\n`,
    );
    console.log(table(header, [row('matchRfq', summarize(ours.latencies))]));

    const subset = rfqs.slice(0, o.baselineRfqs);
    console.log(`\nNaive baseline on ${subset.length} of the ${rfqs.length} RFQs…`);
    const naive = await timeEach(subset, (rfq) => naiveMatch(database.db, rfq));
    const s = summarize(ours.latencies.slice(0, subset.length));
    const b = summarize(naive.latencies);
    const ratio = (x: number, y: number) => `${(x / y).toFixed(1)}×`;
    console.log(
      `\n${table(header, [
        row('matchRfq, same RFQs', s),
        row('baseline (scan and score every supplier)', b),
        ['baseline / ours', '', ratio(b.p50, s.p50), ratio(b.p95, s.p95), ratio(b.p99, s.p99), '', ''],
      ])}`,
    );
  } finally {
    await database.close();
  }
};
