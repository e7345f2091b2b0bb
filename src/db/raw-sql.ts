import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * The rows of a raw SQL statement. Both drivers answer `db.execute` with an
 * object holding `rows`; Drizzle types it per driver, so it is read here once.
 */
export const queryRows = async <T>(db: Db, query: SQL): Promise<T[]> =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * `(select …)` of a text list passed as one JSON parameter: any number of
 * values in one placeholder (`column in ${textList(ids)}`).
 */
export const textList = (values: readonly string[]): SQL =>
  sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
