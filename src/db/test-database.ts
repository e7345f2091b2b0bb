import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from './client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a tarball of a migrated data dir. PostgreSQL: the migrated template database's URL. */
    testTemplate:
      | { engine: 'pglite'; tarball: string }
      | { engine: 'postgres'; url: string; template: string };
  }
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * A migrated database with reference data for one test file, isolated from
 * every other file: a fresh in-memory PGlite, or a fresh PostgreSQL database
 * cloned from the template that global setup migrated once.
 */
export const createTestDatabase = async (): Promise<Database> => {
  const template = inject('testTemplate');
  if (template.engine === 'pglite') {
    const tarball = new Blob([readFileSync(template.tarball)]);
    return openDatabase({ dataDir: 'memory://', loadDataDir: tarball });
  }
  const name = `tl_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.template}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ url: withDatabase(template.url, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: template.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
};

export { withDatabase };
