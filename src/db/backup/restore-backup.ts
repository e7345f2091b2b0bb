import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../client.js';
import { runMigrations } from '../migrate.js';
import { queryRows } from '../raw-sql.js';
import { BackupReader } from './backup-reader.js';
import {
  dataSchema,
  listSequences,
  listTables,
  quoteIdent,
  shippedMigrations,
  tableSize,
} from './catalog.js';
import { copyIn } from './copy.js';
import { BackupError, type BackupHeader, isSafeFilePath } from './format.js';
import { migrateTo } from './migrate-to.js';

export type RestoreProgress = { done: number; total: number; table: string | null };
export type RestoreSummary = {
  tables: number;
  rows: number;
  files: number;
  migration: string;
  createdAt: string;
};

/** What the target already holds, in words, or null when a restore may replace it without --force. */
const occupant = async (db: Db): Promise<string | null> => {
  const tables = await listTables(db);
  if (tables.length === 0) return null;
  const names = new Set(tables.map((t) => t.name));
  const markers = ['users', 'companies', 'ledger_transfers'];
  if (!markers.every((m) => names.has(m))) return `${tables.length} tables that are not Tradelane's`;
  const [users, companies, transfers] = await Promise.all(markers.map((m) => tableSize(db, m)));
  if (users === 0 && companies === 0 && transfers === 0) return null;
  return `${users} users, ${companies} companies and ${transfers} ledger transfers`;
};

/** Drops Tradelane's schemas (data, migrations, pg-boss) so the restore starts from nothing. */
const wipe = (database: Database) =>
  database.exec(
    `drop schema if exists pgboss cascade; drop schema if exists drizzle cascade;
     drop schema if exists ${dataSchema} cascade; create schema ${dataSchema};`,
  );

/**
 * The backup's tables must be exactly the migrated schema's, column for
 * column. The names used in SQL are then the database's own, never the file's.
 */
const checkSchema = async (tx: Db, header: BackupHeader) => {
  const catalog = await listTables(tx);
  const backup = new Map(header.tables.map((t) => [t.name, JSON.stringify(t.columns)]));
  for (const table of catalog) {
    if (!backup.has(table.name))
      throw new BackupError(`The backup has no table ${table.name}, which its migration creates`);
    if (backup.get(table.name) !== JSON.stringify(table.columns))
      throw new BackupError(
        `Table ${table.name} in the backup does not match migration ${header.migration.tag}`,
      );
  }
  if (backup.size !== catalog.length)
    throw new BackupError(`The backup has tables that migration ${header.migration.tag} does not create`);
  return catalog;
};

/**
 * Lifts what would refuse or disturb a bulk load, inside the load's
 * transaction: foreign keys are dropped (and added back at the end, which
 * checks every row), user triggers disabled (the append-only guards, and any
 * trigger that would derive data twice), and rows a migration seeded are
 * cleared. Returns what puts them back.
 */
const openForLoad = async (tx: Db) => {
  const keys = await queryRows<{ tbl: string; name: string; def: string }>(
    tx,
    sql`select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
        from pg_constraint where contype = 'f' and connamespace = ${dataSchema}::regnamespace`,
  );
  const triggered = await queryRows<{ tbl: string }>(
    tx,
    sql`select distinct tgrelid::regclass::text as tbl from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where not t.tgisinternal and c.relnamespace = ${dataSchema}::regnamespace`,
  );
  for (const k of keys)
    await tx.execute(sql.raw(`alter table ${k.tbl} drop constraint ${quoteIdent(k.name)}`));
  for (const t of triggered) await tx.execute(sql.raw(`alter table ${t.tbl} disable trigger user`));
  for (const t of await listTables(tx))
    if ((await tableSize(tx, t.name)) > 0) await tx.execute(sql.raw(`delete from ${quoteIdent(t.name)}`));
  return async () => {
    for (const k of keys)
      await tx.execute(sql.raw(`alter table ${k.tbl} add constraint ${quoteIdent(k.name)} ${k.def}`));
    for (const t of triggered) await tx.execute(sql.raw(`alter table ${t.tbl} enable trigger user`));
  };
};

const restoreSequences = async (tx: Db, header: BackupHeader) => {
  const known = new Set((await listSequences(tx)).map((s) => s.name));
  for (const s of header.sequences) {
    if (s.value === null || !known.has(s.name)) continue;
    const name = `${quoteIdent(dataSchema)}.${quoteIdent(s.name)}`;
    await tx.execute(sql`select setval(${name}::regclass, ${s.value}::bigint, true)`);
  }
};

