// The model behind orders-property.test.ts: what a random step is, which
// request it becomes, and what the rules (machines.ts, close-order.ts,
// disputes.ts, dues.ts, timers.ts) say it must do. Pure: no database, no
// HTTP, no test runner.

import fc from 'fast-check';
import { minAmount } from '../../core/money.js';
import { mt940 } from '../../test/order-factories.js';
import type { OrderView } from './api.js';
import {
  disputableStatuses,
  finalOrderStatuses,
  openDisputeStatuses,
  preShipmentStatuses,
} from './machines.js';
import { newPaymentReference } from './reference-code.js';
import type { DisputeDecision, DisputeStatus, DueKind, OrderStatus } from './schema.js';
import { addMs, type OrderSettings } from './settings.js';
import { splitPayments } from './terms.js';

export type Terms = {
  depositPercent: number;
  balanceDue: 'before_shipment' | 'after_receipt';
  coverage: 'pre_shipment' | 'post_delivery';
  quantity: number;
};

/** One order of a run as the model sees it, next to its last view through the API. */
export type Tracked = {
  id: string;
  view: OrderView;
  /** What left escrow: refunds, and releases (supplier share, fee, compensation). */
  out: bigint;
  /** What the model applied to each due. */
  paid: Record<DueKind, bigint>;
  /** Where the open dispute returns the order. */
  resumeTo: OrderStatus | null;
};

export type Token = 'tok_sandbox_ok' | 'tok_sandbox_capture_fails' | 'tok_sandbox_declined';

/** A step made concrete against the run's state: everything its request needs. */
export type Command =
  | { kind: 'confirm' | 'ready' | 'delivered' | 'receive' | 'complete'; o: number }
  | { kind: 'ship'; o: number; tracked: boolean }
  | { kind: 'cancel'; o: number; by: 'buyer' | 'supplier' }
  | { kind: 'refund'; o: number; by: 'supplier' | 'operator'; amount: bigint }
  | { kind: 'wire'; o: number; due: DueKind; amount: bigint; reference: string; content: string }
  | { kind: 'card'; o: number; due: DueKind; dueId: string; token: Token }
  | { kind: 'dispute'; o: number; amount: bigint }
  | { kind: 'respond' | 'withdraw'; o: number; disputeId: string }
  | { kind: 'escalate'; o: number; disputeId: string; by: 'buyer' | 'supplier' }
  | { kind: 'decide'; o: number; disputeId: string; decision: DisputeDecision; amount: bigint };
export type Kind = Command['kind'];

export const kinds: readonly Kind[] = [
  'confirm',
  'ready',
  'ship',
  'delivered',
  'receive',
  'complete',
  'cancel',
  'refund',
  'wire',
  'card',
  'dispute',
  'respond',
  'escalate',
  'withdraw',
  'decide',
];
/** Commands that move money take an Idempotency-Key and may be repeated with it. */
export const moneyKinds: readonly Kind[] = ['complete', 'cancel', 'refund', 'wire', 'card', 'decide'];

// ---------------------------------------------------------------------------
// Generators. Amounts are shares (per mille) of what the order holds or owes
// at the time, so shrinking keeps them meaningful.

const share = fc.oneof(
  { weight: 2, arbitrary: fc.constant(1000) }, // all of it
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 999 }) }, // part of it
  { weight: 1, arbitrary: fc.integer({ min: 1001, max: 2000 }) }, // more than there is
);
const weighted = <T>(...choices: [number, T][]) =>
  fc.oneof(...choices.map(([weight, value]) => ({ weight, arbitrary: fc.constant(value) })));

/** Every knob a command may read; each kind reads the ones it needs. */
const params = fc.record({
  share,
  /** The other party (supplier cancels, operator refunds, supplier escalates), or tracking on a shipment. */
  alt: fc.boolean(),
  due: weighted<DueKind>([1, 'deposit'], [1, 'balance']),
  wire: weighted<'full' | 'part' | 'over' | 'unknown'>([4, 'full'], [2, 'part'], [1, 'over'], [1, 'unknown']),
  token: weighted<Token>(
    [4, 'tok_sandbox_ok'],
    [1, 'tok_sandbox_capture_fails'],
    [1, 'tok_sandbox_declined'],
  ),
  decision: weighted<DisputeDecision>([1, 'full_refund'], [2, 'partial_refund'], [1, 'rejected']),
});
export type Params = typeof params extends fc.Arbitrary<infer T> ? T : never;

