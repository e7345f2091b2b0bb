import { spawnSync } from 'node:child_process';
import { openDatabase } from '../../src/db/client.js';
import type { Journal, MoneyCommand } from './storm.js';

export type Verdict = {
  /** Acknowledged money commands whose effect is missing after the crashes. */
  lost: string[];
  /** Acknowledged money commands whose effect is there more than once. */
  duplicated: string[];
  /** Money or state half-applied: a movement without its command, a state without its money. */
  inconsistent: string[];
  /** Departures holding more than their capacity, or counters that disagree with the bookings. */
  overbooked: string[];
  ledgerVerifyOk: boolean;
  ledgerVerifyOutput: string;
};

type Row = Record<string, unknown>;
const big = (value: unknown) => BigInt(String(value ?? 0));
const ok = (status: number) => status >= 200 && status < 300;

/** The checks, run on the database as the crashes left it (PGlite recovers its WAL on open). */
export const verifyAfterCrashes = async (
  journal: Journal,
  target: { url?: string; dataDir?: string; env: Record<string, string> },
): Promise<Verdict> => {
  const verdict: Verdict = {
    lost: [],
    duplicated: [],
    inconsistent: [],
    overbooked: [],
    ledgerVerifyOk: false,
    ledgerVerifyOutput: '',
  };
  const database = await openDatabase({ url: target.url, dataDir: target.dataDir });
  const rows = async (text: string, values?: unknown[]) => (await database.sql(text, values)).rows as Row[];
  try {
    await checkKeys(journal, verdict, rows);
    await checkOrders(journal, verdict, rows);
    await checkBookings(journal, verdict, rows);
  } finally {
    await database.close();
  }
  // The product's own check, as an operator would run it: a separate process on the same database.
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ledger', 'verify'], {
    cwd: new URL('../../', import.meta.url),
    env: { ...process.env, ...target.env },
    encoding: 'utf8',
  });
  verdict.ledgerVerifyOk = cli.status === 0;
  verdict.ledgerVerifyOutput = `${cli.stdout}${cli.stderr}`.trim();
  return verdict;
};

type Rows = (text: string, values?: unknown[]) => Promise<Row[]>;

/** Every acknowledged key is stored once with the answer the client got; a refused one left nothing. */
const checkKeys = async (journal: Journal, verdict: Verdict, rows: Rows) => {
  const scopes = [...new Set(journal.money.map((m) => m.scope))];
  const stored = await rows(
    'select scope, key, response_status from idempotency_keys where scope = any($1::text[])',
    [scopes],
  );
  const byKey = new Map(stored.map((r) => [`${r.scope} ${r.key}`, Number(r.response_status)]));
  const issued = new Set<string>();
  for (const m of journal.money) {
    const id = `${m.scope} ${m.key}`;
    issued.add(id);
    const status = byKey.get(id);
    if (ok(m.status) && status === undefined) verdict.lost.push(`${m.command} ${m.key}: key not stored`);
    else if (ok(m.status) && status !== m.status)
      verdict.inconsistent.push(`${m.command} ${m.key}: answered ${m.status}, stored ${status}`);
    else if (!ok(m.status) && status !== undefined)
      verdict.inconsistent.push(`${m.command} ${m.key}: refused with ${m.status} but its key is stored`);
  }
  for (const key of byKey.keys())
    if (!issued.has(key)) verdict.inconsistent.push(`key ${key} stored for a command no client saw answered`);
};

const sum = (commands: MoneyCommand[]) => commands.reduce((total, m) => total + m.amount, 0n);

/**
 * Per order, the ledger against the acknowledged commands: each acknowledged
 * payment is one transfer into escrow and one captured provider payment, each
 * refund one transfer out, a release or cancel empties escrow; and every order
 * of these buyers, journaled or not, has money and state that agree.
 */
