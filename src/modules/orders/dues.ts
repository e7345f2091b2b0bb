import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { fundEscrow } from './escrow.js';
import { moveOrder } from './order-moves.js';
import { type DueRow, findOrderRow, type OrderRow, recordOrderEvent } from './order-store.js';
import { newPaymentReference } from './reference-code.js';
import { type DueKind, paymentDues } from './schema.js';
import { resolveShipByDate, splitPayments } from './terms.js';

/** Opens the deposit and balance dues (those above zero), each with its own reference code. */
export const openDues = async (ctx: Ctx, order: OrderRow) => {
  const { deposit, balance } = splitPayments(order.total, order.paymentTerms);
  const wanted: [DueKind, bigint][] = [
    ['deposit', deposit],
    ['balance', balance],
  ];
  for (const [kind, amount] of wanted) {
    if (amount <= 0n) continue;
    await ctx.db.insert(paymentDues).values({
      companyId: order.companyId,
      id: newId('due', ctx.now()),
      orderId: order.id,
      buyerId: order.buyerId,
      kind,
      reference: newPaymentReference(),
      currency: order.currency,
      amount,
      paid: 0n,
      status: 'open',
      createdAt: ctx.now(),
    });
  }
  return { deposit, balance };
};

/** The order's state once its dues are as they are now. */
const nextStateAfterPayment = async (ctx: Ctx, order: OrderRow, due: DueRow) => {
  if (due.kind === 'deposit' && order.status === 'awaiting_deposit') {
    const shipByDate = resolveShipByDate(order.shipBy, ctx.now());
    return moveOrder(ctx, order, 'in_production', {
      set: { shipByDate },
      details: { shipByDate },
    });
  }
  if (due.kind === 'balance' && order.status === 'awaiting_balance') {
    return moveOrder(ctx, order, 'ready_to_ship');
  }
  return order;
};

/**
 * Applies money already in buyer clearing (in the order's currency) to a
 * due: escrow is funded, the due's paid amount grows, and a fully paid due
 * moves the order on. The caller holds the order's lock and never applies
 * more than is still owed (`remaining`); the excess stays in clearing.
 */
export const applyToDue = async (
  ctx: Ctx,
  due: DueRow,
  input: { amount: bigint; transferId: string; source: string },
): Promise<{ due: DueRow; order: OrderRow }> => {
  const order = (await findOrderRow(ctx.db, due.orderId, { lock: true }))!;
  const remaining = due.amount - due.paid;
  if (due.status !== 'open' || remaining <= 0n)
    throw new AppError('CONFLICT', `Payment ${due.reference} is already ${due.status}`, {
      reference: due.reference,
      status: due.status,
    });
  if (input.amount <= 0n || input.amount > remaining)
    throw new AppError(
      'VALIDATION_FAILED',
      `At most ${remaining} minor units are still owed on ${due.reference}`,
      {
        remaining: remaining.toString(),
      },
    );
  await fundEscrow(ctx, order, {
    transferId: input.transferId,
    amount: input.amount,
    reference: `order:${order.id}:${due.kind}`,
  });
  const paidInFull = input.amount === remaining;
  const [updated] = await ctx.db
    .update(paymentDues)
    .set({
      paid: sql`${paymentDues.paid} + ${input.amount}`,
      status: paidInFull ? 'paid' : 'open',
      paidAt: paidInFull ? ctx.now() : null,
    })
    .where(and(eq(paymentDues.id, due.id), eq(paymentDues.paid, due.paid)))
    .returning();
  if (!updated) throw new AppError('CONFLICT', `Payment ${due.reference} changed meanwhile; retry`);
  await recordOrderEvent(ctx, order, paidInFull ? `${due.kind}_paid` : `${due.kind}_part_paid`, {
    amount: input.amount.toString(),
    paid: updated.paid.toString(),
    due: updated.amount.toString(),
    currency: due.currency,
    source: input.source,
  });
  await ctx.events.emit(
    paidInFull ? 'payment.received' : 'payment.partial',
    {
      orderId: order.id,
      dueId: due.id,
      kind: due.kind,
      amount: input.amount.toString(),
      currency: due.currency,
      buyerId: order.buyerId,
      supplierId: order.companyId,
    },
    order.companyId,
  );
  return { due: updated, order: paidInFull ? await nextStateAfterPayment(ctx, order, updated) : order };
};
