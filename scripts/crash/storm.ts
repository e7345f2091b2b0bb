import { randomUUID } from 'node:crypto';
import { type Client, NoAnswer, NotReached } from './http-client.js';
import { sleep } from './server-process.js';
import type { Cast } from './setup.js';

/** One money command as the client saw it: what it asked, and the definitive answer it got. */
export type MoneyCommand = {
  command: 'order.pay' | 'order.refund' | 'order.complete' | 'order.cancel';
  scope: string;
  key: string;
  orderId: string;
  /** Minor units the command moves in or out of escrow (pay, refund); the release and cancel take what is held. */
  amount: bigint;
  status: number;
  attempts: number;
  replayed: boolean;
};

/** A booking request: acknowledged with its id, refused, or unanswered (bookings take no Idempotency-Key). */
export type BookingAttempt =
  | { outcome: 'booked'; id: string; departureId: string; units: number; guaranteed: boolean }
  | { outcome: 'refused'; status: number }
  | { outcome: 'unanswered' };

export type OrderPlan = 'release' | 'refund' | 'cancel';

export type Journal = {
  money: MoneyCommand[];
  bookings: BookingAttempt[];
  orders: { id: string; buyerScope: string; plan: OrderPlan; finished: boolean }[];
  requests: number;
  /** Orders a client gave up on, with why (a refusal the plan did not expect). */
  errors: string[];
};

type Dues = {
  id: string;
  kind: string;
  status: string;
  amount: { amount: string };
  paid: { amount: string };
}[];
type OrderBody = { id: string; status: string; dues: Dues };

const terminal = (status: number) => status < 500;

/** Runs one money command to a definitive answer, retrying with the same key, and journals it. */
const moneyCommand = async (
  journal: Journal,
  client: Client,
  input: Pick<MoneyCommand, 'command' | 'orderId' | 'amount'> & { path: string; body: unknown },
) => {
  const key = `crash-${randomUUID()}`;
  let reply = await client.sendUntilAnswered('POST', input.path, input.body, { 'idempotency-key': key });
  journal.requests += reply.attempts;
  // A 409 from a race the database settled stores no key: the same request is retried as it is.
  for (let retry = 0; reply.status === 409 && retry < 5; retry++) {
    await sleep(100);
    const again = await client.sendUntilAnswered('POST', input.path, input.body, { 'idempotency-key': key });
    journal.requests += again.attempts;
    reply = { ...again, attempts: reply.attempts + again.attempts };
  }
  journal.money.push({
    command: input.command,
    scope: `co:${client.companyId}`,
    key,
    orderId: input.orderId,
    amount: input.amount,
    status: reply.status,
    attempts: reply.attempts,
    replayed: reply.replayed,
  });
  if (!terminal(reply.status) || reply.status >= 300)
    throw new Error(
      `${input.command} on ${input.orderId} refused: ${reply.status} ${JSON.stringify(reply.body)}`,
    );
  return reply.body as OrderBody;
};

const readOrder = async (journal: Journal, client: Client, orderId: string) => {
  const reply = await client.sendUntilAnswered('GET', `/api/orders/${orderId}`);
  journal.requests += reply.attempts;
  if (reply.status !== 200) throw new Error(`GET order ${orderId}: ${reply.status}`);
  return reply.body as OrderBody;
};

/**
 * A state step without money (confirm, ready, ship, receive). It carries no
 * key, so after no answer the order itself says whether it happened.
 */
const orderStep = async (
  journal: Journal,
  client: Client,
  input: { orderId: string; action: string; body?: unknown; reached: string[] },
): Promise<OrderBody> => {
  for (;;) {
    journal.requests++;
    try {
      const reply = await client.send(
        'POST',
        `/api/orders/${input.orderId}/${input.action}`,
        input.body ?? {},
      );
      if (reply.status === 200) return reply.body as OrderBody;
      if (reply.status < 500 && reply.status !== 409 && reply.status !== 422)
        throw new Error(`${input.action} on ${input.orderId}: ${reply.status} ${JSON.stringify(reply.body)}`);
    } catch (error) {
      if (error instanceof NotReached) {
        await sleep(250);
        continue;
      }
      if (!(error instanceof NoAnswer)) throw error;
    }
    const order = await readOrder(journal, client, input.orderId);
    if (input.reached.includes(order.status)) return order;
    await sleep(100);
  }
};

const owed = (order: OrderBody, kind: string) => {
  const due = order.dues.find((d) => d.kind === kind && d.status === 'open');
  if (!due) throw new Error(`Order ${order.id} has no open ${kind} due: ${JSON.stringify(order.dues)}`);
  return { dueId: due.id, amount: BigInt(due.amount.amount) - BigInt(due.paid.amount) };
};

