import { notifiedReadCache } from '../../db/notified-read-cache.js';

/**
 * Public catalog reads (product pages, prices, search results) cached on the
 * embedded database: migration 0021 makes every write to the tables they are
 * built from NOTIFY `catalog_changed` at commit, and the whole cache is
 * dropped then (see db/notified-read-cache.ts).
 */

/**
 * How long an entry may serve without a write: the bound on what depends on
 * the clock alone, such as a promotion's start, which shows this much late at
 * most. Orders never price from the cache.
 */
export const catalogCacheTtlMs = 30_000;

const catalogCache = notifiedReadCache({
  channel: 'catalog_changed',
  maxEntries: 20_000,
  ttlMs: catalogCacheTtlMs,
});

export const installCatalogCache = catalogCache.install;
export const catalogCacheStats = catalogCache.stats;
export const cachedCatalogRead = catalogCache.read;
