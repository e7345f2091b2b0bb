import { createReadCache, type ReadCache } from '../core/read-cache.js';
import type { Database, Db } from './client.js';

/**
 * A read cache per embedded database, emptied whenever a transaction that
 * wrote to its source tables commits: a migration puts statement triggers on
 * them that NOTIFY `channel`, and PGlite delivers it at commit. Only the
 * embedded database is cached, where this process is the only writer; on
 * PostgreSQL other servers write too, and `read` always loads.
 *
 * Only reads on the database handle itself are cached, never reads inside a
 * transaction (a transaction's handle is another object), so nothing
 * uncommitted is ever stored.
 */
export const notifiedReadCache = (options: { channel: string; maxEntries: number; ttlMs: number }) => {
  const caches = new WeakMap<Db, ReadCache>();
  return {
    /** Starts caching on `database` (once per database; PGlite only). */
    install: async (database: Database) => {
      if (!database.listen || caches.has(database.db)) return;
      const cache = createReadCache({ maxEntries: options.maxEntries });
      caches.set(database.db, cache);
      await database.listen(options.channel, () => cache.invalidate());
    },
    /** The cache's counters on this database, or null where nothing is cached. */
    stats: (db: Db) => caches.get(db)?.stats() ?? null,
    /**
     * `load()`'s value, from the cache where `db` has one. `load` may say
     * until when its value holds by the clock; `ttlMs` bounds it further.
     */
    read: async <T>(
      db: Db,
      key: string,
      now: Date,
      load: () => Promise<{ value: T; until?: Date }>,
    ): Promise<T> => {
      const cache = caches.get(db);
      if (!cache) return (await load()).value;
      return cache.get(key, now, async () => {
        const { value, until } = await load();
        const ttlEnd = new Date(now.getTime() + options.ttlMs);
        return { value, until: until && until < ttlEnd ? until : ttlEnd };
      });
    },
  };
};
