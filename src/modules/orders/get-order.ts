import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { moneyJson } from '../../core/money.js';
import { findCompanyCards, requireCompanyActor } from '../identity/index.js';
import type { OrderView } from './api.js';
import { findEscrowAccount, heldIn } from './escrow.js';
import { disputableStatuses, openDisputeStatuses, preShipmentStatuses } from './machines.js';
import {
  type DueRow,
  findDues,
  findOrderEvents,
  findOrderRow,
  listOrderRows,
  type OrderRow,
} from './order-store.js';
import { type OrderSide, orderPolicy } from './policy.js';
import { compensationClaims, disputes } from './schema.js';
import { addMs, orderSettings } from './settings.js';

type DisputeRef = {
  id: string;
  status: (typeof openDisputeStatuses)[number] | 'decided' | 'withdrawn';
  openedAt: Date;
};

/** The clock that will next move the order by itself, if any. */
export const nextDeadline = (order: OrderRow): { kind: string; at: Date } | null => {
  const s = orderSettings();
  switch (order.status) {
    case 'awaiting_confirmation':
      return { kind: 'confirm_by', at: addMs(order.createdAt, s.confirmWithinMs) };
    case 'awaiting_deposit':
      return { kind: 'pay_deposit_by', at: addMs(order.confirmedAt ?? order.createdAt, s.payWithinMs) };
    case 'awaiting_balance':
      return { kind: 'pay_balance_by', at: addMs(order.updatedAt, s.payWithinMs) };
    case 'in_production':
    case 'ready_to_ship':
      return order.shipByDate ? { kind: 'ship_by', at: new Date(`${order.shipByDate}T23:59:59Z`) } : null;
    case 'shipped':
      return { kind: 'auto_receive', at: addMs(order.shippedAt!, s.autoReceiveAfterDispatchMs) };
    case 'delivered':
      return { kind: 'auto_receive', at: addMs(order.arrivedAt!, s.autoReceiveAfterArrivalMs) };
    case 'received':
      return { kind: 'protection_ends', at: order.protectionEndsAt! };
    default:
      return null;
  }
};

