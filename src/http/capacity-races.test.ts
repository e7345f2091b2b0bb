import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../modules/ledger/index.js';
import { monthOf } from '../modules/sourcing/quota.js';
import { quoteQuotas } from '../modules/sourcing/schema.js';
import { newBuyer, newOperator, newSupplier, type Session } from '../test/factories.js';
import { footprint, footprintDelta } from '../test/footprint.js';
import { bookingRequest, newForwarder, publishCard } from '../test/freight-factories.js';
import { useHarness } from '../test/harness.js';
import {
  getOrder,
  importStatement,
  money,
  mt940,
  newKey,
  type Parties,
  placeOrder,
  receivedOrder,
  step,
} from '../test/order-factories.js';
import { as, newQuote, newRfq, offerInput } from '../test/sourcing-factories.js';

// Different requests (each with its own Idempotency-Key) racing for the last
// unit of something: space on a departure, money in escrow, one payout, one
// wire, one accepted quote, the last quote of a month. Exactly one may win;
// the rest are refused in the standard format, never a 500, and the ledger
// stays balanced. On PostgreSQL (DATABASE_URL) they race on real connections.
const h = useHarness();
let parties: Parties;
let forwarder: Session;
const racers = 8;

beforeAll(async () => {
  parties = { buyer: await newBuyer(h), supplier: await newSupplier(h), operator: await newOperator(h) };
  forwarder = await newForwarder(h);
});

/** One winner; every loser a 409 in the standard format with one of `codes`. */
const expectOneWinner = (responses: LightMyRequestResponse[], winner: number, codes: string[]) => {
  const statuses = responses.map((r) => r.statusCode);
  expect(
    statuses.filter((s) => s === winner),
    JSON.stringify(statuses),
  ).toHaveLength(1);
  for (const loser of responses.filter((r) => r.statusCode !== winner)) {
    expect(loser.statusCode, loser.body).toBe(409);
    expect(codes).toContain(loser.json().error.code);
    expect(loser.json().error.message).toEqual(expect.any(String));
  }
};

const expectLedgerBalanced = async () => expect((await verifyLedger(h.database.db)).violations).toEqual([]);

