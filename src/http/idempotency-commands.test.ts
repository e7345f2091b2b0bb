import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../modules/ledger/index.js';
import type { OrderView } from '../modules/orders/index.js';
import { declarationInput, moveTo, newDeclaration } from '../test/declaration-factories.js';
import { newBuyer, newOperator, newProduct, newSupplier, type Session } from '../test/factories.js';
import { footprint, footprintDelta } from '../test/footprint.js';
import { book, newForwarder, publishCard } from '../test/freight-factories.js';
import { useHarness } from '../test/harness.js';
import {
  importStatement,
  money,
  mt940,
  newKey,
  orderInProduction,
  type Parties,
  placeOrder,
  receivedOrder,
  step,
} from '../test/order-factories.js';
import { as, newQuote, newRfq } from '../test/sourcing-factories.js';

// Every money or capacity command, through HTTP with an Idempotency-Key. On
// PostgreSQL (DATABASE_URL) the concurrent duplicates really race on
// separate connections; on PGlite they queue.
const h = useHarness();
let parties: Parties;
let forwarder: Session;

beforeAll(async () => {
  parties = { buyer: await newBuyer(h), supplier: await newSupplier(h), operator: await newOperator(h) };
  forwarder = await newForwarder(h);
});

/** One command on a fresh subject: `send` posts it with a key, its own body or another one. */
type Prepared = { send: (key: string, body?: 'same' | 'other') => Promise<LightMyRequestResponse> };
type Command = { name: string; prepare: () => Promise<Prepared> };

/** A JSON command posted by `session` to `url`: `body`, or `other` when asked for another body. */
const posting =
  (session: Session, url: string, body: object, other: object): Prepared['send'] =>
  (key, which = 'same') =>
    money(h, session).post(url, which === 'same' ? body : other, key);

