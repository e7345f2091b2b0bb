import { desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { moneyJson } from '../../core/money.js';
import { transition } from '../../core/transition.js';
import { recordAudit } from '../identity/index.js';
import { ownedAttachmentIds, readStoredAttachment } from '../sourcing/index.js';
import type { DecideDisputeInput, DisputeView, OpenDisputeInput } from './api.js';
import { refundAs } from './close-order.js';
import { escrowHeld } from './escrow.js';
import { disputableStatuses, disputeMachine, openDisputeStatuses, preShipmentStatuses } from './machines.js';
import { lockOrder, moveOrder } from './order-moves.js';
import { findDue, findOrderRow, type OrderRow, recordOrderEvent } from './order-store.js';
import { type OrderSide, orderPolicy } from './policy.js';
import { type DisputeStatus, disputes } from './schema.js';
import { addMs, orderSettings } from './settings.js';

type DisputeRow = typeof disputes.$inferSelect;

const findDisputeRow = async (ctx: Ctx, id: string, options: { lock?: boolean } = {}) => {
  const query = ctx.db.select().from(disputes).where(eq(disputes.id, id));
  return (await (options.lock ? query.for('update') : query))[0];
};

const deadlinesOf = (d: DisputeRow) => {
  const s = orderSettings();
  return {
    response: addMs(d.openedAt, s.disputeResponseMs),
    buyerMayEscalate: addMs(d.openedAt, s.disputeBuyerEscalationMs),
    autoEscalation: addMs(d.openedAt, s.disputeAutoEscalationMs),
  };
};

const actionsFor = (side: OrderSide, d: DisputeRow, now: Date): string[] => {
  const open = (openDisputeStatuses as readonly string[]).includes(d.status);
  const deadlines = deadlinesOf(d);
  const actions: string[] = [];
  if (side === 'supplier' && d.status === 'awaiting_response' && now < deadlines.response)
    actions.push('respond');
  if (side === 'supplier' && open && d.status !== 'escalated') actions.push('escalate');
  if (side === 'buyer' && open && d.status !== 'escalated' && now >= deadlines.buyerMayEscalate)
    actions.push('escalate');
  if (side === 'buyer' && open) actions.push('withdraw');
  if (side === 'operator' && d.status === 'escalated') actions.push('decide');
  return actions;
};

const toDisputeView = (ctx: Ctx, d: DisputeRow, side: OrderSide): DisputeView => {
  const deadlines = deadlinesOf(d);
  const iso = (x: Date | null) => (x ? x.toISOString() : null);
  return {
    id: d.id,
    orderId: d.orderId,
    status: d.status,
    reason: d.reason,
    description: d.description,
    amount: moneyJson(d.amount, d.currency),
    evidence: d.evidenceIds.map((id) => ({ id, url: `/api/disputes/${d.id}/evidence/${id}` })),
    response: d.response,
    respondedAt: iso(d.respondedAt),
    escalatedAt: iso(d.escalatedAt),
    escalatedBy: d.escalatedBy,
    decision: d.decision,
    refundAmount: d.refundAmount === null ? null : moneyJson(d.refundAmount, d.currency),
    decisionNote: d.decisionNote,
    decidedAt: iso(d.decidedAt),
    openedAt: d.openedAt.toISOString(),
    deadlines: {
      response: deadlines.response.toISOString(),
      buyerMayEscalate: deadlines.buyerMayEscalate.toISOString(),
      autoEscalation: deadlines.autoEscalation.toISOString(),
    },
    viewer: { role: side, actions: actionsFor(side, d, ctx.now()) },
  };
};

/** The dispute and its order, for the order's parties and the operator only. */
const readable = async (ctx: Ctx, id: string, options: { lock?: boolean } = {}) => {
  const dispute = await findDisputeRow(ctx, id);
  const order = dispute
    ? await (options.lock ? lockOrder(ctx, dispute.orderId) : findOrderRow(ctx.db, dispute.orderId))
    : undefined;
  if (!dispute || !order) throw notFound('Dispute', id);
  try {
    const side = orderPolicy.assertCanRead(ctx.actor, order, order.id);
    // Re-read under the order's lock: the dispute may have moved while we waited for it.
    return { dispute: options.lock ? (await findDisputeRow(ctx, id))! : dispute, order, side };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('Dispute', id);
    throw error;
  }
};

const moveDispute = async (
  ctx: Ctx,
  dispute: DisputeRow,
  to: DisputeStatus,
  set: Partial<DisputeRow> = {},
  payload: Record<string, unknown> = {},
) => {
  await transition(ctx, {
    machine: disputeMachine,
    table: disputes,
    record: dispute,
    to,
    set,
    payload: {
      orderId: dispute.orderId,
      buyerId: dispute.buyerId,
      supplierId: dispute.companyId,
      ...payload,
    },
  });
  return (await findDisputeRow(ctx, dispute.id))!;
};

/**
 * The order goes back to where the dispute found it, or past it when the
 * balance it was waiting for was paid meanwhile (a payment during a dispute
 * does not move the order): back in `awaiting_balance` with nothing owed, the
 * timer would cancel it and forfeit everything paid to the supplier.
 */
const resumeOrder = async (ctx: Ctx, order: OrderRow, why: string) => {
  const fresh = (await findOrderRow(ctx.db, order.id))!;
  if (fresh.status !== 'disputed') return fresh;
  const before = fresh.statusBeforeDispute!;
  const balancePaid =
    before === 'awaiting_balance' && (await findDue(ctx.db, order.id, 'balance'))?.status === 'paid';
  return moveOrder(ctx, fresh, balancePaid ? 'ready_to_ship' : before, {
    set: { statusBeforeDispute: null },
    details: { why },
  });
};

/**
 * The buyer disputes a paid order: from payment until the end of the
 * protection window (or until shipment, under pre-shipment coverage), for at
 * most what escrow holds. The order pauses (no timer moves it) until the
 * dispute ends.
 */
export const openDispute = async (
  ctx: Ctx,
  input: { orderId: string } & OpenDisputeInput,
): Promise<DisputeView> => {
  const id = await inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    const buyer = orderPolicy.assertBuyer(tx.actor, order, input.orderId);
    const o = order!;
    if (!disputableStatuses.includes(o.status))
      throw new AppError(
        'INVALID_TRANSITION',
        `A ${o.status.replaceAll('_', ' ')} order cannot be disputed`,
        {
          status: o.status,
        },
      );
    if (o.coverage === 'pre_shipment' && !preShipmentStatuses.includes(o.status))
      throw new AppError('DEADLINE_PASSED', 'Pre-shipment coverage ended when the order shipped');
    if (o.status === 'received' && o.protectionEndsAt && tx.now() >= o.protectionEndsAt)
      throw new AppError('DEADLINE_PASSED', 'The protection window has ended');
    const held = await escrowHeld(tx, o);
    const amount = BigInt(input.amount);
    if (held === 0n) throw new AppError('INVALID_TRANSITION', 'Nothing has been paid on this order yet');
    if (amount <= 0n || amount > held)
      throw new AppError('VALIDATION_FAILED', `Claim between 1 and ${held} (what escrow holds)`, {
        field: 'amount',
        held: held.toString(),
      });
    const owned = await ownedAttachmentIds(tx, buyer.companyId, input.evidenceIds);
    const foreign = input.evidenceIds.filter((e) => !owned.includes(e));
    if (foreign.length > 0) throw notFound('Attachment', foreign[0]!);
    const at = tx.now();
    const disputeId = newId('dsp', at);
    await tx.db.insert(disputes).values({
      companyId: o.companyId,
      id: disputeId,
      orderId: o.id,
      buyerId: o.buyerId,
      status: 'awaiting_response',
      reason: input.reason,
      description: input.description,
      amount,
      currency: o.currency,
      evidenceIds: input.evidenceIds,
      openedBy: buyer.userId,
      openedAt: at,
      updatedAt: at,
    });
    await moveOrder(tx, o, 'disputed', {
      set: { statusBeforeDispute: o.status },
      details: { disputeId, reason: input.reason, amount: amount.toString(), notify: o.companyId },
    });
    return disputeId;
  });
  return getDispute(ctx, { disputeId: id });
};

