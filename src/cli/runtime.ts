import { type Database, defaultDataDir, openDatabase } from '../db/client.js';
import { prepareDatabase } from '../db/prepare.js';

export type Runtime = { database: Database; dataDir: string };

/** The database the CLI works on: DATABASE_URL, else the embedded one in the data dir. */
export const openRuntime = async ({ migrate = true } = {}): Promise<Runtime> => {
  const dataDir = defaultDataDir();
  const database = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  if (migrate) await prepareDatabase(database);
  return { database, dataDir };
};

export const describeDatabase = (database: Database) =>
  database.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${defaultDataDir()}`;
