import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newOperator, newProduct, newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import {
  getOrder,
  money,
  orderInProduction,
  type Parties,
  placeOrder,
  receivedOrder,
  step,
  wireDue,
} from '../../test/order-factories.js';
import { as, newQuote, newRfq } from '../../test/sourcing-factories.js';
import { verifyLedger } from '../ledger/index.js';

const h = useHarness();
let parties: Parties;

beforeAll(async () => {
  parties = {
    buyer: await newBuyer(h),
    supplier: await newSupplier(h),
    operator: await newOperator(h),
  };
});

const ledgerIsSound = async () => {
  const report = await verifyLedger(h.database.db);
  expect(report.violations).toEqual([]);
};

describe('placing an order', () => {
  it('prices product lines at their quantity tier and defaults the terms', async () => {
    const order = await placeOrder(h, parties, {}, 120);
    expect(order.status).toBe('awaiting_confirmation');
    expect(order.lines[0]!.unitPrice).toEqual({ amount: '4500', currency: 'USD' });
    expect(order.total).toEqual({ amount: '540000', currency: 'USD' });
    expect(order.paymentTerms).toEqual({ depositPercent: 30, balanceDue: 'before_shipment' });
    // 120 pieces is past the product's one lead-time tier (≤ 100: 15 days), so the default applies.
    expect(order.shipBy).toEqual({ daysAfterDeposit: 30 });
    expect(order.viewer).toEqual({ role: 'buyer', actions: ['cancel'] });
    expect(order.nextDeadline?.kind).toBe('confirm_by');
  });

  it('refuses a quantity below the MOQ and a supplier reading it as its own is told the truth', async () => {
    const product = await newProduct(h, parties.supplier);
    const below = await as(h, parties.buyer).post('/api/orders', {
      lines: [{ productId: product.id, quantity: 5 }],
    });
    expect(below.statusCode).toBe(422);
    expect(below.json().error.code).toBe('BELOW_MOQ');
  });

  it('refuses products of two suppliers in one order, and a ship-by date in the past', async () => {
    const other = await newSupplier(h);
    const [a, b] = [await newProduct(h, parties.supplier), await newProduct(h, other)];
    const mixed = await as(h, parties.buyer).post('/api/orders', {
      lines: [
        { productId: a.id, quantity: 10 },
        { productId: b.id, quantity: 10 },
      ],
    });
    expect(mixed.statusCode).toBe(400);
    const past = await as(h, parties.buyer).post('/api/orders', {
      lines: [{ productId: a.id, quantity: 10 }],
      shipBy: { date: '2020-01-01' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toMatch(/in the past/);
  });

  it('orders the accepted quote’s frozen version, once', async () => {
    const rfq = await newRfq(h, parties.buyer);
    const quote = await newQuote(h, parties.supplier, rfq.id);
    expect((await as(h, parties.buyer).post(`/api/quotes/${quote.id}/accept`)).statusCode).toBe(200);
    const created = await as(h, parties.buyer).post(`/api/quotes/${quote.id}/order`, {
      paymentTerms: { depositPercent: 50, balanceDue: 'after_receipt' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    expect(order.quoteId).toBe(quote.id);
    expect(order.lines[0].unitPrice).toEqual({ amount: '4200', currency: 'USD' });
    expect(order.total).toEqual({ amount: '2100000', currency: 'USD' });
    expect(order.incoterm).toBe('FOB');
    expect(order.shipBy).toEqual({ daysAfterDeposit: 30 });
    const again = await as(h, parties.buyer).post(`/api/quotes/${quote.id}/order`, {});
    expect(again.statusCode).toBe(409);
  });

  it('refuses an order from a quote that is not accepted', async () => {
    const rfq = await newRfq(h, parties.buyer);
    const quote = await newQuote(h, parties.supplier, rfq.id);
    const response = await as(h, parties.buyer).post(`/api/quotes/${quote.id}/order`, {});
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('INVALID_TRANSITION');
  });
});

describe('the lifecycle', () => {
  it('confirms, takes the deposit by wire, ships, receives and releases escrow less the fee', async () => {
    const placed = await placeOrder(h, parties);
    const confirmed = await step(h, parties.supplier, placed.id, 'confirm');
    expect(confirmed.status).toBe('awaiting_deposit');
    expect(confirmed.dues.map((d) => [d.kind, d.amount.amount, d.status])).toEqual([
      ['deposit', '135000', 'open'],
      ['balance', '315000', 'open'],
    ]);
    expect(confirmed.dues[0]!.reference).toMatch(/^TL-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const producing = await wireDue(h, parties, confirmed, 'deposit');
    expect(producing.status).toBe('in_production');
    expect(producing.escrow.held).toEqual({ amount: '135000', currency: 'USD' });
    expect(producing.shipByDate).toBe('2026-11-17');

    const ready = await step(h, parties.supplier, placed.id, 'ready');
    expect(ready.status).toBe('awaiting_balance');
    const paid = await wireDue(h, parties, ready, 'balance');
    expect(paid.status).toBe('ready_to_ship');
    expect(paid.escrow.held.amount).toBe('450000');

    const shipped = await step(h, parties.supplier, placed.id, 'ship', {
      carrier: 'Maersk',
      trackingNumber: 'MAEU1',
    });
    expect(shipped.status).toBe('shipped');
    expect((await step(h, parties.supplier, placed.id, 'delivered')).status).toBe('delivered');
    const received = await step(h, parties.buyer, placed.id, 'receive');
    expect(received.status).toBe('received');
    expect(received.protectionEndsAt).toBe('2026-12-02T08:00:00.000Z');
    expect(received.viewer.actions).toContain('complete');

    const completed = await step(h, parties.buyer, placed.id, 'complete');
    expect(completed.status).toBe('completed');
    expect(completed.escrow.held.amount).toBe('0');
    const release = completed.timeline.find((e) => e.kind === 'completed')!;
    // 3 % of 4,500.00 is 135.00; the supplier gets 4,365.00.
    expect(release.details).toMatchObject({ released: '436500', fee: '13500', by: 'buyer' });

    await h.drainOutbox();
    const payouts = (await money(h, parties.supplier).get('/api/payouts')).json();
    expect(payouts.items.find((p: { orderId: string }) => p.orderId === placed.id)).toMatchObject({
      amount: { amount: '436500', currency: 'USD' },
      status: 'scheduled',
    });
    const payout = payouts.items.find((p: { orderId: string }) => p.orderId === placed.id);
    const sent = await money(h, parties.operator).post(`/api/payouts/${payout.id}/paid`, {
      bankReference: 'OUT-1',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().status).toBe('paid');
    await ledgerIsSound();
  });

  it('goes straight to production without a deposit, and takes the balance after receipt', async () => {
    const order = await orderInProduction(h, parties, {
      paymentTerms: { depositPercent: 0, balanceDue: 'after_receipt' },
    });
    expect(order.status).toBe('in_production');
    expect(order.dues.map((d) => d.kind)).toEqual(['balance']);
    expect((await step(h, parties.supplier, order.id, 'ready')).status).toBe('ready_to_ship');
    await step(h, parties.supplier, order.id, 'ship', {});
    const received = await step(h, parties.buyer, order.id, 'receive');
    expect(received.viewer.actions).not.toContain('complete');
    const early = await money(h, parties.buyer).post(`/api/orders/${order.id}/complete`);
    expect(early.statusCode).toBe(409);
    const paid = await wireDue(h, parties, received, 'balance');
    expect(paid.status).toBe('received');
    expect((await step(h, parties.buyer, order.id, 'complete')).status).toBe('completed');
    await ledgerIsSound();
  });

  it('refuses steps out of order and steps by the wrong side', async () => {
    const placed = await placeOrder(h, parties);
    const ship = await money(h, parties.supplier).post(`/api/orders/${placed.id}/ship`, {});
    expect(ship.statusCode).toBe(409);
    expect(ship.json().error.code).toBe('INVALID_TRANSITION');
    const buyerConfirms = await money(h, parties.buyer).post(`/api/orders/${placed.id}/confirm`);
    expect(buyerConfirms.statusCode).toBe(404);
    await step(h, parties.supplier, placed.id, 'confirm');
    const twice = await money(h, parties.supplier).post(`/api/orders/${placed.id}/confirm`);
    expect(twice.statusCode).toBe(409);
  });

  it('cancels before payment; once production starts only the supplier may, refunding everything', async () => {
    const early = await placeOrder(h, parties);
    const cancelled = await step(h, parties.buyer, early.id, 'cancel', { reason: 'Found a closer supplier' });
    expect(cancelled.status).toBe('cancelled');

    const producing = await orderInProduction(h, parties);
    const byBuyer = await money(h, parties.buyer).post(`/api/orders/${producing.id}/cancel`, {
      reason: 'Changed my mind',
    });
    expect(byBuyer.statusCode).toBe(409);
    const bySupplier = await step(h, parties.supplier, producing.id, 'cancel', { reason: 'Factory fire' });
    expect(bySupplier.status).toBe('cancelled');
    expect(bySupplier.escrow.held.amount).toBe('0');
    expect(bySupplier.timeline.at(-1)!.details).toMatchObject({ refunded: '135000' });
    await ledgerIsSound();
  });

  it('refunds part of escrow, never more than it holds; a full refund ends the order', async () => {
    const order = await orderInProduction(h, parties);
    const tooMuch = await money(h, parties.supplier).post(`/api/orders/${order.id}/refund`, {
      amount: '135001',
      reason: 'Goodwill',
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.code).toBe('INSUFFICIENT_FUNDS');
    const part = await step(h, parties.supplier, order.id, 'refund', {
      amount: '35000',
      reason: 'Colour change',
    });
    expect(part.status).toBe('in_production');
    expect(part.escrow.held.amount).toBe('100000');
    const rest = await step(h, parties.operator, order.id, 'refund', {
      amount: '100000',
      reason: 'Order withdrawn',
    });
    expect(rest.status).toBe('refunded');
    const byBuyer = await money(h, parties.buyer).post(`/api/orders/${order.id}/refund`, {
      amount: '1',
      reason: 'x',
    });
    expect(byBuyer.statusCode).toBe(404);
    await ledgerIsSound();
  });

  it('lists a company’s orders on its side', async () => {
    const order = await placeOrder(h, parties);
    const mine = (await money(h, parties.buyer).get('/api/orders')).json();
    expect(mine.items.some((o: { id: string }) => o.id === order.id)).toBe(true);
    const theirs = (await money(h, parties.supplier).get('/api/orders')).json();
    expect(theirs.items.some((o: { id: string }) => o.id === order.id)).toBe(true);
    const stranger = (await money(h, await newBuyer(h)).get('/api/orders')).json();
    expect(stranger.items).toEqual([]);
  });

  it('receives a full release even after a completed order’s fee rounds', async () => {
    const order = await receivedOrder(h, parties);
    const view = await getOrder(h, parties.supplier, order.id);
    expect(view.viewer.role).toBe('supplier');
    expect(view.viewer.actions).toContain('refund');
  });
});
