import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.js';
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
