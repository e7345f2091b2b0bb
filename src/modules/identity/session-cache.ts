import type { Actor } from '../../core/context.js';
import { createReadCache, type ReadCache } from '../../core/read-cache.js';
import type { Database, Db } from '../../db/client.js';

/**
 * Who a session cookie acts for, cached on the embedded database, where this
 * process is the only writer. Resolving a cookie reads the session, its user
 * and the membership (three queries on every signed-in request); migration
 * 0022 makes any write to those tables NOTIFY `sessions_changed` at commit,
 * and the whole cache is dropped then, so a sign-out, a revoked session or a
 * removed member counts from the very next request. On PostgreSQL other
 * servers write too, and nothing is cached.
 *
 * The key is the request's whole Cookie header: the same header resolves to
 * the same actor until one of those rows changes or the session expires.
 */
const caches = new WeakMap<Db, ReadCache>();

/**
 * How long an entry may serve without a write. It never outlives its session
 * either, though better-auth seldom lets that bind: a session used within its
 * last six days is extended (a write, which drops the cache) as it resolves.
 */
export const sessionCacheTtlMs = 30_000;

/** Starts caching cookie sessions on `database` (once per database; PGlite only). */
export const installSessionCache = async (database: Database) => {
  if (!database.listen || caches.has(database.db)) return;
  const cache = createReadCache({ maxEntries: 10_000 });
  caches.set(database.db, cache);
  await database.listen('sessions_changed', () => cache.invalidate());
};

/** The session cache's counters on this database, or null where nothing is cached. */
export const sessionCacheStats = (db: Db) => caches.get(db)?.stats() ?? null;

/**
 * The actor behind `cookie`, from the cache where `db` has one. `resolve`
 * gives the actor and, for a session, when it expires. Session expiry is
 * better-auth's, by the real clock, so the cache keeps that clock too.
 */
export const cachedSessionActor = async (
  db: Db,
  cookie: string,
  resolve: () => Promise<{ actor: Actor; expiresAt: Date | null }>,
): Promise<Actor> => {
  const cache = caches.get(db);
  if (!cache) return (await resolve()).actor;
  const now = new Date();
  return cache.get(`cookie:${cookie}`, now, async () => {
    const { actor, expiresAt } = await resolve();
    const ttlEnd = new Date(now.getTime() + sessionCacheTtlMs);
    return { value: actor, until: expiresAt && expiresAt < ttlEnd ? expiresAt : ttlEnd };
  });
};
