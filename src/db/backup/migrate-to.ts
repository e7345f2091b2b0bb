import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from '../client.js';
import { migrationsFolder, shippedMigrations } from './catalog.js';

/**
 * Applies the first `count` shipped migrations only: the schema a backup's
 * rows were written in. The later ones run after the rows are in, as they
 * would have on the original database, so their data changes apply too.
 */
export const migrateTo = async (database: Database, count: number) => {
  const entries = shippedMigrations().slice(0, count);
  const folder = mkdtempSync(join(tmpdir(), 'tradelane-migrate-'));
  try {
    mkdirSync(join(folder, 'meta'));
    writeFileSync(
      join(folder, 'meta', '_journal.json'),
      JSON.stringify({ version: '7', dialect: 'postgresql', entries }),
    );
    for (const e of entries)
      copyFileSync(join(migrationsFolder, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
    if (database.engine === 'pglite')
      await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    else await migrateNodePg(database.db as unknown as NodePgDatabase, { migrationsFolder: folder });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};
