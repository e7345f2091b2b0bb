import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { prepareDatabase } from './prepare.js';
import { withDatabase } from './test-database.js';

const tables = async (sql: (t: string) => Promise<{ rows: Record<string, unknown>[] }>) =>
  (
    await sql("select table_name from information_schema.tables where table_schema = 'public' order by 1")
  ).rows.map((r) => r.table_name);

const expectMigrated = async (database: Awaited<ReturnType<typeof openDatabase>>) => {
  await prepareDatabase(database);
  const names = await tables((t) => database.sql(t));
  for (const table of ['companies', 'products', 'search_products', 'outbox_events', 'hs_codes', 'api_keys']) {
    expect(names).toContain(table);
  }
  const hs = await database.sql('select count(*)::int as n from hs_codes where level = $1', [6]);
  expect(Number(hs.rows[0]!.n)).toBeGreaterThan(5000);
  // A second run is a no-op: migrations and reference data are idempotent.
  await prepareDatabase(database);
  const all = await database.sql('select count(*)::int as n from hs_codes where code <> $1', ['']);
  expect(Number(all.rows[0]!.n)).toBe(6940);
};

describe('migrations', () => {
  it('apply cleanly to an empty PGlite, twice', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await expectMigrated(database);
    } finally {
      await database.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)('apply cleanly to an empty PostgreSQL database, twice', async () => {
    const url = process.env.DATABASE_URL!;
    const name = `tl_migrate_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const database = await openDatabase({ url: withDatabase(url, name) });
    try {
      await expectMigrated(database);
    } finally {
      await database.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
