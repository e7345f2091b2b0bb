import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newMember, newOperator, newProduct, newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { orderInProduction, type Parties } from '../../test/order-factories.js';
import { as, newQuote, newRfq } from '../../test/sourcing-factories.js';

const h = useHarness();
let parties: Parties;

beforeAll(async () => {
  parties = {
    buyer: await newBuyer(h, { country: 'DE' }),
    supplier: await newSupplier(h, { province: '330000' }),
    operator: await newOperator(h),
  };
});

const analytics = (session: Parties['supplier'] | undefined, query = '') =>
  h.app.inject({
    method: 'GET',
    url: `/api/analytics/supplier${query}`,
    headers: session ? { cookie: session.cookie } : {},
  });

describe('GET /api/analytics/supplier', () => {
  it("counts the supplier's own inquiries, quotes, orders and paid trade this month, zeros before", async () => {
    const { buyer, supplier } = parties;
    const product = await newProduct(h, supplier);
    const inquiry = await as(h, buyer).post('/api/inquiries', {
      productId: product.id,
      message: 'Price for 500?',
    });
    expect(inquiry.statusCode, inquiry.body).toBe(201);
    const rfq = await newRfq(h, buyer);
    await newQuote(h, supplier, rfq.id);
    // 100 pumps at USD 45.00, deposit wired: a paid order of USD 4,500.00 in the trade facts.
    await orderInProduction(h, parties);
    await h.drainOutbox();

    const res = await analytics(supplier, '?months=3');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.months.map((m: { month: string }) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(body.months[2]).toEqual({
      month: '2026-11',
      inquiries: 1,
      inquiriesAnsweredInDay: 0,
      quotesSent: 1,
      quotesWon: 0,
      ordersPlaced: 1,
      paidUsd: '450000',
      paidOrders: 1,
    });
    expect(body.months[0]).toMatchObject({ inquiries: 0, quotesSent: 0, ordersPlaced: 0, paidUsd: '0' });
    expect(body.buyerCountries).toEqual([{ key: 'DE', paidUsd: '450000', orders: 1 }]);
    expect(body.categories).toHaveLength(1);
  });

  it("shows another supplier none of this supplier's figures", async () => {
    const other = await newSupplier(h);
    const res = await analytics(other, '?months=1');
    expect(res.statusCode).toBe(200);
    expect(res.json().months).toEqual([
      expect.objectContaining({ inquiries: 0, quotesSent: 0, ordersPlaced: 0, paidUsd: '0', paidOrders: 0 }),
    ]);
    expect(res.json().buyerCountries).toEqual([]);
  });

  it('is for members of supplier companies, with 12 months by default and at most 24', async () => {
    expect((await analytics(undefined)).statusCode).toBe(401);
    expect((await analytics(parties.buyer)).statusCode).toBe(403);
    expect((await analytics(parties.operator)).statusCode).toBe(403);
    const finance = await newMember(h, parties.supplier, 'finance');
    const byDefault = await analytics(finance);
    expect(byDefault.statusCode).toBe(200);
    expect(byDefault.json().months).toHaveLength(12);
    expect(byDefault.json().to).toBe('2026-11');
    for (const bad of ['?months=0', '?months=25', '?months=x', '?supplierId=co_other']) {
      const res = await analytics(parties.supplier, bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
