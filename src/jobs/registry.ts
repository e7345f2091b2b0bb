import { sql } from 'drizzle-orm';
import { reindexCompanyProducts } from '../modules/catalog/index.js';
import type { Scheduler } from './scheduler.js';

/**
 * Every module's background work, registered in one place so a reader sees
 * all of it: event handlers (fed by the outbox) and timers.
 */
export const registerBackgroundWork = (scheduler: Scheduler) => {
  // A supplier's verification level is a search facet on each of its listings.
  scheduler.onEvent('company.verification_changed', async (event, db) => {
    await reindexCompanyProducts(db, String(event.payload.companyId), event.createdAt);
  });
  // PGlite never autovacuums: reclaim dead rows nightly (a no-op cost on PostgreSQL).
  scheduler.every('maintenance.vacuum', '17 3 * * *', async (db) => {
    await db.execute(sql.raw('vacuum analyze'));
  });
};
