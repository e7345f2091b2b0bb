import type { Ctx } from '../../core/context.js';
import { transition } from '../../core/transition.js';
import { orderMachine } from './machines.js';
import { findOrderRow, type OrderRow, recordOrderEvent, type TimelineDetails } from './order-store.js';
import { type OrderStatus, orders } from './schema.js';

/**
 * Moves an order along its machine (compare-and-set, `order.<to>` event to
 * both companies), writes the timeline, and returns the row as it now is.
 */
export const moveOrder = async (
  ctx: Ctx,
  order: OrderRow,
  to: OrderStatus,
  options: { set?: Partial<OrderRow>; details?: TimelineDetails } = {},
): Promise<OrderRow> => {
  await transition(ctx, {
    machine: orderMachine,
    table: orders,
    record: order,
    to,
    set: options.set,
    payload: {
      buyerId: order.buyerId,
      supplierId: order.companyId,
      // The side that did not act hears of it (the buyer, when a timer acted).
      notify:
        'companyId' in ctx.actor && ctx.actor.companyId === order.buyerId ? order.companyId : order.buyerId,
      ...options.details,
    },
  });
  await recordOrderEvent(ctx, order, to, { from: order.status, ...options.details });
  return (await findOrderRow(ctx.db, order.id))!;
};

/**
 * Runs `work` on the order with its row locked: money commands on one order
 * queue behind each other instead of racing (50 parallel releases and
 * refunds still give exactly one outcome).
 */
export const lockOrder = async (ctx: Ctx, orderId: string) => findOrderRow(ctx.db, orderId, { lock: true });
