import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../../db/client.js';

/**
 * The driver's own connection under a Drizzle database or transaction: COPY
 * is not something Drizzle speaks. Inside a transaction it is the one
 * connection that transaction runs on, so the rows join it.
 */
const connectionOf = (db: Db): PgliteTransaction | pg.ClientBase =>
  (db as unknown as { session: { client: PgliteTransaction | pg.ClientBase } }).session.client;

const isPglite = (connection: PgliteTransaction | pg.ClientBase): connection is PgliteTransaction =>
  typeof (connection as PgliteTransaction).exec === 'function';

/**
 * Appends rows to `table` with COPY, the bulk path that skips per-statement
 * parsing and planning: on PGlite through its /dev/blob device, on
 * PostgreSQL as COPY FROM STDIN. `text` is COPY's text format: one line per
 * row, fields separated by tabs, `\N` for null. The caller guarantees that no
 * field holds a tab, newline or backslash.
 */
export const copyRows = async (
  db: Db,
  { table, columns, text }: { table: string; columns: readonly string[]; text: string },
) => {
  if (text.length === 0) return;
  const connection = connectionOf(db);
  const target = `${table} (${columns.join(', ')})`;
  if (isPglite(connection)) {
    await connection.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([text]) });
    return;
  }
  await pipeline(Readable.from([text]), connection.query(copyFrom(`copy ${target} from stdin`)));
};
