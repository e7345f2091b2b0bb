import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw-sql.js';
import type { Harness } from '../harness.js';

/**
 * A digest of every row of every table, one per table: two equal
 * fingerprints mean no refused request wrote anything, anywhere (not only in
 * the tables its route is about). Each is the row count and the sum of the
 * rows' 64-bit hashes, so the physical order of a table (which an UPDATE or a
 * VACUUM may change) does not count, and no table is sorted to be digested.
 */
/**
 * Shared reference data, loaded when the database is prepared
 * (catalog/reference-data.ts, search/glossary.ts): no route writes these,
 * and they hold nine rows in ten of a test database, so digesting them on
 * every row of the matrix would only make it slow.
 */
const referenceTables = new Set(['hs_codes', 'taxonomy_nodes', 'provinces', 'glossary_terms']);

export const fingerprinter = async (h: Harness) => {
  const tables = (
    await queryRows<{ name: string }>(
      h.database.db,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  )
    .map((t) => t.name)
    .filter((name) => !referenceTables.has(name));
  const digests = sql.raw(
    tables
      .map(
        (t) =>
          `(select count(*) || ':' || coalesce(sum(hashtextextended(r::text, 0)), 0) from "${t}" r) as "${t}"`,
      )
      .join(',\n'),
  );
  return async () => (await queryRows<Record<string, string>>(h.database.db, sql`select ${digests}`))[0]!;
};
