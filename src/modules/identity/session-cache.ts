import type { Actor } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { notifiedReadCache } from '../../db/notified-read-cache.js';

/**
 * Who a session cookie acts for, cached on the embedded database. Resolving a
 * cookie reads the session, its user and the membership (three queries on
 * every signed-in request); migration 0022 makes any write to those tables
 * NOTIFY `sessions_changed` at commit, and the whole cache is dropped then
 * (see db/notified-read-cache.ts), so a sign-out, a revoked session or a
 * removed member counts from the very next request.
 *
 * The key is the request's whole Cookie header: the same header resolves to
 * the same actor until one of those rows changes or the session expires.
 */

/**
 * How long an entry may serve without a write. It never outlives its session
 * either, though better-auth seldom lets that bind: a session used within its
 * last six days is extended (a write, which drops the cache) as it resolves.
 */
export const sessionCacheTtlMs = 30_000;

const sessionCache = notifiedReadCache({
  channel: 'sessions_changed',
  maxEntries: 10_000,
  ttlMs: sessionCacheTtlMs,
});

export const installSessionCache = sessionCache.install;
export const sessionCacheStats = sessionCache.stats;

/**
 * The actor behind `cookie`, from the cache where `db` has one. `resolve`
 * gives the actor and, for a session, when it expires. Session expiry is
 * better-auth's, by the real clock, so the cache keeps that clock too.
 */
export const cachedSessionActor = (
  db: Db,
  cookie: string,
  resolve: () => Promise<{ actor: Actor; expiresAt: Date | null }>,
): Promise<Actor> =>
  sessionCache.read(db, `cookie:${cookie}`, new Date(), async () => {
    const { actor, expiresAt } = await resolve();
    return { value: actor, until: expiresAt ?? undefined };
  });
