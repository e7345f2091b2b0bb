import { loadCatalogReferenceData } from '../modules/catalog/index.js';
import { loadShippedRates } from '../modules/fx/index.js';
import { loadGlossary } from '../modules/search/index.js';
import type { Database } from './client.js';
import { runMigrations } from './migrate.js';

/** Brings a database to the current schema with the shipped reference data: what `tradelane migrate` does. */
export const prepareDatabase = async (database: Database): Promise<void> => {
  await runMigrations(database);
  await loadCatalogReferenceData(database.db);
  await loadGlossary(database.db);
  await loadShippedRates(database.db);
};
