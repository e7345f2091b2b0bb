import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { assertTransition } from '../../core/state-machine.js';
import { isOperator, recordAudit } from '../identity/index.js';
import type { OrderView } from './api.js';
import { escrowHeld, refundFromEscrow, releaseEscrow } from './escrow.js';
import { getOrder } from './get-order.js';
import { openDisputeStatuses, orderMachine } from './machines.js';
import { lockOrder, moveOrder } from './order-moves.js';
import { findDues, nextOrderEventSeq, type OrderRow, recordOrderEvent } from './order-store.js';
import { orderPolicy } from './policy.js';
import { disputes, paymentDues } from './schema.js';

const cancelOpenDues = (ctx: Ctx, order: OrderRow) =>
  ctx.db
    .update(paymentDues)
    .set({ status: 'cancelled' })
    .where(and(eq(paymentDues.orderId, order.id), eq(paymentDues.status, 'open')));

/**
 * Completes the order and releases escrow: the supplier's share (less the
 * fee and any compensation) becomes payable. Refused while a payment is
 * still owed. The caller holds the order's lock.
 */
export const completeOrderAs = async (ctx: Ctx, order: OrderRow, by: 'buyer' | 'timer' | 'operator') => {
  assertTransition(orderMachine, order.status, 'completed');
  const unpaid = (await findDues(ctx.db, order.id)).filter((d) => d.status === 'open');
  if (unpaid.length > 0)
    throw new AppError('CONFLICT', `The ${unpaid[0]!.kind} (${unpaid[0]!.reference}) is still unpaid`, {
      reference: unpaid[0]!.reference,
    });
  const release = await releaseEscrow(ctx, order);
  await moveOrder(ctx, order, 'completed', {
    set: { closedAt: ctx.now() },
    details: {
      by,
      released: release.supplierShare.toString(),
      fee: release.fee.toString(),
      compensation: release.compensation.toString(),
      currency: order.currency,
    },
  });
  return release;
};

/** The buyer is satisfied before the protection window ends and releases the money now. */
export const completeOrder = async (ctx: Ctx, input: { orderId: string }): Promise<OrderView> => {
  await inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    orderPolicy.assertBuyer(tx.actor, order, input.orderId);
    await completeOrderAs(tx, order!, 'buyer');
  });
  return getOrder(ctx, { orderId: input.orderId });
};

/**
 * Cancels the order: open dues are cancelled and whatever escrow holds goes
 * back to the buyer, except when the buyer defaulted on the balance after
 * production (`forfeitDeposit`): then the deposit is the supplier's, as a
 * deposit is meant to be.
 */
export const cancelOrderAs = async (
  ctx: Ctx,
  order: OrderRow,
  input: { reason: string; by: 'buyer' | 'supplier' | 'timer' | 'operator'; forfeitDeposit?: boolean },
) => {
  await cancelOpenDues(ctx, order);
  const held = await escrowHeld(ctx, order);
  const details = { reason: input.reason, by: input.by, currency: order.currency };
  if (held > 0n && input.forfeitDeposit) {
    const release = await releaseEscrow(ctx, order);
    return moveOrder(ctx, order, 'cancelled', {
      set: { closedAt: ctx.now() },
      details: { ...details, released: release.supplierShare.toString(), fee: release.fee.toString() },
    });
  }
  if (held > 0n) {
    await refundFromEscrow(ctx, order, {
      transferId: `order:${order.id}:refund-on-cancel`,
      amount: held,
      reason: input.reason,
    });
    await ctx.events.emit(
      'payment.refunded',
      {
        orderId: order.id,
        buyerId: order.buyerId,
        supplierId: order.companyId,
        amount: held.toString(),
        ...details,
      },
      order.companyId,
    );
  }
  return moveOrder(ctx, order, 'cancelled', {
    set: { closedAt: ctx.now() },
    details: { ...details, refunded: held.toString() },
  });
};

/**
 * Before confirmation either side may cancel, and before the deposit is paid
 * too; once production has started only the supplier can walk away (and
 * the buyer gets everything back). The buyer's way out then is a dispute.
 */
