import { and, count, eq, gt, isNull, lt, max, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { signInFailures } from './security-schema.js';

/**
 * Password guessing against one account, from any number of addresses: 10
 * failures for an email within 15 minutes lock its password sign-in for 15
 * minutes. The per-address limiter (auth.ts) cannot see a spread-out attack;
 * this can. A correct password during the lock is refused too (checking it
 * would tell the attacker it was right), and a success never erases failures,
 * so the owner signing in elsewhere does not give an attacker a new budget.
 */
export const lockoutPolicy = {
  maxFailures: 10,
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
} as const;

/** The form better-auth finds users by, so `A@x.io ` and `a@x.io` share one count. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Until when password sign-in is refused for this email; null when it is not locked. */
export const signInLockedUntil = async (db: Db, email: string, now: Date): Promise<Date | null> => {
  const [row] = await db
    .select({ until: max(signInFailures.lockedUntil) })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, normaliseEmail(email)), gt(signInFailures.lockedUntil, now)));
  return row?.until ?? null;
};

/**
 * Counts a failed password for `email` (known or not: the same answer for
 * both keeps accounts unenumerable) and locks it when this failure reaches
 * the limit. Returns the end of the lock it started, if any.
 */
export const recordSignInFailure = async (
  db: Db,
  input: { email: string; ipAddress: string | null; now: Date },
): Promise<Date | null> => {
  const email = normaliseEmail(input.email);
  const windowStart = new Date(input.now.getTime() - lockoutPolicy.windowMs);
  return db.transaction(async (tx) => {
    // Keeps the table to the last window's failures and the locks still running.
    await tx
      .delete(signInFailures)
      .where(
        and(
          lt(signInFailures.failedAt, windowStart),
          or(isNull(signInFailures.lockedUntil), lt(signInFailures.lockedUntil, input.now)),
        ),
      );
    const [inserted] = await tx
      .insert(signInFailures)
      .values({ email, failedAt: input.now, ipAddress: input.ipAddress })
      .returning({ id: signInFailures.id });
    const [recent] = await tx
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.email, email), gt(signInFailures.failedAt, windowStart)));
    if ((recent?.n ?? 0) < lockoutPolicy.maxFailures) return null;
    const until = new Date(input.now.getTime() + lockoutPolicy.lockMs);
    await tx.update(signInFailures).set({ lockedUntil: until }).where(eq(signInFailures.id, inserted!.id));
    return until;
  });
};