export const getDispute = async (ctx: Ctx, input: { disputeId: string }): Promise<DisputeView> => {
  const { dispute, side } = await readable(ctx, input.disputeId);
  return toDisputeView(ctx, dispute, side);
};

/** A file the buyer attached to the dispute, for the order's parties and the operator. */
export const readDisputeEvidence = async (
  ctx: Ctx,
  input: { disputeId: string; attachmentId: string; dataDir: string },
) => {
  const { dispute } = await readable(ctx, input.disputeId);
  if (!dispute.evidenceIds.includes(input.attachmentId)) throw notFound('Attachment', input.attachmentId);
  return readStoredAttachment(ctx, dispute.buyerId, input.attachmentId, input.dataDir);
};

/** The disputes of one order, for its parties. */
export const listOrderDisputes = async (ctx: Ctx, input: { orderId: string }) => {
  const order = await findOrderRow(ctx.db, input.orderId);
  const side = orderPolicy.assertCanRead(ctx.actor, order, input.orderId);
  const rows = await ctx.db
    .select()
    .from(disputes)
    .where(eq(disputes.orderId, input.orderId))
    .orderBy(desc(disputes.openedAt));
  return { items: rows.map((d) => toDisputeView(ctx, d, side)) };
};

/** The operator's dispute desk: escalated disputes first, oldest first within. */
export const listDisputeDesk = async (ctx: Ctx, input: { status?: DisputeStatus }) => {
  orderPolicy.assertOperator(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(disputes)
    .where(
      input.status ? eq(disputes.status, input.status) : inArray(disputes.status, [...openDisputeStatuses]),
    )
    .orderBy(disputes.openedAt)
    .limit(200);
  const rank = (s: string) => (s === 'escalated' ? 0 : 1);
  rows.sort((a, b) => rank(a.status) - rank(b.status));
  return { items: rows.map((d) => toDisputeView(ctx, d, 'operator')) };
};

/** The supplier answers within 3 days; later, the dispute has escalated (or will at the next sweep). */
export const respondToDispute = async (ctx: Ctx, input: { disputeId: string; response: string }) => {
  await inTransaction(ctx, async (tx) => {
    const { dispute, order } = await readable(tx, input.disputeId, { lock: true });
    orderPolicy.assertSupplier(tx.actor, order, order.id);
    if (dispute.status === 'awaiting_response' && tx.now() >= deadlinesOf(dispute).response)
      throw new AppError('DEADLINE_PASSED', 'The 3 days to respond have passed; the operator will decide');
    await moveDispute(
      tx,
      dispute,
      'responded',
      { response: input.response, respondedAt: tx.now() },
      { notify: dispute.buyerId },
    );
    await recordOrderEvent(tx, order, 'dispute_responded', { disputeId: dispute.id });
  });
  return getDispute(ctx, input);
};

/** Hands the dispute to the operator: the buyer from day 4, the supplier at any time. */
export const escalateDispute = async (ctx: Ctx, input: { disputeId: string }) => {
  await inTransaction(ctx, async (tx) => {
    const { dispute, order, side } = await readable(tx, input.disputeId, { lock: true });
    if (side === 'buyer') {
      orderPolicy.assertBuyer(tx.actor, order, order.id);
      const from = deadlinesOf(dispute).buyerMayEscalate;
      if (tx.now() < from)
        throw new AppError(
          'DEADLINE_PASSED',
          `The supplier has until ${from.toISOString()} to respond first`,
          {
            from: from.toISOString(),
          },
        );
    } else if (side === 'supplier') orderPolicy.assertSupplier(tx.actor, order, order.id);
    else throw notFound('Dispute', input.disputeId);
    await escalate(tx, dispute, order, side);
  });
  return getDispute(ctx, input);
};

export const escalate = async (
  ctx: Ctx,
  dispute: DisputeRow,
  order: OrderRow,
  by: 'buyer' | 'supplier' | 'timer',
) => {
  await moveDispute(ctx, dispute, 'escalated', { escalatedAt: ctx.now(), escalatedBy: by });
  await recordOrderEvent(ctx, order, 'dispute_escalated', { disputeId: dispute.id, by });
};

/** The buyer drops the dispute; the order carries on from where it stopped. */
export const withdrawDispute = async (ctx: Ctx, input: { disputeId: string }) => {
  await inTransaction(ctx, async (tx) => {
    const { dispute, order } = await readable(tx, input.disputeId, { lock: true });
    orderPolicy.assertBuyer(tx.actor, order, order.id);
    await moveDispute(tx, dispute, 'withdrawn', {}, { notify: dispute.companyId });
    await resumeOrder(tx, order, 'dispute_withdrawn');
  });
  return getDispute(ctx, input);
};

/**
 * The operator's decision, with the money it moves: a full refund returns
 * everything escrow holds and ends the order; a partial refund returns the
 * amount and the order resumes; a rejection only resumes it.
 */
export const decideDispute = async (ctx: Ctx, input: { disputeId: string } & DecideDisputeInput) => {
  await inTransaction(ctx, async (tx) => {
    const operator = orderPolicy.assertOperator(tx.actor);
    const { dispute, order } = await readable(tx, input.disputeId, { lock: true });
    if (dispute.status !== 'escalated')
      throw new AppError(
        'INVALID_TRANSITION',
        `A dispute ${dispute.status.replace('_', ' ')} cannot be decided`,
        {
          status: dispute.status,
        },
      );
    const held = await escrowHeld(tx, order);
    const refund =
      input.decision === 'full_refund'
        ? held
        : input.decision === 'partial_refund'
          ? BigInt(input.refundAmount!)
          : 0n;
    if (input.decision === 'partial_refund' && (refund <= 0n || refund > held))
      throw new AppError(
        'INSUFFICIENT_FUNDS',
        `A partial refund is between 1 and ${held} (what escrow holds)`,
        {
          held: held.toString(),
        },
      );
    await moveDispute(
      tx,
      dispute,
      'decided',
      {
        decision: input.decision,
        refundAmount: refund,
        decisionNote: input.note,
        decidedBy: operator.userId,
        decidedAt: tx.now(),
      },
      { decision: input.decision, refundAmount: refund.toString() },
    );
    await recordOrderEvent(tx, order, 'dispute_decided', {
      disputeId: dispute.id,
      decision: input.decision,
      refund: refund.toString(),
    });
    await recordAudit(tx, {
      action: 'dispute.decided',
      subjectType: 'dispute',
      subjectId: dispute.id,
      companyId: order.companyId,
      details: {
        orderId: order.id,
        buyerId: order.buyerId,
        decision: input.decision,
        refundAmount: refund.toString(),
        currency: order.currency,
        note: input.note ?? null,
      },
    });
    const resumed = await resumeOrder(tx, order, `dispute_${input.decision}`);
    if (refund > 0n)
      await refundAs(tx, resumed, {
        amount: refund,
        reason: `Dispute ${dispute.id}: ${input.decision}`,
        by: 'operator',
      });
  });
  return getDispute(ctx, input);
};

/** Disputes past their clocks escalate: no answer in 3 days, or still open on day 8. */
export const escalateOverdueDisputes = async (ctx: Ctx) => {
  const s = orderSettings();
  const now = ctx.now();
  const open = await ctx.db
    .select()
    .from(disputes)
    .where(inArray(disputes.status, ['awaiting_response', 'responded']));
  let escalated = 0;
  for (const d of open) {
    const due =
      d.status === 'awaiting_response'
        ? addMs(d.openedAt, s.disputeResponseMs)
        : addMs(d.openedAt, s.disputeAutoEscalationMs);
    if (now < due) continue;
    await inTransaction(ctx, async (t) => {
      const order = await lockOrder(t, d.orderId);
      const fresh = (await findDisputeRow(t, d.id))!;
      if (fresh.status !== d.status) return;
      await escalate(t, fresh, order!, 'timer');
      escalated++;
    });
  }
  return escalated;
};
