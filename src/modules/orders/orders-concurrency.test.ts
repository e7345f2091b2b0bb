import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newOperator, newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { getOrder, money, newKey, type Parties, receivedOrder } from '../../test/order-factories.js';
import { verifyLedger } from '../ledger/index.js';

// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set: there the 50
// requests really race on separate connections.
const h = useHarness();
let parties: Parties;

beforeAll(async () => {
  parties = { buyer: await newBuyer(h), supplier: await newSupplier(h), operator: await newOperator(h) };
});

const disputedAndEscalated = async () => {
  const order = await receivedOrder(h, parties);
  const opened = await money(h, parties.buyer).post(`/api/orders/${order.id}/disputes`, {
    reason: 'not_as_described',
    description: 'Wrong motor rating on every pump.',
    amount: '450000',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const escalated = await money(h, parties.supplier).post(`/api/disputes/${opened.json().id}/escalate`);
  expect(escalated.statusCode, escalated.body).toBe(200);
  return { orderId: order.id, disputeId: opened.json().id as string };
};

describe('50 parallel money commands on one order', () => {
  it('release, refund and decide race: exactly one wins and the ledger balances', async () => {
    const { orderId, disputeId } = await disputedAndEscalated();
    const requests = Array.from({ length: 50 }, (_, i) => {
      if (i % 3 === 0)
        return money(h, parties.operator).post(`/api/disputes/${disputeId}/decide`, {
          decision: 'full_refund',
          note: `Decision ${i}`,
        });
      if (i % 3 === 1)
        return money(h, parties.supplier).post(`/api/orders/${orderId}/refund`, {
          amount: '450000',
          reason: `Refund ${i}`,
        });
      return money(h, parties.buyer).post(`/api/orders/${orderId}/complete`);
    });
    const responses = await Promise.all(requests);
    const statuses = responses.map((r) => r.statusCode);
    expect(
      statuses.filter((s) => s === 200),
      JSON.stringify(statuses),
    ).toHaveLength(1);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const order = await getOrder(h, parties.buyer, orderId);
    expect(order.status).toBe('refunded');
    expect(order.escrow.held.amount).toBe('0');
    const report = await verifyLedger(h.database.db);
    expect(report.violations).toEqual([]);
  });

  it('50 releases of one received order: one release, one payout', async () => {
    const order = await receivedOrder(h, parties);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => money(h, parties.buyer).post(`/api/orders/${order.id}/complete`)),
    );
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.statusCode >= 500)).toEqual([]);
    await h.drainOutbox();
    const payouts = (await money(h, parties.supplier).get('/api/payouts')).json();
    expect(payouts.items.filter((p: { orderId: string }) => p.orderId === order.id)).toHaveLength(1);
    expect((await verifyLedger(h.database.db)).violations).toEqual([]);
  });

  it('50 identical requests with one Idempotency-Key move the money once', async () => {
    const order = await receivedOrder(h, parties);
    const key = newKey();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        money(h, parties.supplier).post(
          `/api/orders/${order.id}/refund`,
          { amount: '1000', reason: 'Dent' },
          key,
        ),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(49);
    expect((await getOrder(h, parties.buyer, order.id)).escrow.held.amount).toBe('449000');
    expect((await verifyLedger(h.database.db)).violations).toEqual([]);
  });
});