describe('racing for the last unit', () => {
  it('the last container slot of a departure: one booking gets it, the allotment is never exceeded', async () => {
    const { card, departures } = await publishCard(h, forwarder, { capacityPerDeparture: 10 });
    const departureId = departures[0]!.id;
    const nine = await bookingRequest(h, parties.buyer, { departureId, containers: 9 });
    expect(nine.statusCode, nine.body).toBe(201);
    const shippers = await Promise.all(Array.from({ length: 4 }, () => newBuyer(h)));
    const responses = await Promise.all(
      Array.from({ length: racers }, (_, i) =>
        h.app.inject({
          method: 'POST',
          url: '/api/freight/bookings',
          headers: { cookie: shippers[i % shippers.length]!.cookie, 'idempotency-key': newKey() },
          payload: {
            departureId,
            cargo: { containers: { type: '40HQ', count: 1 } },
            guaranteed: false,
            readyDate: '2026-11-05',
          },
        }),
      ),
    );
    expectOneWinner(responses, 201, ['CONFLICT', 'LIMIT_REACHED']);
    const view = await h.app.inject({
      method: 'GET',
      url: `/api/freight/rate-cards/${card.id}`,
      headers: { cookie: forwarder.cookie },
    });
    const departure = view.json().departures[0];
    expect(departure.standardBooked + departure.guaranteedBooked).toBe(10);
    expect(departure.capacity).toBe(10);
  });

  it('a booking cancelled by racing requests frees its space once', async () => {
    const { card, departures } = await publishCard(h, forwarder, { capacityPerDeparture: 10 });
    const booked = await bookingRequest(h, parties.buyer, { departureId: departures[0]!.id, containers: 3 });
    expect(booked.statusCode, booked.body).toBe(201);
    const responses = await Promise.all(
      Array.from({ length: racers }, () =>
        as(h, parties.buyer).post(`/api/freight/bookings/${booked.json().id}/cancel`),
      ),
    );
    expectOneWinner(responses, 200, ['CONFLICT', 'INVALID_TRANSITION']);
    const view = await h.app.inject({
      method: 'GET',
      url: `/api/freight/rate-cards/${card.id}`,
      headers: { cookie: forwarder.cookie },
    });
    expect(view.json().departures[0].standardBooked).toBe(0);
  });

  it('money in escrow: refunds that each want more than half, one succeeds, escrow never goes below zero', async () => {
    const order = await receivedOrder(h, parties);
    const held = BigInt(order.escrow.held.amount);
    const moreThanHalf = (held / 2n + 1n).toString();
    const responses = await Promise.all(
      Array.from({ length: racers }, (_, i) =>
        money(h, parties.supplier).post(`/api/orders/${order.id}/refund`, {
          amount: moreThanHalf,
          reason: `Refund ${i}`,
        }),
      ),
    );
    expectOneWinner(responses, 200, ['INSUFFICIENT_FUNDS', 'CONFLICT', 'INVALID_TRANSITION']);
    const after = await getOrder(h, parties.buyer, order.id);
    expect(BigInt(after.escrow.held.amount)).toBe(held - BigInt(moreThanHalf));
    await expectLedgerBalanced();
  });

  it('one payout, recorded as sent by racing requests with different bank references: paid once', async () => {
    const order = await receivedOrder(h, parties);
    await step(h, parties.buyer, order.id, 'complete');
    await h.drainOutbox();
    const payout = (await money(h, parties.supplier).get('/api/payouts'))
      .json()
      .items.find((p: { orderId: string }) => p.orderId === order.id);
    const before = await footprint(h);
    const responses = await Promise.all(
      Array.from({ length: racers }, (_, i) =>
        money(h, parties.operator).post(`/api/payouts/${payout.id}/paid`, { bankReference: `OUT-${i}` }),
      ),
    );
    expectOneWinner(responses, 200, ['CONFLICT', 'INVALID_TRANSITION']);
    expect(footprintDelta(before, await footprint(h)).transfers).toBe('1');
    await expectLedgerBalanced();
  });

  it('one unmatched wire assigned to different dues at once: it pays exactly one of them', async () => {
    const dues: { orderId: string; reference: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const placed = await placeOrder(h, parties);
      const confirmed = await step(h, parties.supplier, placed.id, 'confirm');
      dues.push({
        orderId: confirmed.id,
        reference: confirmed.dues.find((d) => d.kind === 'deposit')!.reference,
      });
    }
    const imported = await importStatement(
      h,
      parties.operator,
      mt940([{ amount: 135000n, currency: 'USD', remittance: 'GARCIA ORDER NO REF' }]),
    );
    expect(imported.statusCode, imported.body).toBe(200);
    const wire = imported.json().payments[0].id;
    const responses = await Promise.all(
      dues.map((due) =>
        money(h, parties.operator).post(`/api/payments/${wire}/assign`, { reference: due.reference }),
      ),
    );
    expectOneWinner(responses, 200, ['CONFLICT', 'INVALID_TRANSITION']);
    const statuses = await Promise.all(
      dues.map(async (d) => (await getOrder(h, parties.buyer, d.orderId)).status),
    );
    expect(statuses.filter((s) => s === 'in_production')).toHaveLength(1);
    await expectLedgerBalanced();
  });

  it('one accepted quote ordered by racing requests with different keys: one order', async () => {
    const rfq = await newRfq(h, parties.buyer);
    const quote = await newQuote(h, parties.supplier, rfq.id);
    expect((await as(h, parties.buyer).post(`/api/quotes/${quote.id}/accept`)).statusCode).toBe(200);
    const before = await footprint(h);
    const responses = await Promise.all(
      Array.from({ length: racers }, () => money(h, parties.buyer).post(`/api/quotes/${quote.id}/order`, {})),
    );
    expectOneWinner(responses, 201, ['CONFLICT', 'INVALID_TRANSITION']);
    expect(footprintDelta(before, await footprint(h)).orders).toBe('1');
  });

  it("the month's last quote of a supplier's quota: one of several quotes on different RFQs takes it", async () => {
    const supplier = parties.supplier;
    const rfqs = await Promise.all(Array.from({ length: 4 }, () => newRfq(h, parties.buyer)));
    await newQuote(h, supplier, rfqs[0]!.id);
    // Spend the quota down to its last quote (quoting 19 more RFQs would only be slower).
    await h.database.db
      .update(quoteQuotas)
      .set({ used: 19, granted: 20 })
      .where(and(eq(quoteQuotas.companyId, supplier.companyId), eq(quoteQuotas.month, monthOf(h.clock()))));
    const responses = await Promise.all(
      rfqs.slice(1).map((rfq) => as(h, supplier).post(`/api/rfqs/${rfq.id}/quotes`, offerInput(h))),
    );
    expectOneWinner(responses, 201, ['QUOTA_EXHAUSTED', 'CONFLICT']);
    const [quota] = await h.database.db
      .select()
      .from(quoteQuotas)
      .where(eq(quoteQuotas.companyId, supplier.companyId));
    expect(quota).toMatchObject({ used: 20, granted: 20 });
  });
});
