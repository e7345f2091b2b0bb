import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newOperator, newProduct, newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { money, orderInProduction, type Parties, step, wireDue } from '../../test/order-factories.js';
import { saveRates } from '../fx/index.js';
import { tradeBuyerMonths, tradeDaily, tradeFacts } from './schema.js';

const h = useHarness();
let parties: Parties;

beforeAll(async () => {
  parties = {
    buyer: await newBuyer(h, { country: 'DE' }),
    supplier: await newSupplier(h, { province: '330000' }),
    operator: await newOperator(h),
  };
});

const factsOf = (orderId: string) =>
  h.database.db.select().from(tradeFacts).where(eq(tradeFacts.orderId, orderId)).orderBy(tradeFacts.seq);

describe('trade facts from orders', () => {
  it('records a paid order once, at its total in USD, and a refund as a negative fact with no order', async () => {
    // 100 pumps at USD 45.00: a total of 4,500.00, of which the 30 % deposit (1,350.00) is wired.
    const order = await orderInProduction(h, parties);
    expect(order.total).toEqual({ amount: '450000', currency: 'USD' });
    await h.drainOutbox();
    const [paid, ...others] = await factsOf(order.id);
    expect(others).toEqual([]);
    expect(paid).toMatchObject({
      factKey: `order:${order.id}:paid`,
      paidOn: '2026-11-02', // the harness clock's day
      supplierId: parties.supplier.companyId,
      supplierProvince: '330000',
      industry: 'machinery',
      category: 'machinery/pumps', // the product's machinery/pumps/water-pumps, at category level
      buyerId: parties.buyer.companyId,
      buyerCountry: 'DE',
      amountUsd: 450000n,
      orders: 1,
    });

    const refunded = await money(h, parties.supplier).post(`/api/orders/${order.id}/refund`, {
      amount: '35000',
      reason: 'Colour change',
    });
    expect(refunded.statusCode, refunded.body).toBe(200);
    await h.drainOutbox();
    const facts = await factsOf(order.id);
    expect(facts).toHaveLength(2);
    expect(facts[1]).toMatchObject({
      factKey: expect.stringMatching(new RegExp(`^order:${order.id}:refund:`)),
      paidOn: '2026-11-02',
      supplierProvince: '330000',
      buyerCountry: 'DE',
      amountUsd: -35000n,
      orders: 0,
    });

    // Draining again (and paying the balance, a second payment.received) adds nothing.
    await h.drainOutbox();
    const ready = await step(h, parties.supplier, order.id, 'ready');
    await wireDue(h, parties, ready, 'balance');
    await h.drainOutbox();
    expect(await factsOf(order.id)).toHaveLength(2);

    // The rollups moved with the facts: 4,500.00 − 350.00, one order, one buyer.
    const [daily] = await h.database.db
      .select({
        gmv: sql<string>`sum(${tradeDaily.gmvUsd})::text`,
        orders: sql<number>`sum(${tradeDaily.orders})::int`,
      })
      .from(tradeDaily)
      .where(eq(tradeDaily.province, '330000'));
    expect(daily).toEqual({ gmv: '415000', orders: 1 });
    expect(
      await h.database.db
        .select()
        .from(tradeBuyerMonths)
        .where(eq(tradeBuyerMonths.buyerId, parties.buyer.companyId)),
    ).toEqual([{ month: '2026-11-01', buyerCountry: 'DE', buyerId: parties.buyer.companyId }]);
  });

  it('converts an order in another currency at the rate of its payment day', async () => {
    await saveRates(h.database.db, [{ currency: 'EUR', day: '2026-11-02', usdPerUnit: '1.10' }], 'test');
    const product = await newProduct(h, parties.supplier, {
      currency: 'EUR',
      categoryCode: 'home-appliances/water-heaters/electric-water-heaters',
    });
    const placed = await money(h, parties.buyer).post(
      '/api/orders',
      { lines: [{ productId: product.id, quantity: 100 }] },
      null,
    );
    expect(placed.statusCode, placed.body).toBe(201);
    const confirmed = await step(h, parties.supplier, placed.json().id, 'confirm');
    const order = await wireDue(h, parties, confirmed, 'deposit');
    await h.drainOutbox();
    // EUR 4,500.00 × 1.10 = USD 4,950.00.
    expect(await factsOf(order.id)).toEqual([
      expect.objectContaining({
        category: 'home-appliances/water-heaters',
        amountUsd: 495000n,
        orders: 1,
      }),
    ]);
    await step(h, parties.supplier, order.id, 'refund', { amount: '10000', reason: 'Late' });
    await h.drainOutbox();
    // EUR 100.00 refunded: USD −110.00.
    expect((await factsOf(order.id))[1]).toMatchObject({ amountUsd: -11000n, orders: 0 });
  });
});
