import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { moneyJson } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import { requireCompanyActor } from '../identity/index.js';
import { accountBalance, accountCode, chart, getAccountByCode, requireTransfers } from '../ledger/index.js';
import { orderPolicy } from '../orders/index.js';
import { payouts } from './schema.js';

type PayoutRow = typeof payouts.$inferSelect;

const toView = (p: PayoutRow) => ({
  id: p.id,
  supplierId: p.companyId,
  orderId: p.orderId,
  amount: moneyJson(p.amount, p.currency),
  status: p.status,
  bankReference: p.bankReference,
  createdAt: p.createdAt.toISOString(),
  paidAt: p.paidAt?.toISOString() ?? null,
});
export type PayoutView = ReturnType<typeof toView>;

/**
 * A release made the supplier's share payable: schedule the bank transfer
 * that pays it out. Fed by the order events, once per order.
 */
export const schedulePayout = async (
  db: Db,
  input: { supplierId: string; orderId: string; amount: bigint; currency: string; at: Date },
) => {
  if (input.amount <= 0n) return;
  await db
    .insert(payouts)
    .values({
      companyId: input.supplierId,
      id: newId('pyo', input.at),
      orderId: input.orderId,
      currency: input.currency,
      amount: input.amount,
      status: 'scheduled',
      createdAt: input.at,
    })
    .onConflictDoNothing({ target: payouts.orderId });
};

/** A supplier's payouts and what it is owed per currency; the operator sees everyone's. */
export const listPayouts = async (ctx: Ctx) => {
  const member = requireCompanyActor(ctx.actor);
  const operator = member.companyKind === 'operator';
  const rows = await ctx.db
    .select()
    .from(payouts)
    .where(operator ? undefined : eq(payouts.companyId, member.companyId))
    .orderBy(desc(payouts.createdAt))
    .limit(200);
  const currencies = [...new Set(rows.map((r) => r.currency))];
  const balances = operator
    ? []
    : await Promise.all(
        currencies.map(async (currency) => {
          const account = await getAccountByCode(
            ctx.db,
            accountCode('supplier_payable', member.companyId, currency),
          );
          return account ? accountBalance(ctx.db, account.id) : undefined;
        }),
      );
  return {
    items: rows.map(toView),
    payable: balances
      .filter((b) => b !== undefined)
      .map((b) => ({ accountId: b.accountId, balance: moneyJson(b.posted, b.currency) })),
  };
};

/**
 * The operator's bank has sent the money: the payout is recorded against
 * bank (supplier payable → bank) with the bank's reference. Once only.
 */
export const markPayoutPaid = async (ctx: Ctx, input: { payoutId: string; bankReference: string }) => {
  const operator = orderPolicy.assertOperator(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const [payout] = await tx.db.select().from(payouts).where(eq(payouts.id, input.payoutId)).for('update');
    if (!payout) throw notFound('Payout', input.payoutId);
    if (payout.status === 'paid') throw new AppError('CONFLICT', `Payout ${payout.id} was already paid`);
    await requireTransfers(tx, [
      {
        id: `payout:${payout.id}`,
        debitAccountId: (await chart.supplierPayable(tx, payout.companyId, payout.currency)).id,
        creditAccountId: (await chart.bank(tx, payout.currency)).id,
        amount: payout.amount,
        currency: payout.currency,
        reference: `payout:${payout.id}`,
        userData: { bankReference: input.bankReference, orderId: payout.orderId },
      },
    ]);
    const [paid] = await tx.db
      .update(payouts)
      .set({ status: 'paid', bankReference: input.bankReference, paidAt: tx.now(), paidBy: operator.userId })
      .where(and(eq(payouts.id, payout.id), eq(payouts.status, 'scheduled')))
      .returning();
    await tx.events.emit(
      'payment.payout_sent',
      {
        id: payout.id,
        orderId: payout.orderId,
        supplierId: payout.companyId,
        amount: payout.amount.toString(),
        currency: payout.currency,
      },
      payout.companyId,
    );
    return toView(paid!);
  });
};