/** What the reader may do next, so screens show only the buttons that will work. */
const actionsFor = (side: OrderSide, order: OrderRow, dues: DueRow[], openDispute: boolean): string[] => {
  const s = order.status;
  const owed = dues.some((d) => d.status === 'open');
  const actions: string[] = [];
  const add = (action: string, when: boolean) => when && actions.push(action);
  if (side === 'buyer') {
    add('cancel', s === 'awaiting_confirmation' || s === 'awaiting_deposit');
    add('pay', owed && !['completed', 'cancelled', 'refunded', 'awaiting_confirmation'].includes(s));
    add('receive', s === 'shipped' || s === 'delivered');
    add('complete', s === 'received' && !owed);
    const covered = order.coverage === 'post_delivery' || preShipmentStatuses.includes(s);
    add('dispute', disputableStatuses.includes(s) && covered && !openDispute);
  }
  if (side === 'supplier') {
    add('confirm', s === 'awaiting_confirmation');
    add(
      'cancel',
      ['awaiting_confirmation', 'awaiting_deposit', 'in_production', 'awaiting_balance'].includes(s),
    );
    add('ready', s === 'in_production');
    add('ship', s === 'ready_to_ship');
    add('delivered', s === 'shipped' && order.trackingNumber !== null);
  }
  const refundable = ![
    'awaiting_confirmation',
    'awaiting_deposit',
    'completed',
    'cancelled',
    'refunded',
  ].includes(s);
  if (side !== 'buyer') add('refund', refundable);
  if (side === 'operator') add('cancel', !['completed', 'cancelled', 'refunded'].includes(s));
  return actions;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toOrderView = async (ctx: Ctx, order: OrderRow, side: OrderSide): Promise<OrderView> => {
  const [cards, dues, events, escrowAccount, claims, disputeRows] = await Promise.all([
    findCompanyCards(ctx.db, [order.companyId, order.buyerId]),
    findDues(ctx.db, order.id),
    findOrderEvents(ctx.db, order.id),
    findEscrowAccount(ctx, order),
    ctx.db.select().from(compensationClaims).where(eq(compensationClaims.orderId, order.id)),
    ctx.db
      .select({ id: disputes.id, status: disputes.status, openedAt: disputes.openedAt })
      .from(disputes)
      .where(and(eq(disputes.companyId, order.companyId), eq(disputes.orderId, order.id)))
      .orderBy(asc(disputes.openedAt)),
  ]);
  const openDispute = (disputeRows as DisputeRef[]).some((d) =>
    (openDisputeStatuses as readonly string[]).includes(d.status),
  );
  const deadline = nextDeadline(order);
  const money = (amount: bigint | string) => moneyJson(BigInt(amount), order.currency);
  return {
    id: order.id,
    status: order.status,
    supplier: cards.get(order.companyId)!,
    buyer: cards.get(order.buyerId)!,
    quoteId: order.quoteId,
    quoteVersion: order.quoteVersion,
    currency: order.currency,
    lines: order.lines.map((l) => ({ ...l, unitPrice: money(l.unitPrice), amount: money(l.amount) })),
    total: money(order.total),
    incoterm: order.incoterm,
    port: order.port,
    paymentTerms: order.paymentTerms,
    shipBy: order.shipBy,
    shipByDate: order.shipByDate,
    coverage: order.coverage,
    qualityTerms: order.qualityTerms,
    feePercent: order.feeBps / 100,
    tracking: { carrier: order.carrier, number: order.trackingNumber },
    dues: dues.map((d) => ({
      id: d.id,
      kind: d.kind,
      reference: d.reference,
      amount: money(d.amount),
      paid: money(d.paid),
      status: d.status,
      paidAt: iso(d.paidAt),
    })),
    escrow: { accountId: escrowAccount?.id ?? null, held: money(heldIn(escrowAccount)) },
    compensation: claims[0] ? { amount: money(claims[0].amount), status: claims[0].status } : null,
    disputes: disputeRows.map((d) => ({ id: d.id, status: d.status, openedAt: d.openedAt.toISOString() })),
    nextDeadline: deadline ? { kind: deadline.kind, at: deadline.at.toISOString() } : null,
    timeline: events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      at: e.at.toISOString(),
      actorCompanyId: e.actorCompanyId,
      details: e.details,
    })),
    createdAt: order.createdAt.toISOString(),
    confirmedAt: iso(order.confirmedAt),
    shippedAt: iso(order.shippedAt),
    arrivedAt: iso(order.arrivedAt),
    receivedAt: iso(order.receivedAt),
    protectionEndsAt: iso(order.protectionEndsAt),
    closedAt: iso(order.closedAt),
    viewer: { role: side, actions: actionsFor(side, order, dues, openDispute) },
  };
};

/** An order with its dues, escrow, disputes and timeline, for its buyer, its supplier or the operator. */
export const getOrder = async (ctx: Ctx, input: { orderId: string }): Promise<OrderView> => {
  const order = await findOrderRow(ctx.db, input.orderId);
  const side = orderPolicy.assertCanRead(ctx.actor, order, input.orderId);
  return toOrderView(ctx, order!, side);
};

/** The actor's company's orders, as buyer (default for buyers) or supplier. */
export const listOrders = async (ctx: Ctx, input: { side?: 'buyer' | 'supplier'; limit: number }) => {
  const member = requireCompanyActor(ctx.actor);
  const side = input.side ?? (member.companyKind === 'supplier' ? 'supplier' : 'buyer');
  const rows = await listOrderRows(ctx.db, member.companyId, side, input.limit);
  const cards = await findCompanyCards(
    ctx.db,
    rows.map((r) => (side === 'buyer' ? r.companyId : r.buyerId)),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      status: r.status,
      counterparty: cards.get(side === 'buyer' ? r.companyId : r.buyerId)!,
      total: moneyJson(r.total, r.currency),
      description: r.lines
        .map((l) => l.description)
        .join(', ')
        .slice(0, 200),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
};