const stagedFiles = async (staging: string): Promise<string[]> => {
  const entries = await readdir(staging, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(staging.length + 1));
};

/**
 * Reads a whole backup without loading it: before data is replaced, the file
 * must be complete (its trailer's counts met, gzip's CRC good), or the old
 * data would be gone with nothing whole in its place.
 */
const readThrough = async (file: string) => {
  const { reader } = await BackupReader.open(file);
  try {
    const rows: Record<string, number> = {};
    let files = 0;
    for (;;) {
      const segment = await reader.segment();
      if (segment.t === 'end') {
        const listed = Object.entries(segment.rows).filter(([, n]) => n > 0);
        if (files !== segment.files || listed.some(([table, n]) => rows[table] !== n))
          throw new BackupError(`${file} is damaged: its contents do not add up to its trailer`);
        await reader.finish();
        return;
      }
      await reader.bytes(segment.bytes);
      if (segment.t === 'rows') rows[segment.table] = (rows[segment.table] ?? 0) + segment.rows;
      else files++;
    }
  } finally {
    reader.close();
  }
};

/**
 * Restores a backup into `database` and the data dir's uploads: refused over
 * a database holding data unless `force`; then the schema of the backup's
 * migration, every row in one transaction (checked against the trailer and
 * counted again in the database), the sequences, the uploaded files, and the
 * migrations shipped since.
 */
export const restoreBackup = async (
  database: Database,
  options: { file: string; dataDir: string; force?: boolean; onProgress?: (p: RestoreProgress) => void },
): Promise<RestoreSummary> => {
  const { reader, header } = await BackupReader.open(options.file);
  const staging = join(options.dataDir, `.restore-${process.pid}`);
  try {
    const shipped = shippedMigrations();
    const at = shipped[header.migration.count - 1];
    if (!at || at.when !== header.migration.when)
      throw new BackupError(
        `The backup was made at migration ${header.migration.tag}, which this Tradelane does not ship: restore it with the version that made it, or a newer one`,
      );
    const holds = await occupant(database.db);
    if (holds && !options.force)
      throw new BackupError(`The database is not empty (${holds}): add --force to replace everything in it`);
    if (holds) await readThrough(options.file);
    if (holds || (await listTables(database.db)).length > 0) await wipe(database);
    await migrateTo(database, header.migration.count);

    const loaded: Record<string, number> = {};
    let files = 0;
    await database.db.transaction(async (txDb) => {
      const tx = txDb as unknown as Db;
      const tables = new Map((await checkSchema(tx, header)).map((t) => [t.name, t]));
      const close = await openForLoad(tx);
      for (;;) {
        const segment = await reader.segment();
        if (segment.t === 'end') {
          for (const name of tables.keys()) {
            const expected = segment.rows[name] ?? 0;
            if ((loaded[name] ?? 0) !== expected || (await tableSize(tx, name)) !== expected)
              throw new BackupError(
                `Table ${name}: the backup lists ${expected} rows, ${loaded[name] ?? 0} were read`,
              );
          }
          if (segment.files !== files)
            throw new BackupError(`The backup lists ${segment.files} files, ${files} were read`);
          await reader.finish();
          break;
        }
        const data = await reader.bytes(segment.bytes);
        if (segment.t === 'rows') {
          const table = tables.get(segment.table);
          if (!table) throw new BackupError(`The backup has rows for an unknown table ${segment.table}`);
          await copyIn(tx, `${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')})`, data);
          loaded[table.name] = (loaded[table.name] ?? 0) + segment.rows;
        } else {
          if (!isSafeFilePath(segment.path))
            throw new BackupError(`The backup names an unsafe file path ${segment.path}`);
          await mkdir(dirname(join(staging, segment.path)), { recursive: true });
          await writeFile(join(staging, segment.path), data);
          files++;
        }
        options.onProgress?.({
          done: reader.consumed,
          total: reader.size,
          table: segment.t === 'rows' ? segment.table : null,
        });
      }
      await close();
      await restoreSequences(tx, header);
    });
    // The rows are committed: the files join them, then the schema moves to this version's.
    for (const path of await stagedFiles(staging)) {
      await mkdir(dirname(join(options.dataDir, path)), { recursive: true });
      await rename(join(staging, path), join(options.dataDir, path));
    }
    await runMigrations(database);
    return {
      tables: header.tables.length,
      rows: Object.values(loaded).reduce((a, b) => a + b, 0),
      files,
      migration: header.migration.tag,
      createdAt: header.createdAt,
    };
  } finally {
    reader.close();
    await rm(staging, { recursive: true, force: true });
  }
};
