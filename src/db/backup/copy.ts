import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Db } from '../client.js';

/** The driver connection under a Drizzle transaction: COPY is not something Drizzle speaks. */
const connectionOf = (tx: Db): PgliteTransaction | pg.ClientBase =>
  (tx as unknown as { session: { client: PgliteTransaction | pg.ClientBase } }).session.client;

const isPglite = (connection: PgliteTransaction | pg.ClientBase): connection is PgliteTransaction =>
  typeof (connection as PgliteTransaction).exec === 'function';

/** The rows of `select` in COPY text format: PGlite through its /dev/blob device, PostgreSQL as COPY TO STDOUT. */
export const copyOut = async (tx: Db, select: string): Promise<Buffer> => {
  const connection = connectionOf(tx);
  if (isPglite(connection)) {
    const result = await connection.query(`copy (${select}) to '/dev/blob'`);
    return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
  }
  const parts: Buffer[] = [];
  const stream = connection.query(copyTo(`copy (${select}) to stdout`));
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
};

/** Appends COPY text-format rows to `target` (`"table" ("a", "b")`) in the transaction. */
export const copyIn = async (tx: Db, target: string, data: Buffer): Promise<void> => {
  if (data.length === 0) return;
  const connection = connectionOf(tx);
  if (isPglite(connection)) {
    await connection.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([data]) });
    return;
  }
  await pipeline(Readable.from([data]), connection.query(copyFrom(`copy ${target} from stdin`)));
};
