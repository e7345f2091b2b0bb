import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { moneyJson } from '../../core/money.js';
import { chart, requireTransfers } from '../ledger/index.js';
import { orderPolicy } from '../orders/index.js';
import { applyIncoming, type IncomingRow } from './apply-incoming.js';
import { incomingPayments } from './schema.js';

const queued = ['partial', 'overpaid', 'unmatched'] as const;

export const toPaymentView = (r: IncomingRow) => ({
  id: r.id,
  source: r.source,
  status: r.status,
  bookedOn: r.bookedOn,
  amount: moneyJson(r.amount, r.currency),
  applied: r.appliedAmount === null ? null : moneyJson(r.appliedAmount, r.appliedCurrency!),
  remittance: r.remittance,
  counterpartyName: r.counterpartyName,
  counterpartyAccount: r.counterpartyAccount,
  bankReference: r.bankReference,
  orderId: r.orderId,
  fx: r.fx,
  note: r.note,
  resolvedAt: r.resolvedAt?.toISOString() ?? null,
});
export type PaymentView = ReturnType<typeof toPaymentView>;

/** Wires the operator must look at: unknown references, short and excess payments, oldest first. */
export const reconciliationQueue = async (ctx: Ctx) => {
  orderPolicy.assertOperator(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(incomingPayments)
    .where(and(inArray(incomingPayments.status, [...queued]), isNull(incomingPayments.resolvedAt)))
    .orderBy(asc(incomingPayments.createdAt))
    .limit(500);
  return { items: rows.map(toPaymentView) };
};

const lockQueued = async (ctx: Ctx, paymentId: string) => {
  const [row] = await ctx.db
    .select()
    .from(incomingPayments)
    .where(eq(incomingPayments.id, paymentId))
    .for('update');
  if (!row) throw notFound('Payment', paymentId);
  if (row.resolvedAt || !(queued as readonly string[]).includes(row.status))
    throw new AppError('CONFLICT', `Payment ${paymentId} is ${row.status} and no longer in the queue`, {
      status: row.status,
    });
  return row;
};

const resolve = async (ctx: Ctx, paymentId: string, set: Partial<IncomingRow>) => {
  const userId = 'userId' in ctx.actor ? ctx.actor.userId : null;
  const [row] = await ctx.db
    .update(incomingPayments)
    .set({ ...set, resolvedBy: userId, resolvedAt: ctx.now() })
    .where(eq(incomingPayments.id, paymentId))
    .returning();
  return toPaymentView(row!);
};

/** An unmatched wire whose payer got the reference wrong: the operator names the right one. */
export const assignPayment = async (ctx: Ctx, input: { paymentId: string; reference: string }) => {
  orderPolicy.assertOperator(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const payment = await lockQueued(tx, input.paymentId);
    if (payment.status !== 'unmatched')
      throw new AppError('CONFLICT', `Payment ${payment.id} is already applied (${payment.status})`);
    const row = await applyIncoming(tx, payment, input.reference.trim().toUpperCase());
    if (row.status === 'unmatched')
      throw new AppError('VALIDATION_FAILED', row.note ?? 'That reference matches no open payment');
    return row.status === 'matched' ? resolve(tx, row.id, {}) : toPaymentView(row);
  });
};

/**
 * Sends back what was not applied (an unknown wire, or the excess of an
 * overpayment) to the payer: buyer clearing → bank.
 */
export const returnPayment = async (ctx: Ctx, input: { paymentId: string; note: string }) => {
  orderPolicy.assertOperator(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const payment = await lockQueued(tx, input.paymentId);
    if (payment.status === 'partial')
      throw new AppError('CONFLICT', 'A partial payment is in escrow; refund it from the order instead');
    const currency = payment.status === 'overpaid' ? payment.appliedCurrency! : payment.currency;
    const amount = payment.status === 'overpaid' ? payment.excessAmount! : payment.amount;
    await requireTransfers(tx, [
      {
        id: `pay:${payment.id}:returned`,
        debitAccountId: (await chart.buyerClearing(tx, currency)).id,
        creditAccountId: (await chart.bank(tx, currency)).id,
        amount,
        currency,
        reference: `payment:${payment.id}:returned`,
        userData: { note: input.note },
      },
    ]);
    return resolve(tx, payment.id, {
      status: payment.status === 'overpaid' ? 'overpaid' : 'returned',
      note: input.note,
    });
  });
};

/** A partial payment the operator has chased (or accepted as it is) leaves the queue; nothing moves. */
export const dismissPayment = async (ctx: Ctx, input: { paymentId: string; note: string }) => {
  orderPolicy.assertOperator(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const payment = await lockQueued(tx, input.paymentId);
    if (payment.status !== 'partial')
      throw new AppError('CONFLICT', 'Only a partial payment can be dismissed; return or assign the others');
    return resolve(tx, payment.id, { note: input.note });
  });
};
