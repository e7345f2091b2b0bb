import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, isAppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { companies } from '../identity/index.js';
import { chart, requireTransfers } from '../ledger/index.js';
import { adRules, monthOf } from './ad-rules.js';
import { adCreditGrants } from './schema.js';

/**
 * A supplier's monthly ad credit as its tier grants it: the month of the
 * score that decided the tier (null: never scored), and the amount.
 */
export type AdCreditSource = (
  db: Db,
  supplierId: string,
) => Promise<{ month: string | null; amount: bigint; currency: string }>;

let source: AdCreditSource = async () => ({ month: null, amount: 0n, currency: adRules.currency });

/**
 * The hook merchant tiering fills (its `adCreditFor`): each tier's monthly
 * ad credit. Registration (not an import) keeps ads free of a dependency on
 * tiers. Until it is registered, no one is granted credit.
 */
export const registerAdCreditSource = (next: AdCreditSource) => {
  source = next;
};

/**
 * Grants a supplier its ad credit for a month: the platform pays it into
 * the ad wallet as a marketing expense (marketing expense → ad wallet).
 * Once per supplier and month: a repeat with the same amount answers the
 * first grant; another amount is a CONFLICT. Internal: the monthly timer and
 * merchant tiering call it, no route does.
 */
export const grantAdCredit = async (
  ctx: Pick<Ctx, 'db' | 'now'>,
  input: { supplierId: string; amount: bigint; month: string },
) => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month) || input.amount <= 0n)
    throw new AppError('VALIDATION_FAILED', 'A credit is a positive amount for a month (YYYY-MM)', {
      month: input.month,
    });
  const currency = adRules.currency;
  return ctx.db.transaction(async (db) => {
    const tx = { db: db as unknown as Db, now: ctx.now };
    const transferId = `ads:credit:${input.supplierId}:${input.month}`;
    const [inserted] = await tx.db
      .insert(adCreditGrants)
      .values({
        companyId: input.supplierId,
        month: input.month,
        amount: input.amount,
        currency,
        transferId,
        createdAt: tx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) {
      const [first] = await tx.db
        .select()
        .from(adCreditGrants)
        .where(and(eq(adCreditGrants.companyId, input.supplierId), eq(adCreditGrants.month, input.month)));
      if (first!.amount !== input.amount)
        throw new AppError('CONFLICT', `${input.month}'s ad credit was already granted: ${first!.amount}`, {
          month: input.month,
        });
      return { granted: false, grant: first! };
    }
    const expense = await chart.marketingExpense(tx, currency);
    const wallet = await chart.adWallet(tx, input.supplierId, currency);
    await requireTransfers(tx, [
      {
        id: transferId,
        debitAccountId: expense.id,
        creditAccountId: wallet.id,
        amount: input.amount,
        currency,
        reference: `ads:wallet:${input.supplierId}:credit`,
        userData: { month: input.month },
      },
    ]);
    return { granted: true, grant: inserted };
  });
};

/**
 * Grants this month's credit to every supplier whose tier for this month
 * carries one. A tier decided by an older month's score waits for this
 * month's scoring, so last month's tier never pays this month. Run daily: a
 * grant is once per month, so a missed day (or a late scoring) catches up.
 */
export const grantMonthlyAdCredit = async (db: Db, now: Date) => {
  const month = monthOf(now);
  const suppliers = await db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.kind, 'supplier'));
  let granted = 0;
  for (const { id } of suppliers) {
    const credit = await source(db, id);
    if (credit.month !== month || credit.amount <= 0n || credit.currency !== adRules.currency) continue;
    try {
      const grant = await grantAdCredit(
        { db, now: () => now },
        { supplierId: id, amount: credit.amount, month },
      );
      if (grant.granted) granted++;
    } catch (error) {
      // Granted this month already for another amount (a tier recomputed mid-month): the first grant stands.
      if (!(isAppError(error) && error.code === 'CONFLICT')) throw error;
    }
  }
  return granted;
};