const order = fc.nat(3);
/** Mostly the first order, so that one at least goes all the way. */
const leadingOrder = fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, order);
export const stepArb = fc.oneof(
  // Any command on any order, allowed or not.
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('any' as const),
      o: order,
      kind: fc.constantFrom(...kinds),
      p: params,
    }),
  },
  // One the model allows on that order, so runs get deep into the lifecycle.
  {
    weight: 10,
    arbitrary: fc.record({
      t: fc.constant('allowed' as const),
      o: leadingOrder,
      pick: fc.nat(99),
      p: params,
    }),
  },
  // An earlier money command again: same key and body, same key and another body, or a new key.
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('repeat' as const),
      which: fc.nat(99),
      mode: weighted<'same' | 'altered' | 'newKey'>([2, 'same'], [1, 'altered'], [1, 'newKey']),
    }),
  },
  // Time passes; the timers run.
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('wait' as const),
      days: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
        fc.integer({ min: 5, max: 45 }),
      ),
    }),
  },
);
export type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

export const termsArb: fc.Arbitrary<Terms> = fc
  .record({
    depositPercent: fc.constantFrom(0, 30, 50, 100),
    balanceDue: fc.constantFrom('before_shipment' as const, 'after_receipt' as const),
    coverage: fc.constantFrom('pre_shipment' as const, 'post_delivery' as const),
    quantity: fc.integer({ min: 10, max: 600 }),
  })
  // Pre-shipment coverage protects a deposit: without one the order is refused (tested elsewhere).
  .map((t) => (t.depositPercent === 0 ? { ...t, coverage: 'post_delivery' as const } : t));

// ---------------------------------------------------------------------------
// Reading a view.

export const heldOf = (v: OrderView) => BigInt(v.escrow.held.amount);
export const dueOf = (v: OrderView, kind: DueKind) => v.dues.find((d) => d.kind === kind);
const owedOn = (due: OrderView['dues'][number]) => BigInt(due.amount.amount) - BigInt(due.paid.amount);
const isOpen = (status: DisputeStatus) => (openDisputeStatuses as readonly string[]).includes(status);
export const openDisputes = (v: OrderView) => v.disputes.filter((d) => isOpen(d.status));
export const isFinal = (s: OrderStatus) => finalOrderStatuses.includes(s);

/** `share` per mille of `base`, at least 1; exactly `base` for 1000. */
const portion = (base: bigint, perMille: number) => {
  if (perMille === 1000) return base > 0n ? base : 1n;
  const x = (base * BigInt(perMille)) / 1000n;
  return x > 0n ? x : 1n;
};

/** Turns a step's knobs into a command on order `o`; null when there is nothing to aim at (no dispute yet). */
export const resolve = (kind: Kind, o: number, t: Tracked, p: Params): Command | null => {
  const v = t.view;
  const held = heldOf(v);
  const dispute = openDisputes(v).at(-1) ?? v.disputes.at(-1);
  switch (kind) {
    case 'confirm':
    case 'ready':
    case 'delivered':
    case 'receive':
    case 'complete':
      return { kind, o };
    case 'ship':
      return { kind, o, tracked: p.alt };
    case 'cancel':
      return { kind, o, by: p.alt ? 'supplier' : 'buyer' };
    case 'refund':
      return { kind, o, by: p.alt ? 'operator' : 'supplier', amount: portion(held, p.share) };
    case 'dispute':
      return { kind, o, amount: portion(held, p.share) };
    case 'card': {
      const due = dueOf(v, p.due);
      return { kind, o, due: p.due, dueId: due?.id ?? 'due_missing', token: p.token };
    }
    case 'wire': {
      const due = dueOf(v, p.due);
      const owed = due ? owedOn(due) : 0n;
      const base = owed > 0n ? owed : due ? BigInt(due.amount.amount) : BigInt(v.total.amount) / 2n;
      const part = minAmount(portion(base, Math.min(p.share, 999)), base);
      const amount = p.wire === 'part' ? part : p.wire === 'over' ? base + part : base;
      const reference = p.wire === 'unknown' || !due ? newPaymentReference() : due.reference;
      const content = mt940([{ amount, currency: v.currency, remittance: `PO PAYMENT ${reference}` }]);
      return { kind, o, due: p.due, amount, reference, content };
    }
    case 'respond':
    case 'withdraw':
      return dispute ? { kind, o, disputeId: dispute.id } : null;
    case 'escalate':
      return dispute ? { kind, o, disputeId: dispute.id, by: p.alt ? 'supplier' : 'buyer' } : null;
    case 'decide':
      return dispute
        ? { kind, o, disputeId: dispute.id, decision: p.decision, amount: portion(held, p.share) }
        : null;
  }
};

