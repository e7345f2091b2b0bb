import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { type DueKind, orderEvents, orders, paymentDues } from './schema.js';

export type OrderRow = typeof orders.$inferSelect;
export type DueRow = typeof paymentDues.$inferSelect;

/** The order by id; `lock` takes its row lock, so money commands on one order run one at a time. */
export const findOrderRow = async (
  db: Db,
  id: string,
  options: { lock?: boolean } = {},
): Promise<OrderRow | undefined> => {
  const query = db.select().from(orders).where(eq(orders.id, id));
  return (await (options.lock ? query.for('update') : query))[0];
};

/** The order's dues, deposit before balance. */
export const findDues = (db: Db, orderId: string): Promise<DueRow[]> =>
  db
    .select()
    .from(paymentDues)
    .where(eq(paymentDues.orderId, orderId))
    .orderBy(sql`${paymentDues.kind} = 'balance'`);

export const findDue = async (db: Db, orderId: string, kind: DueKind): Promise<DueRow | undefined> =>
  (
    await db
      .select()
      .from(paymentDues)
      .where(and(eq(paymentDues.orderId, orderId), eq(paymentDues.kind, kind)))
  )[0];

export const findDueByReference = async (db: Db, reference: string): Promise<DueRow | undefined> =>
  (await db.select().from(paymentDues).where(eq(paymentDues.reference, reference)))[0];

export type TimelineDetails = Record<string, string | number | boolean | null>;

/** Appends to the order's timeline, numbered in order (the caller holds the order's lock or just created it). */
export const recordOrderEvent = async (
  ctx: Ctx,
  order: { id: string },
  kind: string,
  details: TimelineDetails = {},
) => {
  const actorCompanyId = 'companyId' in ctx.actor ? ctx.actor.companyId : null;
  await ctx.db.insert(orderEvents).values({
    orderId: order.id,
    seq: sql`(select coalesce(max(${orderEvents.seq}), 0) + 1 from ${orderEvents} where ${orderEvents.orderId} = ${order.id})`,
    kind,
    actorCompanyId,
    details,
    at: ctx.now(),
  });
};

/** The number the order's next timeline entry will take: unique per order while its lock is held. */
export const nextOrderEventSeq = async (db: Db, orderId: string): Promise<number> => {
  const [row] = await db
    .select({ last: sql<number>`coalesce(max(${orderEvents.seq}), 0)::int` })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId));
  return (row?.last ?? 0) + 1;
};

export const findOrderEvents = (db: Db, orderId: string) =>
  db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.seq));

/** A company's orders as buyer or supplier, newest first. */
export const listOrderRows = (db: Db, companyId: string, side: 'buyer' | 'supplier', limit: number) =>
  db
    .select()
    .from(orders)
    .where(side === 'buyer' ? eq(orders.buyerId, companyId) : eq(orders.companyId, companyId))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
