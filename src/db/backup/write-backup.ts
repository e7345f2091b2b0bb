import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../client.js';
import { queryRows } from '../raw-sql.js';
import { listSequences, listTables, migrationState, quoteIdent, type TableInfo } from './catalog.js';
import { copyOut } from './copy.js';
import {
  BackupError,
  type BackupHeader,
  backupFormat,
  backupVersion,
  countRows,
  segmentLine,
} from './format.js';

/** Pages read per COPY: 16 MiB of table, so memory stays flat and progress moves on big tables. */
const pagesPerChunk = 2048;
const pageBytes = 8192;

export type BackupProgress = { done: number; total: number; table: string };
export type BackupSummary = { tables: number; rows: number; files: number; bytes: number };

/**
 * One table's rows in ctid ranges of `pagesPerChunk` pages (a TID range scan
 * since PostgreSQL 14). The last range is open-ended: every row the snapshot
 * sees lies in a page that existed when the snapshot was taken.
 */
const chunksOf = (table: TableInfo) => {
  const columns = table.columns.map(quoteIdent).join(', ');
  const from = `select ${columns} from ${quoteIdent(table.name)}`;
  if (table.blocks <= pagesPerChunk) return [from];
  const chunks: string[] = [];
  for (let start = 0; start < table.blocks; start += pagesPerChunk) {
    const upper =
      start + pagesPerChunk >= table.blocks ? '' : ` and ctid < '(${start + pagesPerChunk},0)'::tid`;
    chunks.push(`${from} where ctid >= '(${start},0)'::tid${upper}`);
  }
  return chunks;
};

/** Every file under `dir`, as paths relative to `root` with forward slashes. */
const filesUnder = async (root: string, dir: string): Promise<string[]> => {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return filesUnder(root, path);
      return e.isFile() ? [relative(root, path).split(sep).join('/')] : [];
    }),
  );
  return nested.flat().sort();
};

const serverVersion = async (db: Db) =>
  (await queryRows<{ v: string }>(db, sql`select current_setting('server_version') as v`))[0]!.v;

/**
 * Writes the whole database and the uploaded files to `file`, from one
 * consistent snapshot (REPEATABLE READ, READ ONLY: on PostgreSQL the server
 * keeps serving meanwhile). Written to a temporary name and renamed at the
 * end, so `file` is either a complete backup or untouched.
 */
export const writeBackup = async (
  database: Database,
  options: { file: string; dataDir: string; onProgress?: (p: BackupProgress) => void },
): Promise<BackupSummary> => {
  const partial = `${options.file}.partial-${process.pid}`;
  const out = createWriteStream(partial, { mode: 0o600 });
  const gzip = createGzip({ level: 6 });
  gzip.pipe(out);
  const put = async (data: Buffer) => {
    if (!gzip.write(data)) await once(gzip, 'drain');
  };
  const rows: Record<string, number> = {};
  try {
    const tables = await database.db.transaction(
      async (txDb) => {
        const tx = txDb as unknown as Db;
        const migration = await migrationState(tx);
        if (!migration) throw new BackupError('The database has no Tradelane schema: nothing to back up');
        if (!migration.known)
          throw new BackupError(
            'The database was migrated by a newer Tradelane: back it up with that version',
          );
        const tables = await listTables(tx);
        const header: BackupHeader = {
          format: backupFormat,
          version: backupVersion,
          createdAt: new Date().toISOString(),
          engine: database.engine,
          serverVersion: await serverVersion(tx),
          migration: { count: migration.count, tag: migration.tag, when: migration.when },
          tables: tables.map(({ name, columns }) => ({ name, columns })),
          sequences: await listSequences(tx),
        };
        await put(segmentLine(header));
        // Progress in bytes of table pages read; an empty table counts as one page.
        const pages = (t: TableInfo) => Math.max(1, t.blocks);
        const total = tables.reduce((sum, t) => sum + pages(t), 0) * pageBytes;
        let before = 0;
        for (const table of tables) {
          let tableRows = 0;
          let read = 0;
          for (const select of chunksOf(table)) {
            const data = await copyOut(tx, select);
            const n = countRows(data);
            tableRows += n;
            await put(segmentLine({ t: 'rows', table: table.name, rows: n, bytes: data.length }));
            await put(data);
            read = Math.min(read + pagesPerChunk, pages(table));
            options.onProgress?.({ done: (before + read) * pageBytes, total, table: table.name });
          }
          rows[table.name] = tableRows;
          before += pages(table);
        }
        return tables.length;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const files = await filesUnder(options.dataDir, join(options.dataDir, 'uploads'));
    for (const path of files) {
      const data = await readFile(join(options.dataDir, path));
      await put(segmentLine({ t: 'file', path, bytes: data.length }));
      await put(data);
    }
    await put(segmentLine({ t: 'end', rows, files: files.length }));
    gzip.end();
    await finished(out);
    await rename(partial, options.file);
    return {
      tables,
      rows: Object.values(rows).reduce((a, b) => a + b, 0),
      files: files.length,
      bytes: out.bytesWritten,
    };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
};