// ---------------------------------------------------------------------------
// What the rules say a command must do.

export type Expectation = {
  /** The request must succeed (2xx); otherwise it must be refused with a 4xx and change nothing. */
  ok: boolean;
  /** The order's status afterwards. */
  status?: OrderStatus;
  /** What leaves escrow. */
  out?: bigint;
  /** What is applied to a due. */
  paid?: { due: DueKind; amount: bigint };
  /** A dispute opens (the status it interrupts) or ends (null). */
  resumeTo?: OrderStatus | null;
  /** How a wire's statement line is classified, or that the file was imported before. */
  wire?: 'matched' | 'partial' | 'overpaid' | 'unmatched' | 'alreadyImported';
};

const afterPaidInFull = (s: OrderStatus, due: DueKind): OrderStatus =>
  due === 'deposit' && s === 'awaiting_deposit'
    ? 'in_production'
    : due === 'balance' && s === 'awaiting_balance'
      ? 'ready_to_ship'
      : s;

const early: readonly OrderStatus[] = ['awaiting_confirmation', 'awaiting_deposit'];
const supplierMayCancel: readonly OrderStatus[] = [...early, 'in_production', 'awaiting_balance'];
// Before production a part-paid deposit goes back by cancelling, not by a refund.
const notRefundable: readonly OrderStatus[] = [
  'awaiting_confirmation',
  'awaiting_deposit',
  'completed',
  'cancelled',
  'refunded',
];

