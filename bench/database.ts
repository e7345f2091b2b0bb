import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, type Db, openDatabase } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';

/** Where benchmarks keep their embedded databases (git-ignored). */
export const benchDataDir = (name: string) => fileURLToPath(new URL(`./.data/${name}`, import.meta.url));

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

const admin = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/**
 * The benchmark's database: with `reuse`, the PGlite one a previous run left
 * in bench/.data/NAME (`reused` tells whether there was one), else a fresh one.
 */
export const openBenchDatabase = async (
  name: string,
  { reuse }: { reuse: boolean },
): Promise<Database & { where: string; reused: boolean }> => {
  const dataDir = benchDataDir(name);
  if (!reuse || process.env.DATABASE_URL || !existsSync(dataDir))
    return { ...(await openFreshDatabase(name)), reused: false };
  const database = await openDatabase({ dataDir });
  await prepareDatabase(database);
  return { ...database, where: `PGlite in ${dataDir} (reused)`, reused: true };
};

export const countProducts = async (db: Db): Promise<number> => {
  const result = (await db.execute(sql`select count(*)::int as n from products`)) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]?.n ?? 0);
};

/**
 * A fresh, migrated database with the reference data: PostgreSQL when
 * DATABASE_URL is set (a new database, dropped on close), otherwise PGlite in
 * bench/.data/NAME, deleted first so every run starts from nothing.
 */
export const openFreshDatabase = async (name: string): Promise<Database & { where: string }> => {
  const url = process.env.DATABASE_URL;
  let database: Database;
  let where: string;
  if (url) {
    const dbName = `tl_bench_${name}_${randomBytes(4).toString('hex')}`;
    await admin(url, (c) => c.query(`CREATE DATABASE ${dbName}`));
    const opened = await openDatabase({ url: withDatabase(url, dbName) });
    where = `PostgreSQL database ${dbName} (dropped at the end)`;
    database = {
      ...opened,
      close: async () => {
        await opened.close();
        await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
      },
    };
  } else {
    const dataDir = benchDataDir(name);
    rmSync(dataDir, { recursive: true, force: true });
    database = await openDatabase({ dataDir });
    where = `PGlite in ${dataDir}`;
  }
  await prepareDatabase(database);
  return { ...database, where };
};

/**
 * An empty database on DATABASE_URL's server for a server process the
 * benchmark starts (it migrates it itself); `drop` removes it.
 */
export const createScratchDatabase = async (serverUrl: string, name: string) => {
  const dbName = `tl_bench_${name}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${dbName}`));
  return {
    url: withDatabase(serverUrl, dbName),
    where: `PostgreSQL database ${dbName} (dropped at the end)`,
    drop: () => admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)),
  };
};
