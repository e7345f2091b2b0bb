import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { DurableNodeFS, durableStartParams } from './durable-node-fs.js';
import { statementClient } from './pglite-statements.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** Either driver's database, or a transaction on it: use cases take this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Engine = 'pglite' | 'postgres';

/** A raw SQL runner with positional parameters, shared by pg-boss and bulk loaders. */
export type SqlRunner = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export type Database = {
  db: Db;
  engine: Engine;
  sql: SqlRunner;
  /** Runs a script of several statements without parameters (migrations, DDL). */
  exec: (script: string) => Promise<void>;
  close: () => Promise<void>;
  /**
   * PGlite only: calls `onNotify` for each NOTIFY on `channel`, as the
   * notifying transaction commits (the embedded database is this process's
   * own: nothing else writes to it). Resolves to a function that stops it.
   */
  listen?: (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;
  /** PGlite only: the whole data dir as a tarball (test templates, backups). */
  dumpDataDir?: () => Promise<Blob>;
};

export type OpenOptions = {
  /** A PostgreSQL connection string; when absent the embedded database is used. */
  url?: string;
  /** Where PGlite keeps its files; `memory://` keeps them in memory (tests). */
  dataDir?: string;
  /** A PGlite data dir tarball to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
};

export const defaultDataDir = () => resolve(process.env.TRADELANE_DATA_DIR ?? '.tradelane');

export const openDatabase = async (options: OpenOptions = {}): Promise<Database> =>
  options.url ? openPostgres(options.url) : openPglite(options);

const openPostgres = async (url: string): Promise<Database> => {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.TRADELANE_DB_POOL ?? 10) });
  // A failed idle client must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzleNodePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    sql: async (text, values) => pool.query(text, values as unknown[]),
    exec: async (script) => {
      await pool.query(script);
    },
    close: () => pool.end(),
  };
};

/**
 * Prepared statements kept on PGlite: the distinct statement texts the app runs (Drizzle's
 * `in (...)` lists make one per list length) fit with room to spare; the least recently used go.
 */
const pgliteStatementsKept = 1000;

const openPglite = async (options: OpenOptions): Promise<Database> => {
  const dataDir = options.dataDir ?? `${defaultDataDir()}/pgdata`;
  const onDisk = !dataDir.startsWith('memory://');
  if (onDisk) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    // On disk a COMMIT returns once its WAL is flushed (see durable-node-fs.ts): acknowledged money survives a crash.
    ...(onDisk
      ? { fs: new DurableNodeFS(dataDir), startParams: durableStartParams(PGlite.defaultStartParams) }
      : { dataDir }),
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  // Drizzle's queries run as named prepared statements, parsed and planned once (see pglite-statements.ts).
  const statements = statementClient(client, { maxStatements: pgliteStatementsKept });
  const db = drizzlePglite(statements as unknown as PGlite, {
    schema,
    casing: 'snake_case',
  }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    sql: async (text, values) => {
      // PGlite's extended protocol takes one statement; scripts without
      // parameters (pg-boss sends several at once) go through exec.
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      }
      const result = await client.query<Record<string, unknown>>(text, values);
      return { rows: result.rows };
    },
    exec: async (script) => {
      await client.exec(script);
    },
    close: () => client.close(),
    listen: async (channel, onNotify) => {
      const stop = await client.listen(channel, onNotify);
      return () => stop();
    },
    dumpDataDir: async () => (await client.dumpDataDir('gzip')) as Blob,
  };
};
