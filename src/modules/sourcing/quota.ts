import { and, eq, lt, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { quoteQuotas } from './schema.js';
import { defaultMonthlyQuota, tierSignals } from './tier-signals.js';

/** Quotas run per calendar month in UTC. */
export const monthOf = (at: Date) => at.toISOString().slice(0, 7);

const firstOfNextMonth = (at: Date) =>
  new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);

const grantedFor = async (db: Db, supplierId: string) =>
  (await tierSignals(db, [supplierId])).get(supplierId)?.monthlyQuota ?? defaultMonthlyQuota;

/** This month's quota: granted on the first quote of the month (as if on the 1st), unused quotes never carry over. */
export const quotaStatus = async (db: Db, supplierId: string, now: Date) => {
  const month = monthOf(now);
  const [row] = await db
    .select()
    .from(quoteQuotas)
    .where(and(eq(quoteQuotas.companyId, supplierId), eq(quoteQuotas.month, month)));
  const granted = row?.granted ?? (await grantedFor(db, supplierId));
  const used = row?.used ?? 0;
  return { month, granted, used, left: Math.max(0, granted - used) };
};

/**
 * Spends one quote of this month's quota, or refuses. The increment is
 * conditional (`used < granted`), so concurrent quotes can never overspend.
 */
export const consumeQuota = async (db: Db, supplierId: string, now: Date) => {
  const month = monthOf(now);
  await db
    .insert(quoteQuotas)
    .values({ companyId: supplierId, month, granted: await grantedFor(db, supplierId), used: 0 })
    .onConflictDoNothing();
  const updated = await db
    .update(quoteQuotas)
    .set({ used: sql`${quoteQuotas.used} + 1` })
    .where(
      and(
        eq(quoteQuotas.companyId, supplierId),
        eq(quoteQuotas.month, month),
        lt(quoteQuotas.used, quoteQuotas.granted),
      ),
    )
    .returning({ used: quoteQuotas.used, granted: quoteQuotas.granted });
  if (updated.length === 0) {
    const renews = firstOfNextMonth(now);
    throw new AppError(
      'QUOTA_EXHAUSTED',
      `You have used every quote of your ${month} quota; it renews on ${renews}`,
      {
        month,
        renews,
      },
    );
  }
  return updated[0]!;
};
