import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw-sql.js';
import { useHarness } from '../../test/harness.js';
import { saveRates } from '../fx/index.js';
import { importActivity, recordActivity } from './activity.js';
import { importTransactions } from './import-transactions.js';
import { rebuildRollups } from './rollups.js';

const h = useHarness();
const dir = mkdtempSync(join(tmpdir(), 'tradelane-insights-import-'));
let files = 0;

/** Writes the lines to a fresh CSV file and returns a stream of it. */
const csv = (...lines: string[]) => {
  const file = join(dir, `file-${++files}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return createReadStream(file);
};

const rows = (query: SQL) => queryRows<Record<string, string | number>>(h.database.db, query);

const header =
  'order_id,paid_at,supplier_id,supplier_province,industry,category,buyer_id,buyer_country,amount,currency';
const good = [
  header,
  'T-1,2021-03-15,sup-a,440000,home-appliances,home-appliances/water-heaters,buy-a,DE,1250.50,USD',
  // EUR at 2021-03-15's rate (1.20): 100.00 EUR = 120.00 USD.
  'T-2,2021-03-15T10:20:00Z,sup-b,330000,machinery,machinery/pumps,buy-b,US,100.00,EUR',
  // A refund: a negative fact that is no order.
  'T-3,2021-03-16,sup-a,440000,home-appliances,home-appliances/water-heaters,buy-a,DE,-50.25,USD',
  // No rate on the 17th: the latest before it (the 16th, 1.25) applies: 80.00 EUR = 100.00 USD.
  'T-4,2021-03-17,sup-b,330000,machinery,machinery/pumps,buy-c,BR,80.00,EUR',
];

beforeAll(async () => {
  await saveRates(
    h.database.db,
    [
      { currency: 'EUR', day: '2021-03-15', usdPerUnit: '1.20' },
      { currency: 'EUR', day: '2021-03-16', usdPerUnit: '1.25' },
    ],
    'test',
  );
});

beforeEach(async () => {
  await h.database.db.execute(
    sql`truncate trade_facts, trade_daily, trade_monthly, trade_supplier_months, trade_buyer_months,
                 buyer_activity, activity_daily, active_buyers_daily`,
  );
});

const factCount = async () => (await rows(sql`select count(*)::int as n from trade_facts`))[0]!.n;

describe('importing transactions', () => {
  it('imports every row of a good file in USD at the rate of its day, and the rollups follow', async () => {
    expect(await importTransactions(h.database.db, { source: csv(...good) })).toEqual({
      imported: 4,
      alreadyImported: 0,
      problems: [],
    });
    expect(
      await rows(sql`select order_id, paid_on::text, supplier_province, category, buyer_country,
                            amount_usd::text, orders from trade_facts order by order_id`),
    ).toEqual([
      {
        order_id: 'T-1',
        paid_on: '2021-03-15',
        supplier_province: '440000',
        category: 'home-appliances/water-heaters',
        buyer_country: 'DE',
        amount_usd: '125050',
        orders: 1,
      },
      expect.objectContaining({ order_id: 'T-2', paid_on: '2021-03-15', amount_usd: '12000', orders: 1 }),
      expect.objectContaining({ order_id: 'T-3', paid_on: '2021-03-16', amount_usd: '-5025', orders: 0 }),
      expect.objectContaining({ order_id: 'T-4', paid_on: '2021-03-17', amount_usd: '10000', orders: 1 }),
    ]);
    expect(
      await rows(
        sql`select day::text, province, gmv_usd::text, orders from trade_daily order by day, province`,
      ),
    ).toEqual([
      { day: '2021-03-15', province: '330000', gmv_usd: '12000', orders: 1 },
      { day: '2021-03-15', province: '440000', gmv_usd: '125050', orders: 1 },
      { day: '2021-03-16', province: '440000', gmv_usd: '-5025', orders: 0 },
      { day: '2021-03-17', province: '330000', gmv_usd: '10000', orders: 1 },
    ]);
    expect(
      await rows(sql`select province, sum(gmv_usd)::text as gmv_usd, sum(orders)::int as orders
                       from trade_monthly where month = '2021-03-01' group by province order by province`),
    ).toEqual([
      { province: '330000', gmv_usd: '22000', orders: 2 },
      { province: '440000', gmv_usd: '120025', orders: 1 },
    ]);
    expect(await rows(sql`select buyer_id, buyer_country from trade_buyer_months order by buyer_id`)).toEqual(
      [
        { buyer_id: 'buy-a', buyer_country: 'DE' },
        { buyer_id: 'buy-b', buyer_country: 'US' },
        { buyer_id: 'buy-c', buyer_country: 'BR' },
      ],
    );
  });

  it('imports the same file a second time as nothing new', async () => {
    await importTransactions(h.database.db, { source: csv(...good) });
    expect(await importTransactions(h.database.db, { source: csv(...good) })).toEqual({
      imported: 0,
      alreadyImported: 4,
      problems: [],
    });
    expect(await factCount()).toBe(4);
    // Not counted twice.
    expect(
      (await rows(sql`select sum(gmv_usd)::text as gmv, sum(orders)::int as orders from trade_daily`))[0],
    ).toEqual({ gmv: '142025', orders: 3 });
  });

  it('imports nothing from a file with problems, and names the line and column of each', async () => {
    const result = await importTransactions(h.database.db, {
      source: csv(
        header,
        good[1]!,
        'T-5,2021-03-15,sup-a,999999,home-appliances,home-appliances/water-heaters,buy-a,DE,10.00,USD',
        good[2]!,
        'T-6,2021-03-15,sup-a,440000,home-appliances,home-appliances/water-heaters,buy-a,DE,12.345,USD',
      ),
    });
    expect(result).toEqual({
      imported: 0,
      alreadyImported: 0,
      problems: [
        { line: 3, column: 'supplier_province', message: expect.stringContaining('"999999"') },
        { line: 5, column: 'amount', message: expect.stringContaining('"12.345"') },
      ],
    });
    expect(await factCount()).toBe(0);
    expect((await rows(sql`select count(*)::int as n from trade_daily`))[0]!.n).toBe(0);
  });

  it('reports an order_id that appears twice in the file', async () => {
    const result = await importTransactions(h.database.db, {
      source: csv(header, good[1]!, good[2]!, good[1]!),
    });
    expect(result.problems).toEqual([
      { line: 4, column: 'order_id', message: 'order_id T-1 appears twice in the file' },
    ]);
    expect(result.imported).toBe(0);
    expect(await factCount()).toBe(0);
  });

  it('reports a row with a field too few or too many as a problem of its line', async () => {
    const result = await importTransactions(h.database.db, {
      source: csv(header, good[1]!, good[2]!.replace(',EUR', ''), `${good[4]!},extra`),
    });
    expect(result).toEqual({
      imported: 0,
      alreadyImported: 0,
      problems: [
        { line: 3, column: null, message: '9 fields where the header has 10' },
        { line: 4, column: null, message: '11 fields where the header has 10' },
      ],
    });
    expect(await factCount()).toBe(0);
  });

  it('refuses a file whose header is not exactly the expected columns', async () => {
    const reordered =
      'paid_at,order_id,supplier_id,supplier_province,industry,category,buyer_id,buyer_country,amount,currency';
    await expect(
      importTransactions(h.database.db, { source: csv(reordered, good[1]!) }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining(header) });
    await expect(
      importTransactions(h.database.db, { source: csv(header.replace(',currency', ''), good[1]!) }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await factCount()).toBe(0);
  });

  it('refuses an amount in a currency without a rate by its day, naming the row', async () => {
    // The shipped rates begin on 2020-01-01.
    const result = await importTransactions(h.database.db, {
      source: csv(
        header,
        good[1]!,
        'T-7,2019-12-31,sup-b,330000,machinery,machinery/pumps,buy-b,US,100.00,EUR',
      ),
    });
    expect(result).toEqual({
      imported: 0,
      alreadyImported: 0,
      problems: [{ line: 3, column: 'currency', message: 'No EUR exchange rate on or before 2019-12-31' }],
    });
    expect(await factCount()).toBe(0);
  });
});

const activityRollups = async () => ({
  daily: await rows(sql`select day::text, category, kind, events, buyers from activity_daily
                         order by day, category, kind`),
  active: await rows(sql`select day::text, category, buyers from active_buyers_daily order by day, category`),
});

describe('importing buyer activity', () => {
  const WH = 'home-appliances/water-heaters';
  const PU = 'machinery/pumps';

  it('rolls events up to their category and counts distinct buyers per day exactly', async () => {
    const first = await importActivity(h.database.db, {
      source: csv(
        'day,buyer_id,category,kind',
        `2021-03-10,b1,${WH}/electric-water-heaters,search`,
        `2021-03-10,b1,${WH},search`,
        `2021-03-10,b2,${WH},view`,
        `2021-03-10,b1,${WH},rfq`,
        `2021-03-11,b1,${WH},search`,
        `2021-03-10,b3,${PU}/water-pumps,search`,
      ),
    });
    expect(first).toEqual({ imported: 6, problems: [] });
    expect(await activityRollups()).toEqual({
      daily: [
        // b1 searched twice (once in a subcategory): two events, one buyer.
        { day: '2021-03-10', category: WH, kind: 'rfq', events: 1, buyers: 1 },
        { day: '2021-03-10', category: WH, kind: 'search', events: 2, buyers: 1 },
        { day: '2021-03-10', category: WH, kind: 'view', events: 1, buyers: 1 },
        { day: '2021-03-10', category: PU, kind: 'search', events: 1, buyers: 1 },
        { day: '2021-03-11', category: WH, kind: 'search', events: 1, buyers: 1 },
      ],
      active: [
        // b1 and b2, whatever they did and however often.
        { day: '2021-03-10', category: WH, buyers: 2 },
        { day: '2021-03-10', category: PU, buyers: 1 },
        { day: '2021-03-11', category: WH, buyers: 1 },
      ],
    });

    // A second file on the same day: b2 again (a new kind for them) and a new buyer b4.
    const second = await importActivity(h.database.db, {
      source: csv('day,buyer_id,category,kind', `2021-03-10,b2,${WH},search`, `2021-03-10,b4,${WH},search`),
    });
    expect(second).toEqual({ imported: 2, problems: [] });
    // Recorded live: b1 is already active on the 11th, b5 is not.
    await recordActivity(h.database.db, {
      at: new Date('2021-03-11T09:00:00Z'),
      buyerId: 'b1',
      taxonomyCode: WH,
      kind: 'view',
    });
    await recordActivity(h.database.db, {
      at: new Date('2021-03-11T10:00:00Z'),
      buyerId: 'b5',
      taxonomyCode: WH,
      kind: 'search',
    });
    await recordActivity(h.database.db, {
      at: new Date('2021-03-11T11:00:00Z'),
      buyerId: 'b5',
      taxonomyCode: WH,
      kind: 'search',
    });

    const after = await activityRollups();
    expect(after.daily).toContainEqual({
      day: '2021-03-10',
      category: WH,
      kind: 'search',
      events: 4,
      buyers: 3,
    });
    expect(after.daily).toContainEqual({
      day: '2021-03-11',
      category: WH,
      kind: 'search',
      events: 3,
      buyers: 2,
    });
    expect(after.daily).toContainEqual({
      day: '2021-03-11',
      category: WH,
      kind: 'view',
      events: 1,
      buyers: 1,
    });
    expect(after.active).toEqual([
      { day: '2021-03-10', category: WH, buyers: 3 }, // b1, b2, b4
      { day: '2021-03-10', category: PU, buyers: 1 },
      { day: '2021-03-11', category: WH, buyers: 2 }, // b1, b5
    ]);
    // Exactly what a rebuild from the raw events gives.
    await rebuildRollups(h.database.db);
    expect(await activityRollups()).toEqual(after);
  });

  it('imports nothing from a file with problems, naming line and column', async () => {
    const result = await importActivity(h.database.db, {
      source: csv(
        'day,buyer_id,category,kind',
        `2021-03-10,b1,${WH},search`,
        `2021-03-10,b1,no-such-category,search`,
        `2021-03-10,b1,${WH},like`,
        `2021-02-30,b1,${WH},search`,
      ),
    });
    expect(result).toEqual({
      imported: 0,
      problems: [
        { line: 3, column: 'category', message: expect.stringContaining('no-such-category') },
        { line: 4, column: 'kind', message: expect.stringContaining('"like"') },
        { line: 5, column: 'day', message: expect.stringContaining('2021-02-30') },
      ],
    });
    expect((await rows(sql`select count(*)::int as n from buyer_activity`))[0]!.n).toBe(0);
  });

  it('reports a day that is not in the calendar as a problem, not a database error', async () => {
    const result = await importActivity(h.database.db, {
      source: csv('day,buyer_id,category,kind', `2021-03-10,b1,${WH},search`, `2021-02-30,b1,${WH},search`),
    });
    expect(result).toEqual({
      imported: 0,
      problems: [{ line: 3, column: 'day', message: '"2021-02-30" is not an ISO date' }],
    });
  });

  it('refuses a file whose header is not exactly day,buyer_id,category,kind', async () => {
    await expect(
      importActivity(h.database.db, { source: csv('day,buyer,category,kind', `2021-03-10,b1,${WH},search`) }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
