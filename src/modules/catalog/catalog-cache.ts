import { createReadCache, type ReadCache } from '../../core/read-cache.js';
import type { Database, Db } from '../../db/client.js';

/**
 * Public catalog reads (product pages, prices, search results) cached on the
 * embedded database, where one process is the only writer: migration 0021
 * makes every write to the tables they are built from NOTIFY
 * `catalog_changed` at commit, and the whole cache is dropped then. On
 * PostgreSQL other servers write too, and nothing is cached.
 *
 * Only reads on the database handle itself are cached, never reads inside a
 * transaction (a transaction's handle is another object), so nothing
 * uncommitted is ever stored.
 */
const caches = new WeakMap<Db, ReadCache>();

/**
 * How long an entry may serve without a write: the bound on what depends on
 * the clock alone, such as a promotion's start, which shows this much late at
 * most. Orders never price from the cache.
 */
export const catalogCacheTtlMs = 30_000;

/** Starts caching catalog reads on `database` (once per database; PGlite only). */
export const installCatalogCache = async (database: Database) => {
  if (!database.listen || caches.has(database.db)) return;
  const cache = createReadCache({ maxEntries: 20_000 });
  caches.set(database.db, cache);
  await database.listen('catalog_changed', () => cache.invalidate());
};

/** The catalog cache's counters on this database, or null where nothing is cached. */
export const catalogCacheStats = (db: Db) => caches.get(db)?.stats() ?? null;

/**
 * `load()`'s value, from the cache where `db` has one. `load` tells until
 * when its value holds by the clock; the TTL bounds it further.
 */
export const cachedCatalogRead = async <T>(
  db: Db,
  key: string,
  now: Date,
  load: () => Promise<{ value: T; until?: Date }>,
): Promise<T> => {
  const cache = caches.get(db);
  if (!cache) return (await load()).value;
  return cache.get(key, now, async () => {
    const { value, until } = await load();
    const ttlEnd = new Date(now.getTime() + catalogCacheTtlMs);
    return { value, until: until && until < ttlEnd ? until : ttlEnd };
  });
};