/** The first line of a declaration input, to vary. */
const lineOf = (input: ReturnType<typeof declarationInput>) => (input.lines as Record<string, unknown>[])[0]!;
const deposit = (order: OrderView) => order.dues.find((d) => d.kind === 'deposit')!;
const awaitingDeposit = async () => {
  const placed = await placeOrder(h, parties);
  return step(h, parties.supplier, placed.id, 'confirm');
};
/** A wire the bank booked that names no reference: it waits in the reconciliation queue. */
const unmatchedWire = async () => {
  const response = await importStatement(
    h,
    parties.operator,
    mt940([{ amount: 135000n, currency: 'USD', remittance: `ORDER FROM GARCIA ${randomUUID()}` }]),
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json().payments[0].id as string;
};
const escalatedDispute = async () => {
  const order = await receivedOrder(h, parties);
  const opened = await money(h, parties.buyer).post(`/api/orders/${order.id}/disputes`, {
    reason: 'not_as_described',
    description: 'Wrong motor rating on every pump.',
    amount: '450000',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const escalated = await money(h, parties.supplier).post(`/api/disputes/${opened.json().id}/escalate`);
  expect(escalated.statusCode, escalated.body).toBe(200);
  return opened.json().id as string;
};
const payableOrderPayout = async () => {
  const order = await receivedOrder(h, parties);
  await step(h, parties.buyer, order.id, 'complete');
  await h.drainOutbox();
  const payouts = (await money(h, parties.supplier).get('/api/payouts')).json();
  return payouts.items.find((p: { orderId: string }) => p.orderId === order.id).id as string;
};
const acceptedQuote = async () => {
  const rfq = await newRfq(h, parties.buyer);
  const quote = await newQuote(h, parties.supplier, rfq.id);
  const accepted = await as(h, parties.buyer).post(`/api/quotes/${quote.id}/accept`);
  expect(accepted.statusCode, accepted.body).toBe(200);
  return quote.id;
};

const commands: Command[] = [
  {
    name: 'pay a due online (order.pay)',
    prepare: async () => {
      const order = await awaitingDeposit();
      return {
        send: posting(
          parties.buyer,
          `/api/orders/${order.id}/pay`,
          { dueId: deposit(order).id, token: 'tok_sandbox_ok' },
          { dueId: deposit(order).id, token: 'tok_sandbox_ok_other_card' },
        ),
      };
    },
  },
  {
    name: 'import a bank statement (payments.statement)',
    prepare: async () => {
      const order = await awaitingDeposit();
      const wire = (bankRef: string) =>
        mt940([{ amount: 135000n, currency: 'USD', remittance: deposit(order).reference, bankRef }]);
      const [file, otherFile] = [
        wire(`BNK-${randomUUID().slice(0, 8)}`),
        wire(`BNK-${randomUUID().slice(0, 8)}`),
      ];
      return {
        send: (key, which = 'same') =>
          importStatement(h, parties.operator, which === 'same' ? file : otherFile, 'statement.sta', key),
      };
    },
  },
  {
    name: 'assign an unmatched wire (payment.assign)',
    prepare: async () => {
      const order = await awaitingDeposit();
      const other = await awaitingDeposit();
      const wire = await unmatchedWire();
      return {
        send: posting(
          parties.operator,
          `/api/payments/${wire}/assign`,
          { reference: deposit(order).reference },
          { reference: deposit(other).reference },
        ),
      };
    },
  },
  {
    name: 'return an unmatched wire (payment.return)',
    prepare: async () => {
      const wire = await unmatchedWire();
      return {
        send: posting(
          parties.operator,
          `/api/payments/${wire}/return`,
          { note: 'Unknown payer, sent back' },
          { note: 'Another note' },
        ),
      };
    },
  },
  {
    name: 'record a payout as sent (payout.paid)',
    prepare: async () => {
      const payout = await payableOrderPayout();
      return {
        send: posting(
          parties.operator,
          `/api/payouts/${payout}/paid`,
          { bankReference: 'OUT-1' },
          { bankReference: 'OUT-2' },
        ),
      };
    },
  },
  {
    name: 'cancel an order in production, refunding escrow (order.cancel)',
    prepare: async () => {
      const order = await orderInProduction(h, parties);
      return {
        send: posting(
          parties.supplier,
          `/api/orders/${order.id}/cancel`,
          { reason: 'Factory fire' },
          { reason: 'Out of stock' },
        ),
      };
    },
  },
  {
    name: 'complete an order, releasing escrow (order.complete)',
    prepare: async () => {
      const order = await receivedOrder(h, parties);
      // The command has no input: "another body" is the same key on another order.
      const other = await receivedOrder(h, parties);
      return {
        send: (key, which = 'same') =>
          money(h, parties.buyer).post(
            `/api/orders/${which === 'same' ? order.id : other.id}/complete`,
            {},
            key,
          ),
      };
    },
  },
  {
    name: 'refund from escrow (order.refund)',
    prepare: async () => {
      const order = await receivedOrder(h, parties);
      return {
        send: posting(
          parties.supplier,
          `/api/orders/${order.id}/refund`,
          { amount: '1000', reason: 'Dent' },
          { amount: '2000', reason: 'Dent' },
        ),
      };
    },
  },
  {
    name: 'decide an escalated dispute with a refund (dispute.decide)',
    prepare: async () => {
      const dispute = await escalatedDispute();
      return {
        send: posting(
          parties.operator,
          `/api/disputes/${dispute}/decide`,
          { decision: 'partial_refund', refundAmount: '100000', note: 'Half the pumps are wrong' },
          { decision: 'full_refund', note: 'All wrong' },
        ),
      };
    },
  },
  {
    name: "top up a supplier's ad wallet (ads.top-up)",
    prepare: async () => {
      const body = {
        supplierId: parties.supplier.companyId,
        amount: '50000',
        currency: 'USD',
        bankReference: `TT-${randomUUID()}`,
      };
      return {
        send: posting(parties.operator, '/api/ads/wallet/top-ups', body, { ...body, amount: '60000' }),
      };
    },
  },
  {
    name: 'place an order from products (order.create)',
    prepare: async () => {
      const product = await newProduct(h, parties.supplier);
      return {
        send: posting(
          parties.buyer,
          '/api/orders',
          { lines: [{ productId: product.id, quantity: 100 }] },
          { lines: [{ productId: product.id, quantity: 200 }] },
        ),
      };
    },
  },
  {
    name: 'order an accepted quote (order.create-from-quote)',
    prepare: async () => {
      const quote = await acceptedQuote();
      return {
        send: posting(
          parties.buyer,
          `/api/quotes/${quote}/order`,
          { paymentTerms: { depositPercent: 30, balanceDue: 'before_shipment' } },
          { paymentTerms: { depositPercent: 50, balanceDue: 'before_shipment' } },
        ),
      };
    },
  },
  {
    name: 'book freight space on a departure (freight.book)',
    prepare: async () => {
      const { departures } = await publishCard(h, forwarder);
      const body = (count: number) => ({
        departureId: departures[0]!.id,
        cargo: { containers: { type: '40HQ', count } },
        guaranteed: false,
        readyDate: '2026-11-05',
      });
      return { send: posting(parties.buyer, '/api/freight/bookings', body(2), body(3)) };
    },
  },
  {
    name: 'confirm an order, opening its dues (order.confirm)',
    prepare: async () => {
      const order = await placeOrder(h, parties);
      // The command has no input: "another body" is the same key on another order.
      const other = await placeOrder(h, parties);
      return {
        send: (key, which = 'same') =>
          money(h, parties.supplier).post(
            `/api/orders/${which === 'same' ? order.id : other.id}/confirm`,
            {},
            key,
          ),
      };
    },
  },
  {
    name: 'withdraw a booking, freeing its space (freight.cancel)',
    prepare: async () => {
      const { departures } = await publishCard(h, forwarder);
      const booking = await book(h, parties.buyer, { departureId: departures[0]!.id, containers: 2 });
      const other = await book(h, parties.buyer, { departureId: departures[0]!.id, containers: 1 });
      return {
        send: (key, which = 'same') =>
          money(h, parties.buyer).post(
            `/api/freight/bookings/${which === 'same' ? booking.id : other.id}/cancel`,
            {},
            key,
          ),
      };
    },
  },
  {
    name: 'report a guaranteed booking rolled, paying compensation (freight.event)',
    prepare: async () => {
      const { departures } = await publishCard(h, forwarder);
      const booking = await book(h, parties.buyer, {
        departureId: departures[0]!.id,
        containers: 2,
        guaranteed: true,
      });
      return {
        send: posting(
          forwarder,
          `/api/freight/bookings/${booking.id}/events`,
          { kind: 'rolled', note: 'Vessel omitted' },
          { kind: 'rolled', note: 'Port congestion' },
        ),
      };
    },
  },
  {
    name: "settle a declaration's FX on the ledger (declaration.move)",
    prepare: async () => {
      const received = await receivedOrder(h, parties);
      await step(h, parties.buyer, received.id, 'complete');
      const declaration = await newDeclaration(h, parties.supplier, {
        orderId: received.id,
        consignee: null,
        incoterm: null,
        currency: null,
        destinationCountry: null,
        lines: [{ ...lineOf(declarationInput()), quantity: 100, unitPrice: '4500' }],
      });
      await moveTo(h, parties.supplier, declaration.id, { to: 'declared' });
      await moveTo(h, parties.operator, declaration.id, { to: 'released' });
      await moveTo(h, parties.operator, declaration.id, { to: 'exported', exportedOn: '2026-11-02' });
      await moveTo(h, parties.supplier, declaration.id, { to: 'fx_received' });
      return {
        send: posting(
          parties.supplier,
          `/api/declarations/${declaration.id}/transition`,
          { to: 'fx_settled' },
          { to: 'fx_settled', note: 'Settled at the bank counter' },
        ),
      };
    },
  },
];

const concurrentDuplicates = 12;

describe.each(commands)('$name', ({ prepare }) => {
  it('same key twice: the same status and body, and the effect happens once', async () => {
    const { send } = await prepare();
    const key = newKey();
    const before = await footprint(h);
    const first = await send(key);
    expect(first.statusCode, first.body).toBeLessThan(300);
    const afterFirst = await footprint(h);
    expect(footprintDelta(before, afterFirst), 'the command had an effect').not.toEqual({});

    const replay = await send(key);
    expect(replay.statusCode).toBe(first.statusCode);
    expect(replay.json()).toEqual(first.json());
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await footprint(h), 'the replay moved nothing').toEqual(afterFirst);
  });

  it('same key with another body: refused in the standard format, nothing moves', async () => {
    const { send } = await prepare();
    const key = newKey();
    const first = await send(key);
    expect(first.statusCode, first.body).toBeLessThan(300);
    const afterFirst = await footprint(h);

    const other = await send(key, 'other');
    expect(other.statusCode, other.body).toBe(409);
    expect(other.json()).toEqual({
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/Idempotency-Key/),
        details: expect.any(Object),
      },
    });
    expect(await footprint(h)).toEqual(afterFirst);
  });

  it(`${concurrentDuplicates} concurrent duplicates with one key: one effect, every answer the same`, async () => {
    // The effect of one request, measured on a twin subject, is what the duplicates may add in all.
    const twin = await prepare();
    const beforeOne = await footprint(h);
    expect((await twin.send(newKey())).statusCode).toBeLessThan(300);
    const one = footprintDelta(beforeOne, await footprint(h));

    const { send } = await prepare();
    const key = newKey();
    const before = await footprint(h);
    const responses = await Promise.all(Array.from({ length: concurrentDuplicates }, () => send(key)));
    const statuses = responses.map((r) => r.statusCode);
    expect(new Set(statuses), JSON.stringify(statuses)).toEqual(new Set([responses[0]!.statusCode]));
    expect(responses[0]!.statusCode, responses[0]!.body).toBeLessThan(300);
    for (const response of responses) expect(response.json()).toEqual(responses[0]!.json());
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(
      concurrentDuplicates - 1,
    );
    expect(footprintDelta(before, await footprint(h))).toEqual(one);
    expect((await verifyLedger(h.database.db)).violations).toEqual([]);
  });
});
