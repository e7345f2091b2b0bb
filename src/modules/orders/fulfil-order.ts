import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { assertTransition } from '../../core/state-machine.js';
import type { OrderView } from './api.js';
import { openDues } from './dues.js';
import { getOrder } from './get-order.js';
import { orderMachine } from './machines.js';
import { lockOrder, moveOrder } from './order-moves.js';
import { findDues, type OrderRow } from './order-store.js';
import { orderPolicy } from './policy.js';
import { addMs, orderSettings } from './settings.js';
import { afterProduction, resolveShipByDate } from './terms.js';

/**
 * A dispute pauses the order: only its end (disputes.ts) moves the order out
 * of `disputed`. The machine has those edges for the dispute's sake, so the
 * fulfilment steps must not take them: shipping or receiving a disputed
 * order would restart the clocks that release escrow while the dispute is open.
 */
const assertNotDisputed = (order: OrderRow) => {
  if (order.status === 'disputed')
    throw new AppError('INVALID_TRANSITION', 'The order is paused until its dispute ends', {
      status: order.status,
    });
};

/** The supplier accepts the order: the dues open with their reference codes (or production starts when there is no deposit). */
export const confirmOrder = async (ctx: Ctx, input: { orderId: string }): Promise<OrderView> => {
  await inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    orderPolicy.assertSupplier(tx.actor, order, input.orderId);
    assertTransition(orderMachine, order!.status, 'awaiting_deposit');
    const { deposit } = await openDues(tx, order!);
    const at = tx.now();
    if (deposit > 0n) {
      await moveOrder(tx, order!, 'awaiting_deposit', { set: { confirmedAt: at } });
    } else {
      const shipByDate = resolveShipByDate(order!.shipBy, at);
      await moveOrder(tx, order!, 'in_production', {
        set: { confirmedAt: at, shipByDate },
        details: { shipByDate },
      });
    }
  });
  return getOrder(ctx, { orderId: input.orderId });
};

/** Production is done: the balance falls due before shipment, or the goods are ready to ship. */
export const markOrderReady = async (ctx: Ctx, input: { orderId: string }): Promise<OrderView> => {
  await inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    orderPolicy.assertSupplier(tx.actor, order, input.orderId);
    assertNotDisputed(order!);
    const balance = (await findDues(tx.db, order!.id)).find((d) => d.kind === 'balance');
    const next = balance?.status === 'paid' ? 'ready_to_ship' : afterProduction(order!);
    await moveOrder(tx, order!, next);
  });
  return getOrder(ctx, { orderId: input.orderId });
};

/** The goods leave: with tracking, receipt waits for arrival; without, it auto-confirms 60 days on. */
export const shipOrder = async (
  ctx: Ctx,
  input: { orderId: string; carrier?: string | null; trackingNumber?: string | null },
): Promise<OrderView> => {
  await inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    orderPolicy.assertSupplier(tx.actor, order, input.orderId);
    await shipOrderAs(tx, order!, input);
  });
  return getOrder(ctx, { orderId: input.orderId });
};

/**
 * Ships a locked order, for the supplier or for a freight booking that
 * carries it (the booking's loaded or departed event): the caller decided
 * who may.
 */
export const shipOrderAs = async (
  ctx: Ctx,
  order: OrderRow,
  input: { carrier?: string | null; trackingNumber?: string | null },
) => {
  assertNotDisputed(order);
  await moveOrder(ctx, order, 'shipped', {
    set: {
      shippedAt: ctx.now(),
      carrier: input.carrier ?? null,
      trackingNumber: input.trackingNumber ?? null,
    },
    details: { carrier: input.carrier ?? null, trackingNumber: input.trackingNumber ?? null },
  });
};

/** The carrier reports arrival: the buyer has 15 days to confirm receipt or dispute. */
export const markOrderDelivered = async (ctx: Ctx, input: { orderId: string }): Promise<OrderView> => {
  await inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    orderPolicy.assertSupplier(tx.actor, order, input.orderId);
    await markOrderDeliveredAs(tx, order!);
  });
  return getOrder(ctx, { orderId: input.orderId });
};

/** Arrival of a locked, tracked order, reported by its supplier or by the freight booking carrying it. */
export const markOrderDeliveredAs = async (ctx: Ctx, order: OrderRow) => {
  assertNotDisputed(order);
  if (!order.trackingNumber)
    throw new AppError(
      'VALIDATION_FAILED',
      'Arrival is recorded for tracked shipments; the buyer confirms receipt of others',
    );
  await moveOrder(ctx, order, 'delivered', { set: { arrivedAt: ctx.now() } });
};

/** Receipt (by the buyer, or by the timer for the buyer) opens the protection window. */
export const receiveOrderAs = async (ctx: Ctx, orderId: string, by: 'buyer' | 'timer') => {
  const order = await lockOrder(ctx, orderId);
  assertNotDisputed(order!);
  const at = ctx.now();
  const protectionEndsAt = addMs(at, orderSettings().protectionWindowMs);
  await moveOrder(ctx, order!, 'received', {
    set: { receivedAt: at, protectionEndsAt },
    details: { by, protectionEndsAt: protectionEndsAt.toISOString() },
  });
};

export const receiveOrder = async (ctx: Ctx, input: { orderId: string }): Promise<OrderView> => {
  await inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    orderPolicy.assertBuyer(tx.actor, order, input.orderId);
    await receiveOrderAs(tx, input.orderId, 'buyer');
  });
  return getOrder(ctx, { orderId: input.orderId });
};