const checkOrders = async (journal: Journal, verdict: Verdict, rows: Rows) => {
  const buyerIds = [...new Set(journal.orders.map((o) => o.buyerScope.slice(3)))];
  const orders = await rows('select id, status, currency from orders where buyer_id = any($1::text[])', [
    buyerIds,
  ]);
  const planOf = new Map(journal.orders.map((o) => [o.id, o]));
  for (const order of orders) {
    const id = String(order.id);
    const acked = journal.money.filter((m) => m.orderId === id && ok(m.status));
    const pays = acked.filter((m) => m.command === 'order.pay');
    const refunds = acked.filter((m) => m.command === 'order.refund');
    const closes = acked.filter((m) => m.command === 'order.complete' || m.command === 'order.cancel');
    const [escrow] = await rows(
      'select id, debits_posted, credits_posted from ledger_accounts where code = $1',
      [`escrow:${id}:${order.currency}`],
    );
    const credits = escrow
      ? await rows('select id, amount from ledger_transfers where credit_account_id = $1', [escrow.id])
      : [];
    const refundOut = escrow
      ? await rows('select id, amount from ledger_transfers where debit_account_id = $1 and id like $2', [
          escrow.id,
          `order:${id}:refund:%`,
        ])
      : [];
    const captured = await rows(
      "select count(*)::int as n from provider_payments where order_id = $1 and status = 'captured'",
      [id],
    );
    const paidDues = await rows(
      "select count(*)::int as n from payment_dues where order_id = $1 and status = 'paid'",
      [id],
    );
    const tally = (what: string, expected: number, actual: number, commands: MoneyCommand[]) => {
      if (actual < expected)
        verdict.lost.push(...commands.slice(actual).map((m) => `${what} ${m.key} on ${id}`));
      if (actual > expected)
        verdict.duplicated.push(`${what} on ${id}: ${actual} in the ledger, ${expected} acknowledged`);
    };
    tally('payment into escrow', pays.length, credits.length, pays);
    tally('refund out of escrow', refunds.length, refundOut.length, refunds);
    const creditSum = credits.reduce((t, r) => t + big(r.amount), 0n);
    if (credits.length === pays.length && creditSum !== sum(pays))
      verdict.inconsistent.push(`${id}: escrow received ${creditSum}, payments acknowledged ${sum(pays)}`);
    const refundSum = refundOut.reduce((t, r) => t + big(r.amount), 0n);
    if (refundOut.length === refunds.length && refundSum !== sum(refunds))
      verdict.inconsistent.push(`${id}: refunded ${refundSum}, refunds acknowledged ${sum(refunds)}`);
    // Half-applied: a payment's three records (transfer, provider payment, due) always come together.
    if (Number(captured[0]!.n) !== credits.length || Number(paidDues[0]!.n) !== credits.length)
      verdict.inconsistent.push(
        `${id}: ${credits.length} escrow credits, ${captured[0]!.n} captured payments, ${paidDues[0]!.n} paid dues`,
      );
    const held = escrow ? big(escrow.credits_posted) - big(escrow.debits_posted) : 0n;
    const status = String(order.status);
    const closedBy = closes[0]?.command;
    const expectedStatus =
      closedBy === 'order.complete' ? 'completed' : closedBy === 'order.cancel' ? 'cancelled' : null;
    if (expectedStatus && status !== expectedStatus)
      verdict.lost.push(`${closedBy} ${closes[0]!.key} on ${id}: order is ${status}`);
    if ((status === 'completed' || status === 'cancelled') && held !== 0n)
      verdict.inconsistent.push(`${id} is ${status} with ${held} still in escrow`);
    if (!expectedStatus && (status === 'completed' || status === 'cancelled') && credits.length > 0)
      verdict.inconsistent.push(`${id} is ${status} without an acknowledged command closing it`);
    const plan = planOf.get(id);
    if (plan?.plan === 'refund' && plan.finished && held !== sum(pays) - sum(refunds))
      verdict.inconsistent.push(`${id}: escrow holds ${held}, expected ${sum(pays) - sum(refunds)}`);
    if (!plan && credits.length > 0)
      verdict.inconsistent.push(`${id}: money in escrow of an order no client placed`);
  }
};

/** Bookings: every acknowledged one exists, none appeared from nowhere, no departure holds more than it has. */
const checkBookings = async (journal: Journal, verdict: Verdict, rows: Rows) => {
  const booked = journal.bookings.flatMap((b) => (b.outcome === 'booked' ? [b] : []));
  const unanswered = journal.bookings.filter((b) => b.outcome === 'unanswered').length;
  const departureIds = [...new Set(booked.map((b) => b.departureId))];
  if (departureIds.length === 0) return;
  const [card] = await rows('select rate_card_id from freight_departures where id = $1', [departureIds[0]]);
  const all = await rows(
    'select id, departure_id, units, status from freight_bookings where rate_card_id = $1',
    [card!.rate_card_id],
  );
  const ids = new Set(all.map((b) => String(b.id)));
  for (const b of booked) if (!ids.has(b.id)) verdict.lost.push(`booking ${b.id}: acknowledged, not stored`);
  const extra = all.length - booked.length;
  if (extra > unanswered)
    verdict.inconsistent.push(
      `${all.length} bookings stored, ${booked.length} acknowledged, ${unanswered} unanswered`,
    );
  const departures = await rows(
    'select id, capacity, guaranteed_booked, standard_booked from freight_departures where rate_card_id = $1',
    [card!.rate_card_id],
  );
  for (const d of departures) {
    const held = all
      .filter((b) => b.departure_id === d.id && !['rejected', 'cancelled'].includes(String(b.status)))
      .reduce((t, b) => t + Number(b.units), 0);
    const counted = Number(d.guaranteed_booked) + Number(d.standard_booked);
    if (held > Number(d.capacity))
      verdict.overbooked.push(`${d.id}: ${held} units booked, capacity ${d.capacity}`);
    if (counted !== held) verdict.overbooked.push(`${d.id}: counters say ${counted}, bookings hold ${held}`);
  }
};
