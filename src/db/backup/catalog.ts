import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { queryRows } from '../raw-sql.js';
import type { SequenceValue, TableHeader } from './format.js';

/** Every object a backup holds lives in this schema; drizzle's own and pg-boss's are rebuilt at start. */
export const dataSchema = 'public';

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export type TableInfo = TableHeader & { blocks: number };

/** The schema's tables with their stored columns (generated ones are computed again on insert) and size in pages. */
export const listTables = async (db: Db): Promise<TableInfo[]> => {
  const rows = await queryRows<{ name: string; columns: string[] | string; blocks: string | number }>(
    db,
    sql`select c.relname as name,
          (select json_agg(a.attname order by a.attnum) from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
          pg_relation_size(c.oid) / current_setting('block_size')::int as blocks
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${dataSchema} and c.relkind = 'r'
        order by c.relname`,
  );
  return rows.map((r) => ({
    name: r.name,
    columns: typeof r.columns === 'string' ? (JSON.parse(r.columns) as string[]) : r.columns,
    blocks: Number(r.blocks),
  }));
};

export const listSequences = async (db: Db): Promise<SequenceValue[]> =>
  (
    await queryRows<{ name: string; value: string | null }>(
      db,
      sql`select sequencename as name, last_value::text as value from pg_sequences
          where schemaname = ${dataSchema} order by sequencename`,
    )
  ).map((r) => ({ name: r.name, value: r.value }));

export const tableSize = async (db: Db, table: string) =>
  Number(
    (
      await queryRows<{ n: string | number }>(db, sql.raw(`select count(*) as n from ${quoteIdent(table)}`))
    )[0]!.n,
  );

type JournalEntry = { idx: number; when: number; tag: string };

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** The migrations this version of Tradelane ships, in order. */
export const shippedMigrations = (): JournalEntry[] =>
  (JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: JournalEntry[] })
    .entries;

/** How far the database is migrated: the drizzle migrations table's last entry, named by the journal. */
export const migrationState = async (db: Db) => {
  // Looked up first: a failed query would abort the caller's transaction on PostgreSQL.
  const [table] = await queryRows<{ found: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`,
  );
  if (!table?.found) return null;
  const [row] = await queryRows<{ last: string | number | null }>(
    db,
    sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
  );
  if (!row || row.last === null) return null;
  const when = Number(row.last);
  const shipped = shippedMigrations();
  const at = shipped.findIndex((m) => m.when === when);
  return { count: at + 1, tag: at === -1 ? 'unknown' : shipped[at]!.tag, when, known: at !== -1 };
};