export const cancelOrder = async (
  ctx: Ctx,
  input: { orderId: string; reason: string },
): Promise<OrderView> => {
  await inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    const side = orderPolicy.assertCanRead(tx.actor, order, input.orderId);
    if (side === 'buyer') orderPolicy.assertBuyer(tx.actor, order, input.orderId);
    else if (side === 'supplier') orderPolicy.assertSupplier(tx.actor, order, input.orderId);
    else orderPolicy.assertOperator(tx.actor);
    const early = order!.status === 'awaiting_confirmation' || order!.status === 'awaiting_deposit';
    if (side === 'buyer' && !early)
      throw new AppError(
        'INVALID_TRANSITION',
        'Production has started: open a dispute to ask for your money back',
        { status: order!.status },
      );
    await cancelOrderAs(tx, order!, { reason: input.reason, by: side });
    if (side === 'operator')
      await recordAudit(tx, {
        action: 'order.cancelled',
        subjectType: 'order',
        subjectId: order!.id,
        companyId: order!.companyId,
        details: { reason: input.reason, from: order!.status, buyerId: order!.buyerId },
      });
  });
  return getOrder(ctx, { orderId: input.orderId });
};

/**
 * The supplier (or the operator) refunds the buyer from escrow, at most what
 * it holds. Refunding everything ends the order as refunded and settles any
 * open dispute; a partial refund leaves the order where it is.
 */
export const refundOrder = async (
  ctx: Ctx,
  input: { orderId: string; amount: bigint; reason: string },
): Promise<OrderView> => {
  await inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    orderPolicy.assertSupplierOrOperator(tx.actor, order, input.orderId);
    await refundAs(tx, order!, { ...input, by: isOperator(tx.actor) ? 'operator' : 'supplier' });
  });
  return getOrder(ctx, { orderId: input.orderId });
};

/** A refund's ledger move, timeline entry and, when it empties escrow, the end of the order. */
export const refundAs = async (
  ctx: Ctx,
  order: OrderRow,
  input: { amount: bigint; reason: string; by: string },
) => {
  // Before production a partial deposit is returned by cancelling: a refund would leave the due
  // counting money escrow no longer holds.
  if (
    ['completed', 'cancelled', 'refunded', 'awaiting_confirmation', 'awaiting_deposit'].includes(order.status)
  )
    throw new AppError('INVALID_TRANSITION', `A ${order.status.replace('_', ' ')} order cannot be refunded`, {
      status: order.status,
    });
  const seq = await nextOrderEventSeq(ctx.db, order.id);
  const left = await refundFromEscrow(ctx, order, {
    transferId: `order:${order.id}:refund:${seq}`,
    amount: input.amount,
    reason: input.reason,
  });
  const details = {
    amount: input.amount.toString(),
    currency: order.currency,
    reason: input.reason,
    by: input.by,
  };
  await recordAudit(ctx, {
    action: 'order.refunded',
    subjectType: 'order',
    subjectId: order.id,
    companyId: order.companyId,
    details: { ...details, buyerId: order.buyerId, escrowLeft: left.toString() },
  });
  if (left > 0n) {
    await recordOrderEvent(ctx, order, 'refund', details);
    await ctx.events.emit(
      'payment.refunded',
      { orderId: order.id, buyerId: order.buyerId, supplierId: order.companyId, ...details },
      order.companyId,
    );
    return order;
  }
  await cancelOpenDues(ctx, order);
  await ctx.db
    .update(disputes)
    .set({
      status: 'decided',
      decision: 'full_refund',
      refundAmount: input.amount,
      decidedBy: input.by,
      decidedAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .where(and(eq(disputes.orderId, order.id), inArray(disputes.status, [...openDisputeStatuses])));
  await ctx.events.emit(
    'payment.refunded',
    { orderId: order.id, buyerId: order.buyerId, supplierId: order.companyId, ...details },
    order.companyId,
  );
  return moveOrder(ctx, order, 'refunded', { set: { closedAt: ctx.now() }, details });
};