export const expectationOf = (
  c: Command,
  t: Tracked,
  now: Date,
  settings: OrderSettings,
  imported: ReadonlySet<string>,
): Expectation => {
  const v = t.view;
  const s = v.status;
  const held = heldOf(v);
  const none: Expectation = { ok: false };
  const dispute = 'disputeId' in c ? v.disputes.find((d) => d.id === c.disputeId) : undefined;
  const openedAt = dispute ? new Date(dispute.openedAt) : now;
  // Where the dispute's end returns the order: where it was, or past it if the balance it waited for came.
  const resumed: OrderStatus =
    s !== 'disputed'
      ? s
      : t.resumeTo === 'awaiting_balance' && dueOf(v, 'balance')?.status === 'paid'
        ? 'ready_to_ship'
        : t.resumeTo!;
  switch (c.kind) {
    case 'confirm': {
      const { deposit } = splitPayments(BigInt(v.total.amount), v.paymentTerms);
      return s === 'awaiting_confirmation'
        ? { ok: true, status: deposit > 0n ? 'awaiting_deposit' : 'in_production' }
        : none;
    }
    case 'ready': {
      const balance = dueOf(v, 'balance');
      const waitForBalance =
        v.paymentTerms.balanceDue === 'before_shipment' && balance !== undefined && balance.status !== 'paid';
      return s === 'in_production'
        ? { ok: true, status: waitForBalance ? 'awaiting_balance' : 'ready_to_ship' }
        : none;
    }
    case 'ship':
      return s === 'ready_to_ship' ? { ok: true, status: 'shipped' } : none;
    case 'delivered':
      return s === 'shipped' && v.tracking.number !== null ? { ok: true, status: 'delivered' } : none;
    case 'receive':
      return s === 'shipped' || s === 'delivered' ? { ok: true, status: 'received' } : none;
    case 'complete':
      return s === 'received' && !v.dues.some((d) => d.status === 'open')
        ? { ok: true, status: 'completed', out: held }
        : none;
    case 'cancel':
      return (c.by === 'buyer' ? early : supplierMayCancel).includes(s)
        ? { ok: true, status: 'cancelled', out: held }
        : none;
    case 'refund': {
      if (notRefundable.includes(s) || c.amount < 1n || c.amount > held) return none;
      const all = c.amount === held;
      return { ok: true, status: all ? 'refunded' : s, out: c.amount, ...(all ? { resumeTo: null } : {}) };
    }
    case 'card': {
      const due = dueOf(v, c.due);
      if (!due || due.id !== c.dueId || due.status !== 'open' || c.token !== 'tok_sandbox_ok') return none;
      return { ok: true, status: afterPaidInFull(s, c.due), paid: { due: c.due, amount: owedOn(due) } };
    }
    case 'wire': {
      if (imported.has(c.content)) return { ok: true, status: s, wire: 'alreadyImported' };
      const due = dueOf(v, c.due);
      if (!due || due.reference !== c.reference || due.status !== 'open')
        return { ok: true, status: s, wire: 'unmatched' };
      const owed = owedOn(due);
      const applied = minAmount(c.amount, owed);
      return {
        ok: true,
        status: applied === owed ? afterPaidInFull(s, c.due) : s,
        paid: { due: c.due, amount: applied },
        wire: c.amount < owed ? 'partial' : c.amount > owed ? 'overpaid' : 'matched',
      };
    }
    case 'dispute': {
      const covered = v.coverage === 'post_delivery' || preShipmentStatuses.includes(s);
      const windowOpen = !(s === 'received' && v.protectionEndsAt && now >= new Date(v.protectionEndsAt));
      const ok =
        disputableStatuses.includes(s) && covered && windowOpen && c.amount >= 1n && c.amount <= held;
      return ok ? { ok, status: 'disputed', resumeTo: s } : none;
    }
    case 'respond':
      return dispute?.status === 'awaiting_response' && now < addMs(openedAt, settings.disputeResponseMs)
        ? { ok: true, status: s }
        : none;
    case 'escalate': {
      const answerable = dispute?.status === 'awaiting_response' || dispute?.status === 'responded';
      const buyerMay = now >= addMs(openedAt, settings.disputeBuyerEscalationMs);
      return answerable && (c.by === 'supplier' || buyerMay) ? { ok: true, status: s } : none;
    }
    case 'withdraw':
      return dispute && isOpen(dispute.status) ? { ok: true, status: resumed, resumeTo: null } : none;
    case 'decide': {
      if (dispute?.status !== 'escalated') return none;
      const refund = c.decision === 'full_refund' ? held : c.decision === 'partial_refund' ? c.amount : 0n;
      if (c.decision === 'partial_refund' && (refund < 1n || refund > held)) return none;
      return {
        ok: true,
        status: refund > 0n && refund === held ? 'refunded' : resumed,
        out: refund,
        resumeTo: null,
      };
    }
  }
};

// ---------------------------------------------------------------------------
// What the timers must do once the clock reads `now`.

export type TimerExpectation = {
  status: OrderStatus;
  out: bigint;
  disputes: Map<string, DisputeStatus>;
};

export const expectationAfterTimers = (t: Tracked, now: Date, settings: OrderSettings): TimerExpectation => {
  const v = t.view;
  const deadline = v.nextDeadline;
  const due = deadline && deadline.kind !== 'ship_by' && now >= new Date(deadline.at) ? deadline.kind : null;
  const owed = v.dues.some((d) => d.status === 'open');
  let status = v.status;
  if (due === 'confirm_by' || due === 'pay_deposit_by' || due === 'pay_balance_by') status = 'cancelled';
  if (due === 'auto_receive') status = 'received';
  // An order still owing its balance (due after receipt) waits for it.
  if (due === 'protection_ends' && !owed) status = 'completed';
  const disputes = new Map<string, DisputeStatus>();
  for (const d of v.disputes) {
    const openedAt = new Date(d.openedAt);
    const overdue =
      (d.status === 'awaiting_response' && now >= addMs(openedAt, settings.disputeResponseMs)) ||
      (d.status === 'responded' && now >= addMs(openedAt, settings.disputeAutoEscalationMs));
    disputes.set(d.id, overdue ? 'escalated' : d.status);
  }
  return {
    status,
    out: isFinal(status) && !isFinal(v.status) ? heldOf(v) : 0n,
    disputes,
  };
};
