import { and, eq, inArray, isNotNull, lt, lte, notExists, sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.js';
import { anonymous, type Ctx, inTransaction, makeCtx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { cancelOrderAs, completeOrderAs } from './close-order.js';
import { escalateOverdueDisputes } from './disputes.js';
import { receiveOrderAs } from './fulfil-order.js';
import { preShipmentStatuses } from './machines.js';
import { lockOrder } from './order-moves.js';
import { type OrderRow, recordOrderEvent } from './order-store.js';
import { compensationClaims, type OrderStatus, orders, paymentDues } from './schema.js';
import { applyBps, orderSettings } from './settings.js';

type Sweep = {
  name: string;
  /** The orders whose clock has run out, read without locks. */
  due: (ctx: Ctx) => Promise<OrderRow[]>;
  /** Re-checked under the order's lock: another request may have moved it meanwhile. */
  act: (ctx: Ctx, order: OrderRow) => Promise<void>;
  /** The state the order must still be in for `act` to run. */
  still: (order: OrderRow) => boolean;
};

const before = (now: Date, ms: number) => new Date(now.getTime() - ms);

const inStatus = (ctx: Ctx, statuses: OrderStatus[], ...conditions: Parameters<typeof and>) =>
  ctx.db
    .select()
    .from(orders)
    .where(and(inArray(orders.status, statuses), ...conditions))
    .limit(500);

const sweeps = (): Sweep[] => {
  const s = orderSettings();
  return [
    {
      name: 'unconfirmed',
      due: (ctx) =>
        inStatus(ctx, ['awaiting_confirmation'], lte(orders.createdAt, before(ctx.now(), s.confirmWithinMs))),
      still: (o) => o.status === 'awaiting_confirmation',
      act: async (ctx, o) => {
        await cancelOrderAs(ctx, o, { reason: 'The supplier did not confirm in time', by: 'timer' });
      },
    },
    {
      name: 'deposit-unpaid',
      due: (ctx) =>
        inStatus(ctx, ['awaiting_deposit'], lte(orders.confirmedAt, before(ctx.now(), s.payWithinMs))),
      still: (o) => o.status === 'awaiting_deposit',
      act: async (ctx, o) => {
        await cancelOrderAs(ctx, o, { reason: 'The deposit was not paid in time', by: 'timer' });
      },
    },
    {
      name: 'balance-unpaid',
      due: (ctx) =>
        inStatus(ctx, ['awaiting_balance'], lte(orders.updatedAt, before(ctx.now(), s.payWithinMs))),
      still: (o) => o.status === 'awaiting_balance',
      act: async (ctx, o) => {
        await cancelOrderAs(ctx, o, {
          reason: 'The balance was not paid in time; the deposit goes to the supplier',
          by: 'timer',
          forfeitDeposit: true,
        });
      },
    },
    {
      name: 'auto-receive',
      due: async (ctx) => [
        ...(await inStatus(
          ctx,
          ['shipped'],
          lte(orders.shippedAt, before(ctx.now(), s.autoReceiveAfterDispatchMs)),
        )),
        ...(await inStatus(
          ctx,
          ['delivered'],
          lte(orders.arrivedAt, before(ctx.now(), s.autoReceiveAfterArrivalMs)),
        )),
      ],
      still: (o) => o.status === 'shipped' || o.status === 'delivered',
      act: async (ctx, o) => {
        await receiveOrderAs(ctx, o.id, 'timer');
      },
    },
    {
      name: 'protection-ended',
      // An order still owing its balance (due after receipt) waits for it rather than failing every sweep.
      due: (ctx) =>
        inStatus(
          ctx,
          ['received'],
          lte(orders.protectionEndsAt, ctx.now()),
          notExists(
            ctx.db
              .select({ one: sql`1` })
              .from(paymentDues)
              .where(and(eq(paymentDues.orderId, orders.id), eq(paymentDues.status, 'open'))),
          ),
        ),
      still: (o) => o.status === 'received',
      act: async (ctx, o) => {
        await completeOrderAs(ctx, o, 'timer');
      },
    },
    {
      name: 'late-shipment',
      due: (ctx) =>
        inStatus(
          ctx,
          [...preShipmentStatuses],
          isNotNull(orders.shipByDate),
          lt(orders.shipByDate, ctx.now().toISOString().slice(0, 10)),
          notExists(
            ctx.db
              .select({ one: sql`1` })
              .from(compensationClaims)
              .where(eq(compensationClaims.orderId, orders.id)),
          ),
        ),
      still: (o) => preShipmentStatuses.includes(o.status),
      act: async (ctx, o) => {
        // Nothing has shipped yet, so the whole order is late.
        const amount = applyBps(o.total, s.lateShipmentBps);
        const inserted = await ctx.db
          .insert(compensationClaims)
          .values({
            companyId: o.companyId,
            orderId: o.id,
            buyerId: o.buyerId,
            reason: 'late_shipment',
            currency: o.currency,
            amount,
            status: 'open',
            openedAt: ctx.now(),
          })
          .onConflictDoNothing()
          .returning();
        if (inserted.length === 0) return;
        await recordOrderEvent(ctx, o, 'compensation_claim_opened', {
          reason: 'late_shipment',
          amount: amount.toString(),
          currency: o.currency,
          shipByDate: o.shipByDate,
        });
        await ctx.events.emit(
          'order.compensation_claimed',
          {
            id: o.id,
            buyerId: o.buyerId,
            supplierId: o.companyId,
            amount: amount.toString(),
            currency: o.currency,
          },
          o.companyId,
        );
      },
    },
  ];
};

/**
 * Moves every order whose clock has run out, each in its own transaction
 * under its row lock, so one failure (logged) never holds back the rest and
 * a request racing the timer is decided by the lock. Driven by the clock it
 * is given: tests and the demo move time, not the wall clock.
 */
export const runOrderTimers = async (db: Db, now: Clock) => {
  const ctx = makeCtx(db, anonymous, now);
  const moved: Record<string, number> = {};
  for (const sweep of sweeps()) {
    moved[sweep.name] = 0;
    for (const candidate of await sweep.due(ctx)) {
      try {
        await inTransaction(ctx, async (tx) => {
          const order = await lockOrder(tx, candidate.id);
          if (!order || !sweep.still(order)) return;
          await sweep.act(tx, order);
          moved[sweep.name]!++;
        });
      } catch (error) {
        console.error(`orders timer ${sweep.name} on ${candidate.id}:`, (error as Error).message);
      }
    }
  }
  moved.disputesEscalated = await escalateOverdueDisputes(ctx);
  return moved;
};
