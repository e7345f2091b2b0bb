import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { newBuyer, newOperator, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import {
  day,
  importStatement,
  money,
  mt940,
  newKey,
  type Parties,
  placeOrder,
} from '../../test/order-factories.js';
import { getAccount, verifyLedger } from '../ledger/index.js';
import type { OrderView } from './api.js';
import { orderMachine } from './machines.js';
import {
  type Command,
  dueOf,
  type Expectation,
  expectationAfterTimers,
  expectationOf,
  heldOf,
  isFinal,
  type Kind,
  kinds,
  moneyKinds,
  openDisputes,
  type Params,
  resolve,
  type Step,
  stepArb,
  type Terms,
  type Tracked,
  termsArb,
} from './orders-property-model.js';
import { type DueKind, dueKinds, type OrderStatus, orderStatuses } from './schema.js';
import { orderSettings } from './settings.js';

// "Random sequences of order actions, payments, timers, disputes and
// decisions on many orders; after every step the ledger invariants hold and
// no escrow is negative." Each run places a few orders with random terms and
// applies random steps to them through the HTTP API. The model
// (orders-property-model.ts) says which steps the rules allow and what they
// do; a refused step must be a 4xx that changes nothing, an allowed one must
// succeed and do what the model says, and after every step the invariants
// below hold.

const h = useHarness();
const settings = orderSettings();
let parties: Parties;

beforeAll(async () => {
  parties = { buyer: await newBuyer(h), supplier: await newSupplier(h), operator: await newOperator(h) };
});

/** A money command sent during the run, with its key and the response the key now replays (if any). */
type Sent = { c: Command; key: string; stored: { status: number; body: unknown } | null };

type Run = {
  orders: Tracked[];
  history: Sent[];
  /** Statement files imported successfully: importing one again books nothing. */
  imported: Set<string>;
  trail: string[];
};

/** What the runs reached, so the property is known not to be vacuous. */
const reached = new Map<string, number>();
const reach = (outcome: string) => reached.set(outcome, (reached.get(outcome) ?? 0) + 1);

// ---------------------------------------------------------------------------
// Requests.

const send = (c: Command, id: string, key: string, altered = false): Promise<LightMyRequestResponse> => {
  const { buyer, supplier, operator } = parties;
  const as = (session: Session) => money(h, session);
  switch (c.kind) {
    case 'confirm':
    case 'ready':
    case 'delivered':
      return as(supplier).post(`/api/orders/${id}/${c.kind}`, {}, key);
    case 'receive':
      return as(buyer).post(`/api/orders/${id}/receive`, {}, key);
    case 'ship':
      return as(supplier).post(
        `/api/orders/${id}/ship`,
        c.tracked ? { carrier: 'COSCO', trackingNumber: 'COSU123456' } : { carrier: 'Local truck' },
        key,
      );
    case 'complete':
      // It takes no input (EmptyBody refuses any field): "another body" is no body at all, which
      // the key's request hash tells apart from {}.
      return altered
        ? h.app.inject({
            method: 'POST',
            url: `/api/orders/${id}/complete`,
            headers: { cookie: buyer.cookie, 'idempotency-key': key },
          })
        : as(buyer).post(`/api/orders/${id}/complete`, {}, key);
    case 'cancel':
      return as(c.by === 'buyer' ? buyer : supplier).post(
        `/api/orders/${id}/cancel`,
        { reason: altered ? 'Changed plans again' : 'No longer needed' },
        key,
      );
    case 'refund':
      return as(c.by === 'operator' ? operator : supplier).post(
        `/api/orders/${id}/refund`,
        { amount: c.amount.toString(), reason: altered ? 'Goodwill, again' : 'Goodwill' },
        key,
      );
    case 'wire': {
      // Altered: the same payment in another file (another bank reference), under the same key.
      const content = altered
        ? mt940([{ amount: c.amount, currency: 'USD', remittance: `PO PAYMENT ${c.reference}` }])
        : c.content;
      return importStatement(h, operator, content, 'statement.sta', key);
    }
    case 'card': {
      const token = altered
        ? c.token === 'tok_sandbox_ok'
          ? 'tok_sandbox_declined'
          : 'tok_sandbox_ok'
        : c.token;
      return as(buyer).post(`/api/orders/${id}/pay`, { dueId: c.dueId, token }, key);
    }
    case 'dispute':
      return as(buyer).post(
        `/api/orders/${id}/disputes`,
        { reason: 'quality', description: 'Pump housings arrived cracked.', amount: c.amount.toString() },
        key,
      );
    case 'respond':
      return as(supplier).post(
        `/api/disputes/${c.disputeId}/respond`,
        { response: 'The cracks come from the carrier.' },
        key,
      );
    case 'escalate':
      return as(c.by === 'buyer' ? buyer : supplier).post(`/api/disputes/${c.disputeId}/escalate`, {}, key);
    case 'withdraw':
      return as(buyer).post(`/api/disputes/${c.disputeId}/withdraw`, {}, key);
    case 'decide':
      return as(operator).post(
        `/api/disputes/${c.disputeId}/decide`,
        {
          decision: c.decision,
          ...(c.decision === 'partial_refund' ? { refundAmount: c.amount.toString() } : {}),
          note: altered ? 'Reconsidered' : 'The photos support part of the claim',
        },
        key,
      );
  }
};

const label = (c: Command) => {
  const { kind, o, ...rest } = c;
  const details = Object.entries(rest)
    .filter(([k]) => k !== 'content' && k !== 'disputeId' && k !== 'dueId')
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return `#${o} ${kind}${details ? ` ${details}` : ''}`;
};

// ---------------------------------------------------------------------------
// Reading the state.

type Rows = { rows: Record<string, string>[] };
const rows = async (query: ReturnType<typeof sql>) =>
  ((await h.database.db.execute(query)) as unknown as Rows).rows;
const transferCount = async () =>
  Number((await rows(sql`select count(*)::text as n from ledger_transfers`))[0]!.n);

const refresh = async (run: Run) => {
  for (const t of run.orders) {
    const response = await money(h, parties.buyer).get(`/api/orders/${t.id}`);
    expect(response.statusCode, response.body).toBe(200);
    t.view = response.json();
  }
};

/** Everything a refused step must leave as it was. */
const snapshot = async (run: Run) => ({
  transfers: await transferCount(),
  orders: run.orders.map(({ view: v }) => ({
    status: v.status,
    held: v.escrow.held.amount,
    dues: v.dues.map((d) => [d.kind, d.status, d.paid.amount]),
    disputes: v.disputes.map((d) => [d.id, d.status]),
    timeline: v.timeline.length,
    compensation: v.compensation,
    tracking: v.tracking,
  })),
});

const paidOn = (v: OrderView, kind: DueKind) => BigInt(dueOf(v, kind)?.paid.amount ?? '0');

/** The order's status moves, from its timeline: a path through the machine ending where the order is. */
const statusPath = (v: OrderView) =>
  v.timeline
    .filter((e) => (orderStatuses as readonly string[]).includes(e.kind) && 'from' in e.details)
    .map((e) => [e.details.from as OrderStatus, e.kind as OrderStatus] as const);

// ---------------------------------------------------------------------------
// The invariants, after every step.

const checkInvariants = async (run: Run) => {
  expect((await verifyLedger(h.database.db)).violations).toEqual([]);
  // No escrow anywhere (earlier runs' orders too) ever holds less than nothing.
  const escrows = await rows(
    sql`select code, credits_posted::text as c, debits_posted::text as d, debits_pending::text as p
      from ledger_accounts where kind = 'escrow'`,
  );
  for (const a of escrows)
    expect(BigInt(a.c!) - BigInt(a.d!) - BigInt(a.p!), a.code).toBeGreaterThanOrEqual(0n);

  for (const t of run.orders) {
    const v = t.view;
    const where = `order #${run.orders.indexOf(t)} (${v.status})`;
    expect(Object.keys(orderMachine.transitions), where).toContain(v.status);
    // Money is conserved: escrow holds what was paid on the dues less what left it.
    for (const kind of dueKinds) expect(paidOn(v, kind), `${where}: paid on ${kind}`).toBe(t.paid[kind]);
    const paidIn = t.paid.deposit + t.paid.balance;
    const held = heldOf(v);
    expect(held, `${where}: held`).toBe(paidIn - t.out);
    expect(held >= 0n && held <= paidIn, `${where}: 0 ≤ held ≤ paid`).toBe(true);
    // …and the ledger's escrow account says the same, with nothing reserved.
    if (v.escrow.accountId) {
      const account = await getAccount(h.database.db, v.escrow.accountId);
      expect([account.creditsPosted, account.debitsPosted, account.debitsPending], where).toEqual([
        paidIn,
        t.out,
        0n,
      ]);
    } else expect([paidIn, t.out], where).toEqual([0n, 0n]);
    for (const d of v.dues) {
      const [amount, paid] = [BigInt(d.amount.amount), BigInt(d.paid.amount)];
      expect(paid >= 0n && paid <= amount, `${where}: ${d.kind} paid within its amount`).toBe(true);
      if (d.status === 'paid') expect(paid, `${where}: ${d.kind} paid in full`).toBe(amount);
    }
    // An order waits for a payment only while that payment is owed.
    if (v.status === 'awaiting_deposit')
      expect(dueOf(v, 'deposit')?.status, `${where}: the deposit it waits for`).toBe('open');
    if (v.status === 'awaiting_balance')
      expect(dueOf(v, 'balance')?.status, `${where}: the balance it waits for`).toBe('open');
    // A finished order holds nothing, owes nothing and has no dispute left open.
    if (isFinal(v.status)) {
      expect(held, `${where}: a finished order holds nothing`).toBe(0n);
      expect(
        v.dues.filter((d) => d.status === 'open'),
        `${where}: open dues`,
      ).toEqual([]);
    }
    // An order is disputed exactly while its one dispute is open.
    const open = openDisputes(v).length;
    expect(open, `${where}: open disputes`).toBe(v.status === 'disputed' ? 1 : 0);
    // Every status change is an edge of the machine, and they chain up to the current status.
    let at: OrderStatus = 'awaiting_confirmation';
    for (const [from, to] of statusPath(v)) {
      expect([from, orderMachine.transitions[from].includes(to)], `${where}: ${from} → ${to}`).toEqual([
        at,
        true,
      ]);
      at = to;
    }
    expect(at, `${where}: the timeline ends at the status`).toBe(v.status);
  }
};

// ---------------------------------------------------------------------------
// Steps.

/** Sends a command and holds it to the model's expectation; returns whether it succeeded. */
const attempt = async (run: Run, c: Command, key: string, altered = false) => {
  const t = run.orders[c.o]!;
  const expected: Expectation = expectationOf(c, t, h.clock(), settings, run.imported);
  const before = await snapshot(run);
  const response = await send(c, t.id, key, altered);
  run.trail.push(`${label(c)}${altered ? ' (altered)' : ''} → ${response.statusCode}`);
  expect(response.statusCode, `${label(c)}: ${response.body}`).toBeLessThan(500);
  reach(`${c.kind}:${response.statusCode}`);
  const ok = response.statusCode < 300;
  if (moneyKinds.includes(c.kind)) {
    const earlier = run.history.find((s) => s.key === key);
    const stored = ok ? { status: response.statusCode, body: response.json() } : null;
    if (earlier) earlier.stored = stored;
    else run.history.push({ c, key, stored });
  }
  if (!ok) {
    expect(expected.ok, `${label(c)} was refused though the rules allow it: ${response.body}`).toBe(false);
    await refresh(run);
    expect(await snapshot(run), `${label(c)} was refused but changed something`).toEqual(before);
    return false;
  }
  expect(expected.ok, `${label(c)} succeeded though the rules forbid it: ${response.body}`).toBe(true);
  t.out += expected.out ?? 0n;
  if (expected.paid) t.paid[expected.paid.due] += expected.paid.amount;
  if (expected.resumeTo !== undefined) t.resumeTo = expected.resumeTo;
  if (c.kind === 'wire') {
    const result = response.json();
    const outcome = result.alreadyImported ? 'alreadyImported' : result.payments[0]?.status;
    expect(outcome, `${label(c)}: how the wire was booked`).toBe(expected.wire);
    reach(`wire:${outcome}`);
    run.imported.add(c.content);
  }
  await refresh(run);
  expect(t.view.status, `${label(c)}: status afterwards`).toBe(expected.status);
  if (expected.wire === 'alreadyImported') expect(await snapshot(run)).toEqual(before);
  return true;
};

/** The same money command again: a replay with its key, a conflict with another body, or a new command. */
const repeat = async (run: Run, which: number, mode: 'same' | 'altered' | 'newKey') => {
  const sent = run.history[which % Math.max(run.history.length, 1)];
  if (!sent) return;
  if (mode === 'newKey') return attempt(run, sent.c, newKey());
  // A refused command left no key behind: sending it again is a new attempt.
  if (!sent.stored) return attempt(run, sent.c, sent.key);
  const t = run.orders[sent.c.o]!;
  const before = await snapshot(run);
  const response = await send(sent.c, t.id, sent.key, mode === 'altered');
  run.trail.push(`repeat ${label(sent.c)} (${mode} key) → ${response.statusCode}`);
  if (mode === 'same') {
    expect(response.statusCode, `replay of ${label(sent.c)}`).toBe(sent.stored.status);
    expect(response.headers['idempotent-replayed']).toBe('true');
    expect(response.json()).toEqual(sent.stored.body);
    reach('repeat:replayed');
  } else {
    expect(response.statusCode, `${label(sent.c)} with its key and another body`).toBe(409);
    reach('repeat:conflict');
  }
  await refresh(run);
  expect(await snapshot(run), `repeating ${label(sent.c)} changed something`).toEqual(before);
};

/** Time passes and the timers run; each order moves exactly as its clocks say. */
const wait = async (run: Run, days: number) => {
  h.clock.advance(days * day);
  const now = h.clock();
  const expected = run.orders.map((t) => expectationAfterTimers(t, now, settings));
  const before = run.orders.map((t) => t.view.status);
  const logged: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
  try {
    await h.runTimer('orders.run-timers');
  } finally {
    spy.mockRestore();
  }
  await h.drainOutbox();
  run.trail.push(`wait ${days} days → ${now.toISOString().slice(0, 10)}`);
  // No timer fails on any order (the sweeps log a failure and carry on).
  expect(logged).toEqual([]);
  await refresh(run);
  for (const [i, t] of run.orders.entries()) {
    const e = expected[i]!;
    if (before[i] !== t.view.status) reach(`timer:${t.view.status}`);
    expect(t.view.status, `order #${i} after the timers`).toBe(e.status);
    expect(new Map(t.view.disputes.map((d) => [d.id, d.status])), `order #${i}'s disputes`).toEqual(
      e.disputes,
    );
    t.out += e.out;
    const today = now.toISOString().slice(0, 10);
    if (['in_production', 'awaiting_balance', 'ready_to_ship'].includes(t.view.status) && t.view.shipByDate)
      if (t.view.shipByDate < today) expect(t.view.compensation, `order #${i} shipped late`).not.toBeNull();
  }
};

/**
 * How often an "allowed" step picks each kind it may: mostly forward through
 * the lifecycle, disputes now and then, never an early end (cancellations
 * come from the "any" steps and the timers).
 */
const guidedWeight: Record<Command['kind'], number> = {
  confirm: 4,
  ready: 4,
  ship: 4,
  delivered: 4,
  receive: 4,
  complete: 4,
  escalate: 4,
  decide: 4,
  wire: 3,
  card: 3,
  withdraw: 2,
  dispute: 1,
  respond: 1,
  refund: 1,
  cancel: 0,
};

/**
 * A command the model allows on order `o` (a wire that pays something), else
 * on the next order that has one; null when every order is finished.
 */
const allowedCommand = (run: Run, o: number, pick: number, p: Params): Command | null => {
  for (let i = 0; i < run.orders.length; i++) {
    const at = (o + i) % run.orders.length;
    const t = run.orders[at]!;
    const candidates = kinds.flatMap((kind) => {
      // The knobs as drawn, else with the other party (the supplier escalates when the buyer may not yet).
      for (const knobs of [p, { ...p, alt: !p.alt }]) {
        const c = resolve(kind, at, t, knobs);
        const e = c && expectationOf(c, t, h.clock(), settings, run.imported);
        if (c && e?.ok && (c.kind !== 'wire' || e.paid)) return Array<Command>(guidedWeight[kind]).fill(c);
      }
      return [];
    });
    if (candidates.length > 0) return candidates[pick % candidates.length]!;
  }
  return null;
};

const runSteps = async (run: Run, steps: Step[]) => {
  await checkInvariants(run);
  for (const s of steps) {
    if (s.t === 'wait') await wait(run, s.days);
    else if (s.t === 'repeat') await repeat(run, s.which, s.mode);
    else {
      const o = s.o % run.orders.length;
      const c = s.t === 'any' ? resolve(s.kind, o, run.orders[o]!, s.p) : allowedCommand(run, o, s.pick, s.p);
      if (!c) continue;
      await attempt(run, c, newKey());
    }
    await checkInvariants(run);
  }
};

// Two runs given in full, before the random ones: the whole lifecycle, and a
// dispute decided with a partial refund then timers finishing the order, so
// every invariant is seen through the deepest states on every test run.
const knobs = (p: Partial<Params> = {}): Params => ({
  share: 1000,
  alt: false,
  due: 'deposit',
  wire: 'full',
  token: 'tok_sandbox_ok',
  decision: 'rejected',
  ...p,
});
const act = (kind: Kind, p: Partial<Params> = {}, o = 0): Step => ({ t: 'any', o, kind, p: knobs(p) });
const examples: [Terms[], Step[]][] = [
  [
    [
      { depositPercent: 30, balanceDue: 'before_shipment', coverage: 'post_delivery', quantity: 100 },
      { depositPercent: 0, balanceDue: 'after_receipt', coverage: 'post_delivery', quantity: 10 },
    ],
    [
      act('confirm'),
      act('wire'),
      act('ready'),
      act('card', { due: 'balance' }),
      act('ship', { alt: true }),
      act('delivered'),
      act('receive'),
      act('complete'),
      { t: 'repeat', which: 2, mode: 'same' },
      { t: 'repeat', which: 2, mode: 'altered' },
      act('refund'),
      act('ship'),
      act('confirm', {}, 1),
      act('cancel', { alt: true }, 1),
    ],
  ],
  [
    [
      { depositPercent: 50, balanceDue: 'after_receipt', coverage: 'post_delivery', quantity: 200 },
      { depositPercent: 100, balanceDue: 'before_shipment', coverage: 'pre_shipment', quantity: 20 },
    ],
    [
      act('confirm'),
      act('wire', { wire: 'part', share: 400 }),
      act('card'),
      act('dispute', { share: 500 }),
      act('escalate', { alt: true }),
      act('decide', { decision: 'partial_refund', share: 500 }),
      act('ready'),
      act('ship'),
      act('wire', { wire: 'unknown' }, 1),
      { t: 'wait', days: 61 },
      act('wire', { due: 'balance', wire: 'over', share: 100 }),
      { t: 'wait', days: 31 },
      act('cancel', { alt: true }),
    ],
  ],
];

// ORDERS_PROPERTY_RUNS=200 for a longer search (a run takes one to three seconds).
const runs = Number(process.env.ORDERS_PROPERTY_RUNS ?? 15);
const timeLimit = (4 + runs / 10) * 60_000;

describe('order and payment properties', () => {
  it(
    'keeps the ledger sound, escrow non-negative and money conserved through random orders, payments, timers and disputes',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(termsArb, { minLength: 2, maxLength: 4 }),
          fc.array(stepArb, { minLength: 10, maxLength: 25, size: 'max' }),
          async (terms, steps) => {
            const run: Run = { orders: [], history: [], imported: new Set(), trail: [] };
            for (const term of terms) {
              const view = await placeOrder(
                h,
                parties,
                {
                  paymentTerms: { depositPercent: term.depositPercent, balanceDue: term.balanceDue },
                  coverage: term.coverage,
                },
                term.quantity,
              );
              const paid = { deposit: 0n, balance: 0n };
              run.orders.push({ id: view.id, view, out: 0n, paid, resumeTo: null });
            }
            try {
              await runSteps(run, steps);
            } catch (error) {
              // fast-check prints the (shrunk) steps; this is what they did.
              if (error instanceof Error) error.message += `\nWhat happened:\n  ${run.trail.join('\n  ')}`;
              throw error;
            }
          },
        ),
        // Every run has its own orders; the clock and the ledger are shared, and only move forward.
        // Shrinking replays whole runs: it stops after a few minutes with what it has.
        {
          numRuns: examples.length + runs,
          examples,
          interruptAfterTimeLimit: timeLimit,
          markInterruptAsFailure: false,
        },
      );
      if (process.env.ORDERS_PROPERTY_VERBOSE) console.log([...reached].sort());
      // Not vacuous: every outcome the examples aim at happened (the model and the requests agree)…
      for (const outcome of [
        'complete:200',
        'repeat:replayed',
        'repeat:conflict',
        'refund:409',
        'ship:409',
        'decide:200',
        'wire:partial',
        'wire:overpaid',
        'wire:unmatched',
        'timer:received',
        'timer:cancelled',
        'timer:completed',
        'cancel:409',
      ])
        expect([...reached.keys()], outcome).toContain(outcome);
      // …and the random runs moved money and were refused many times.
      const count = (pattern: RegExp) =>
        [...reached].filter(([k]) => pattern.test(k)).reduce((n, [, c]) => n + c, 0);
      expect(count(/:20\d$|^wire:(matched|partial|overpaid)$/)).toBeGreaterThan(runs * 5);
      expect(count(/:4\d\d$/)).toBeGreaterThan(runs);
    },
    timeLimit + 2 * 60_000,
  );
});
