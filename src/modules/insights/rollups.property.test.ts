import { type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw-sql.js';
import { useHarness } from '../../test/harness.js';
import { recordFact, type TradeFact } from './facts.js';
import { applyFactsToRollups, lastFactSeq, rebuildRollups } from './rollups.js';
import { tradeFacts } from './schema.js';

const h = useHarness();
const db = () => h.database.db;

// Small pools so that groups collide: the same buyer on many days, in several
// provinces and even under two buyer countries; '' is a supplier outside China.
const taxonomyPairs = [
  ['home-appliances', 'home-appliances/water-heaters'],
  ['home-appliances', 'home-appliances/kitchen-small-appliances'],
  ['machinery', 'machinery/pumps'],
] as const;
// Mostly a few days around month ends, so that facts meet in the same day and month; now and then any day.
const day = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('2020-01-31', '2020-02-01', '2020-02-29', '2021-02-28', '2021-03-01'),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 730 }) // 2020-01-01 … 2021-12-31
      .map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10)),
  },
);
const fact = fc.record({
  paidOn: day,
  supplierProvince: fc.constantFrom('440000', '330000', ''),
  taxonomy: fc.constantFrom(...taxonomyPairs),
  supplierId: fc.constantFrom('sup-1', 'sup-2', 'sup-3'),
  buyerId: fc.constantFrom('buy-1', 'buy-2', 'buy-3', 'buy-4'),
  buyerCountry: fc.constantFrom('DE', 'US', 'BR'),
  amount: fc.bigInt({ min: 1n, max: 5_000_000n }),
  refund: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
type Generated = typeof fact extends fc.Arbitrary<infer T> ? T : never;

const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('one' as const), fact }) },
  // A bulk insert folded in as one range, or split in two at `split`.
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('bulk' as const),
      facts: fc.array(fact, { minLength: 1, maxLength: 8 }),
      split: fc.nat(8),
    }),
  },
  // Recording an already recorded fact again (same key) changes nothing.
  { weight: 1, arbitrary: fc.record({ t: fc.constant('repeat' as const), which: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('rebuild' as const) }) },
);

let keys = 0;
const toFact = (g: Generated): Omit<TradeFact, 'seq'> => {
  const key = `prop:${++keys}`;
  return {
    factKey: key,
    orderId: key,
    paidOn: g.paidOn,
    supplierId: g.supplierId,
    supplierProvince: g.supplierProvince,
    industry: g.taxonomy[0],
    category: g.taxonomy[1],
    buyerId: g.buyerId,
    buyerCountry: g.buyerCountry,
    amountUsd: g.refund ? -g.amount : g.amount,
    orders: g.refund ? 0 : 1,
  };
};

/** Every row of a query as text, sorted: compares on both engines whatever the drivers return. */
const rowsOf = async (query: SQL) =>
  (await queryRows<Record<string, string>>(db(), query)).map((r) => JSON.stringify(r)).sort();

const rollupsEqualRecomputation = async () => {
  expect(
    await rowsOf(sql`select day::text, province, industry, category, buyer_country,
                            gmv_usd::text, orders::text from trade_daily`),
  ).toEqual(
    await rowsOf(sql`select paid_on::text as day, supplier_province as province, industry, category, buyer_country,
                            sum(amount_usd)::text as gmv_usd, sum(orders)::text as orders
                       from trade_facts group by 1, 2, 3, 4, 5`),
  );
  expect(
    await rowsOf(sql`select month::text, province, industry, category, buyer_country,
                            gmv_usd::text, orders::text from trade_monthly`),
  ).toEqual(
    await rowsOf(sql`select date_trunc('month', paid_on)::date::text as month, supplier_province as province,
                            industry, category, buyer_country,
                            sum(amount_usd)::text as gmv_usd, sum(orders)::text as orders
                       from trade_facts group by 1, 2, 3, 4, 5`),
  );
  expect(
    await rowsOf(
      sql`select month::text, province, industry, supplier_id, gmv_usd::text from trade_supplier_months`,
    ),
  ).toEqual(
    await rowsOf(sql`select date_trunc('month', paid_on)::date::text as month, supplier_province as province,
                            industry, supplier_id, sum(amount_usd)::text as gmv_usd
                       from trade_facts group by 1, 2, 3, 4`),
  );
  // Buyer sets count paid orders only: a refund does not make anyone a buyer.
  expect(await rowsOf(sql`select month::text, buyer_country, buyer_id from trade_buyer_months`)).toEqual(
    await rowsOf(sql`select date_trunc('month', paid_on)::date::text as month, buyer_country, buyer_id
                       from trade_facts where orders > 0 group by 1, 2, 3`),
  );
};

describe('trade rollups', () => {
  it('equal a GROUP BY over the raw facts after any mix of facts, refunds, bulk folds and rebuilds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        await db().execute(
          sql`truncate trade_facts, trade_daily, trade_monthly, trade_supplier_months, trade_buyer_months`,
        );
        const recorded: Omit<TradeFact, 'seq'>[] = [];
        for (const o of ops) {
          if (o.t === 'one') {
            const f = toFact(o.fact);
            expect(await recordFact(db(), f)).toBe(true);
            recorded.push(f);
          } else if (o.t === 'bulk') {
            const facts = o.facts.map(toFact);
            const before = await lastFactSeq(db());
            await db().insert(tradeFacts).values(facts);
            const upTo = await lastFactSeq(db());
            const split = Math.min(before + o.split, upTo);
            await applyFactsToRollups(db(), { after: before, upTo: split });
            await applyFactsToRollups(db(), { after: split, upTo });
            recorded.push(...facts);
          } else if (o.t === 'repeat') {
            if (recorded.length > 0)
              expect(await recordFact(db(), recorded[o.which % recorded.length]!)).toBe(false);
          } else await rebuildRollups(db());
        }
        await rollupsEqualRecomputation();
        // And a rebuild at the end changes nothing.
        await rebuildRollups(db());
        await rollupsEqualRecomputation();
      }),
      { numRuns: 20 },
    );
  });
});