const placeOrder = async (journal: Journal, buyer: Client, productId: string): Promise<OrderBody> => {
  for (;;) {
    journal.requests++;
    try {
      const reply = await buyer.send('POST', '/api/orders', { lines: [{ productId, quantity: 100 }] });
      if (reply.status === 201) return reply.body as OrderBody;
      if (reply.status < 500) throw new Error(`order: ${reply.status} ${JSON.stringify(reply.body)}`);
    } catch (error) {
      // An unanswered order may exist without us knowing: it holds no money and is simply left behind.
      if (!(error instanceof NoAnswer || error instanceof NotReached)) throw error;
    }
    await sleep(250);
  }
};

const pay = async (journal: Journal, buyer: Client, order: OrderBody, kind: 'deposit' | 'balance') => {
  const due = owed(order, kind);
  return moneyCommand(journal, buyer, {
    command: 'order.pay',
    orderId: order.id,
    amount: due.amount,
    path: `/api/orders/${order.id}/pay`,
    body: { dueId: due.dueId, token: 'tok_sandbox_ok' },
  });
};

/** One order from placement to its plan's end: money in, then released, refunded in parts, or cancelled. */
const tradeOnce = async (journal: Journal, cast: Cast, buyer: Client, plan: OrderPlan) => {
  const { supplier } = cast;
  const placed = await placeOrder(journal, buyer, cast.productId);
  const entry = { id: placed.id, buyerScope: `co:${buyer.companyId}`, plan, finished: false };
  journal.orders.push(entry);
  const step = (client: Client, action: string, reached: string[], body?: unknown) =>
    orderStep(journal, client, { orderId: placed.id, action, reached, body });
  let order = await step(supplier, 'confirm', ['awaiting_deposit']);
  order = await pay(journal, buyer, order, 'deposit');
  const deposit = BigInt(order.dues.find((d) => d.kind === 'deposit')!.amount.amount);
  if (plan === 'release') {
    order = await step(supplier, 'ready', ['awaiting_balance']);
    await pay(journal, buyer, order, 'balance');
    await step(supplier, 'ship', ['shipped'], { carrier: 'COSCO', trackingNumber: 'COSU1234567' });
    await step(buyer, 'receive', ['received']);
    await moneyCommand(journal, buyer, {
      command: 'order.complete',
      orderId: placed.id,
      amount: 0n,
      path: `/api/orders/${placed.id}/complete`,
      body: undefined,
    });
  } else if (plan === 'refund') {
    for (const part of [deposit / 3n, deposit / 4n])
      await moneyCommand(journal, supplier, {
        command: 'order.refund',
        orderId: placed.id,
        amount: part,
        path: `/api/orders/${placed.id}/refund`,
        body: { amount: part.toString(), reason: 'Crash harness: partial refund' },
      });
  } else {
    await moneyCommand(journal, supplier, {
      command: 'order.cancel',
      orderId: placed.id,
      amount: 0n,
      path: `/api/orders/${placed.id}/cancel`,
      body: { reason: 'Crash harness: supplier cancels' },
    });
  }
  entry.finished = true;
};

const plans: OrderPlan[] = ['release', 'refund', 'cancel'];

/** A client trading order after order until `stop` is set; it always finishes the order it is on. */
export const trader = async (journal: Journal, cast: Cast, buyer: Client, stop: { now: boolean }) => {
  for (let i = 0; !stop.now; i++)
    await tradeOnce(journal, cast, buyer, plans[i % plans.length]!).catch((error: Error) => {
      journal.errors.push(error.message);
    });
};

/** A client booking one container at a time, a third of them guaranteed (which rolls standard bookings). */
export const booker = async (journal: Journal, cast: Cast, shipper: Client, stop: { now: boolean }) => {
  const readyDate = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; !stop.now; i++) {
    const departure = cast.departures[i % cast.departures.length]!;
    const guaranteed = i % 3 === 2;
    journal.requests++;
    try {
      const reply = await shipper.send('POST', '/api/freight/bookings', {
        departureId: departure.id,
        cargo: { containers: { type: '40HQ', count: 1 } },
        guaranteed,
        readyDate,
      });
      const body = reply.body as { id: string; units: number };
      if (reply.status === 201)
        journal.bookings.push({
          outcome: 'booked',
          id: body.id,
          departureId: departure.id,
          units: body.units,
          guaranteed,
        });
      else journal.bookings.push({ outcome: 'refused', status: reply.status });
    } catch (error) {
      if (error instanceof NotReached) {
        // Nobody listened: nothing was booked, the next round asks again.
        await sleep(250);
        continue;
      }
      if (!(error instanceof NoAnswer)) throw error;
      // Not retried: without a key a retry could book twice. The check accepts it booked or not.
      journal.bookings.push({ outcome: 'unanswered' });
    }
    await sleep(50);
  }
};
