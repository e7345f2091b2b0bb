import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { bigint, integer, jsonb, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statementClient } from './pglite-statements.js';

const lots = pgTable('lots', {
  id: text().primaryKey(),
  quantity: integer().notNull(),
  amount: bigint({ mode: 'bigint' }).notNull(),
  price: numeric().notNull(),
  tags: text().array().notNull(),
  details: jsonb().$type<{ grade: string }>(),
  closedAt: timestamp({ withTimezone: true, mode: 'date' }),
});

const schema = { lots };
let pg: PGlite;

const open = (maxStatements = 100) =>
  drizzle(statementClient(pg, { maxStatements }) as unknown as PGlite, { schema, casing: 'snake_case' });

/** The named statements PostgreSQL holds for this session. */
const prepared = async () =>
  (await pg.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map(
    (r) => r.statement,
  );

beforeEach(async () => {
  pg = await PGlite.create();
  await pg.exec(`create table lots (
    id text primary key, quantity integer not null, amount bigint not null, price numeric not null,
    tags text[] not null, details jsonb, closed_at timestamptz)`);
});

afterEach(async () => {
  await pg.close();
});

describe('named prepared statements on PGlite', () => {
  it('give Drizzle the same rows as PGlite itself', async () => {
    const db = open();
    const plain = drizzle(pg, { schema, casing: 'snake_case' });
    await db.insert(lots).values([
      {
        id: 'a',
        quantity: 3,
        amount: 9_007_199_254_740_993n,
        price: '12.50',
        tags: ['steel', 'M8 "hex"'],
        details: { grade: 'A2-70' },
        closedAt: new Date('2026-11-02T08:00:00.123Z'),
      },
      { id: 'b', quantity: 1, amount: 5n, price: '0.01', tags: [], details: null, closedAt: null },
    ]);
    const select = (d: typeof db) => d.select().from(lots).orderBy(lots.id);
    expect(await select(db)).toEqual(await select(plain));
    expect((await select(db))[0]).toMatchObject({
      amount: 9_007_199_254_740_993n,
      tags: ['steel', 'M8 "hex"'],
    });
    const raw = sql`select id, closed_at, details from lots where quantity > ${0} order by id`;
    expect((await db.execute(raw)).rows).toEqual((await plain.execute(raw)).rows);
    expect(await db.query.lots.findFirst({ where: eq(lots.id, 'a') })).toEqual(
      await plain.query.lots.findFirst({ where: eq(lots.id, 'a') }),
    );
  });

  it('parse a statement text once, however often it runs', async () => {
    const db = open();
    for (const id of ['a', 'b', 'c']) await db.select().from(lots).where(eq(lots.id, id));
    const selects = (await prepared()).filter((s) => s.startsWith('select'));
    expect(selects).toHaveLength(1);
  });

  it('keep at most maxStatements, closing the least recently used', async () => {
    const db = open(2);
    await db.select({ id: lots.id }).from(lots);
    await db.select({ quantity: lots.quantity }).from(lots);
    await db.select({ price: lots.price }).from(lots);
    await db.select({ tags: lots.tags }).from(lots);
    const kept = await prepared();
    expect(kept).toHaveLength(2);
    expect(kept.join('\n')).toContain('"tags"');
    expect(kept.join('\n')).not.toContain('"id"');
  });

  it('report a failed statement with its code and stay usable', async () => {
    const db = open();
    const lot = { id: 'a', quantity: 1, amount: 1n, price: '1', tags: [] };
    await db.insert(lots).values(lot);
    await expect(db.insert(lots).values(lot)).rejects.toMatchObject({ cause: { code: '23505' } });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(lots).values({ ...lot, id: 'b' });
        await tx.insert(lots).values(lot);
      }),
    ).rejects.toMatchObject({ cause: { code: '23505' } });
    expect((await db.select({ id: lots.id }).from(lots)).map((r) => r.id)).toEqual(['a']);
  });

  it('run a transaction on the statements and commit or roll back as a whole', async () => {
    const db = open();
    await db.transaction(async (tx) => {
      await tx.insert(lots).values({ id: 'a', quantity: 1, amount: 1n, price: '1', tags: [] });
      await tx.update(lots).set({ quantity: 2 }).where(eq(lots.id, 'a'));
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.update(lots).set({ quantity: 9 }).where(eq(lots.id, 'a'));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.select({ quantity: lots.quantity }).from(lots)).toEqual([{ quantity: 2 }]);
  });

  it('prepare a statement again when a table changed under it', async () => {
    const db = open();
    await db.insert(lots).values({ id: 'a', quantity: 1, amount: 1n, price: '1', tags: [] });
    const all = sql`select * from lots`;
    expect(Object.keys((await db.execute(all)).rows[0]!)).not.toContain('origin');
    await pg.exec(`alter table lots add column origin text not null default 'CN'`);
    expect((await db.execute(all)).rows[0]).toMatchObject({ id: 'a', origin: 'CN' });
  });
});
