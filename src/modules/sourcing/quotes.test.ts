import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newProduct, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { as, newQuote, newRfq, offerInput } from '../../test/sourcing-factories.js';

const h = useHarness();
const hour = 60 * 60 * 1000;

/** A supplier with a water-pump listing, so it is matched to pump RFQs. */
const pumpSupplier = async () => {
  const supplier = await newSupplier(h);
  await newProduct(h, supplier, {
    moq: 100,
    priceTiers: [{ minQuantity: 100, maxQuantity: null, unitPrice: '4000' }],
  });
  return supplier;
};

describe('quoting on an RFQ', () => {
  let buyer: Session;
  let suppliers: Session[];

  beforeAll(async () => {
    buyer = await newBuyer(h);
    suppliers = [];
    for (let i = 0; i < 11; i++) suppliers.push(await pumpSupplier());
  });

  it('closes at the 10th quote and refuses the 11th', async () => {
    const rfq = await newRfq(h, buyer, { inviteLimit: 20 });
    for (const supplier of suppliers.slice(0, 10)) await newQuote(h, supplier, rfq.id);
    const after = await as(h, buyer).get(`/api/rfqs/${rfq.id}`);
    expect(after.json()).toMatchObject({ status: 'closed', quoteCount: 10 });
    const eleventh = await as(h, suppliers[10]).post(`/api/rfqs/${rfq.id}/quotes`, offerInput(h));
    expect(eleventh.statusCode, eleventh.body).toBe(409);
    expect(eleventh.json().error.code).toBe('LIMIT_REACHED');
  });

  it('takes exactly one of two quotes racing for the last place', async () => {
    const rfq = await newRfq(h, buyer, { inviteLimit: 20 });
    for (const supplier of suppliers.slice(0, 9)) await newQuote(h, supplier, rfq.id);
    const racing = await Promise.all(
      suppliers.slice(9, 11).map((s) => as(h, s).post(`/api/rfqs/${rfq.id}/quotes`, offerInput(h))),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await as(h, buyer).get(`/api/rfqs/${rfq.id}`)).json()).toMatchObject({
      status: 'closed',
      quoteCount: 10,
    });
  });

  it('opens a public RFQ to uninvited suppliers of its category, not to the rest of the industry', async () => {
    const rfq = await newRfq(h, buyer, { visibility: 'public', inviteLimit: 1 });
    const matched = (await as(h, buyer).get(`/api/rfqs/${rfq.id}/matches`)).json().items;
    const uninvited = suppliers.find(
      (s) => !matched.some((m: { supplier: { id: string } }) => m.supplier.id === s.companyId),
    )!;
    expect((await as(h, uninvited).get(`/api/rfqs/${rfq.id}`)).json().viewer).toMatchObject({
      invited: false,
    });
    const feed = (await as(h, uninvited).get('/api/supplier/rfq-feed')).json();
    expect(feed.items.map((i: { rfq: { id: string } }) => i.rfq.id)).toContain(rfq.id);
    await newQuote(h, uninvited, rfq.id);

    const valves = await newSupplier(h);
    await newProduct(h, valves, { categoryCode: 'machinery/valves/ball-valves', hsCode: '848180' });
    expect((await as(h, valves).get(`/api/rfqs/${rfq.id}`)).statusCode).toBe(404);
    expect((await as(h, valves).post(`/api/rfqs/${rfq.id}/quotes`, offerInput(h))).statusCode).toBe(404);
  });

  it('refuses a quote after the deadline, and the sweep expires the RFQ', async () => {
    const rfq = await newRfq(h, buyer, { deadline: new Date(h.clock().getTime() + 2 * hour).toISOString() });
    h.clock.advance(3 * hour);
    try {
      const late = await as(h, suppliers[0]).post(`/api/rfqs/${rfq.id}/quotes`, offerInput(h));
      expect(late.statusCode, late.body).toBe(409);
      expect(late.json().error.code).toBe('DEADLINE_PASSED');
      const { expireRfqs } = await import('./expire-rfqs.js');
      expect(await expireRfqs(h.database.db, h.clock)).toBeGreaterThanOrEqual(1);
      expect((await as(h, buyer).get(`/api/rfqs/${rfq.id}`)).json().status).toBe('expired');
    } finally {
      h.clock.advance(-3 * hour);
    }
  });

  it('refuses a quote outside the RFQ’s industry, a foreign product line, and an unknown field', async () => {
    const rfq = await newRfq(h, buyer);
    const toys = await newSupplier(h);
    await newProduct(h, toys, { categoryCode: 'toys/educational-toys', hsCode: '950300' });
    const outsider = await as(h, toys).post(`/api/rfqs/${rfq.id}/quotes`, offerInput(h));
    expect(outsider.statusCode).toBe(404); // never invited, not public: it cannot see the RFQ
    const otherProduct = await newProduct(h, suppliers[1]!);
    const foreign = await as(h, suppliers[0]).post(
      `/api/rfqs/${rfq.id}/quotes`,
      offerInput(h, {
        lines: [{ ...offerInput(h).lines[0]!, productId: otherProduct.id }],
      }),
    );
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(foreign.json().error.details.issues[0].path).toBe('lines[0].productId');
    const smuggled = await as(h, suppliers[0]).post(`/api/rfqs/${rfq.id}/quotes`, {
      ...offerInput(h),
      status: 'accepted',
    });
    expect(smuggled.statusCode).toBe(400);
    const rfqAfter = await as(h, buyer).get(`/api/rfqs/${rfq.id}`);
    expect(rfqAfter.json().quoteCount).toBe(0);
  });

  it('refuses a quote the buyer could not compare: no rate for its currency, or tiers short of the quantity', async () => {
    const rfq = await newRfq(h, buyer);
    const noRate = await as(h, suppliers[7]).post(
      `/api/rfqs/${rfq.id}/quotes`,
      offerInput(h, { currency: 'ISK' }),
    );
    expect(noRate.statusCode, noRate.body).toBe(400);
    expect(noRate.json().error.details.issues).toEqual([expect.objectContaining({ path: 'currency' })]);
    const short = await as(h, suppliers[7]).post(
      `/api/rfqs/${rfq.id}/quotes`,
      offerInput(h, {
        lines: [
          {
            ...offerInput(h).lines[0]!,
            quantity: 200,
            priceTiers: [{ minQuantity: 100, maxQuantity: 200, unitPrice: '4100' }],
          },
        ],
      }),
    );
    expect(short.statusCode, short.body).toBe(400);
    expect(short.json().error.details.issues[0].path).toBe('lines[0].priceTiers');
    const view = (await as(h, suppliers[7]).get(`/api/rfqs/${rfq.id}`)).json();
    expect(view).toMatchObject({
      currency: 'USD',
      viewer: { role: 'supplier', invited: true, myQuoteId: null },
    });
    expect(view.viewer.match.reasons.length).toBeGreaterThan(0);
  });

  it('keeps the negotiation as versions and freezes the accepted one', async () => {
    const rfq = await newRfq(h, buyer);
    const quote = await newQuote(h, suppliers[2]!, rfq.id);
    const counter = await as(h, buyer).post(`/api/quotes/${quote.id}/counter`, {
      targetUnitPrice: '3900',
      message: 'Can you do 39.00?',
    });
    expect(counter.statusCode, counter.body).toBe(200);
    expect(counter.json().status).toBe('countered');
    const early = await as(h, buyer).post(`/api/quotes/${quote.id}/accept`);
    expect(early.statusCode).toBe(409); // a countered quote waits for the supplier's answer
    const revised = await as(h, suppliers[2]).post(
      `/api/quotes/${quote.id}/revise`,
      offerInput(h, {
        lines: [
          {
            ...offerInput(h).lines[0]!,
            priceTiers: [{ minQuantity: 100, maxQuantity: null, unitPrice: '3950' }],
          },
        ],
        message: 'Meet you at 39.50',
      }),
    );
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({ status: 'submitted', currentVersion: 3 });
    expect(revised.json().versions.map((v: { author: string }) => v.author)).toEqual([
      'supplier',
      'buyer',
      'supplier',
    ]);
    const accepted = await as(h, buyer).post(`/api/quotes/${quote.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedVersion: 3 });
    expect(accepted.json().offer.total).toEqual({ amount: String(3950 * 500), currency: 'USD' });
    const late = await as(h, suppliers[2]).post(`/api/quotes/${quote.id}/revise`, offerInput(h));
    expect(late.statusCode).toBe(409);
  });

  it('awards exactly one quote when two acceptances race', async () => {
    const rfq = await newRfq(h, buyer);
    const [a, b] = [await newQuote(h, suppliers[3]!, rfq.id), await newQuote(h, suppliers[4]!, rfq.id)];
    const results = await Promise.all([
      as(h, buyer).post(`/api/quotes/${a.id}/accept`),
      as(h, buyer).post(`/api/quotes/${b.id}/accept`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const quotes = (await as(h, buyer).get(`/api/rfqs/${rfq.id}/quotes`)).json().items as {
      status: string;
    }[];
    expect(quotes.map((q) => q.status).sort()).toEqual(['accepted', 'declined']);
    const final = (await as(h, buyer).get(`/api/rfqs/${rfq.id}`)).json();
    expect(final.status).toBe('awarded');
    expect([a.id, b.id]).toContain(final.awardedQuoteId);
  });

  it('compares quotes in the buyer’s currency at the dated rate', async () => {
    const rfq = await newRfq(h, buyer, { currency: 'EUR', targetUnitPrice: '3700' });
    await newQuote(h, suppliers[5]!, rfq.id);
    await newQuote(
      h,
      suppliers[6]!,
      rfq.id,
      offerInput(h, {
        currency: 'CNY',
        lines: [
          {
            ...offerInput(h).lines[0]!,
            priceTiers: [{ minQuantity: 100, maxQuantity: null, unitPrice: '28000' }],
          },
        ],
      }),
    );
    const table = await as(h, buyer).get(`/api/rfqs/${rfq.id}/comparison`);
    expect(table.statusCode, table.body).toBe(200);
    const rows = table.json().rows as {
      quoted: { unitPrice: { amount: string; currency: string } };
      normalized: { unitPrice: { amount: string; currency: string } };
    }[];
    expect(rows).toHaveLength(2);
    // Shipped rates: EUR 1.08, CNY 0.14 USD. 42.00 USD = 38.89 EUR; 280.00 CNY = 39.20 USD = 36.30 EUR.
    expect(rows[0]!.normalized.unitPrice).toEqual({ amount: '3889', currency: 'EUR' });
    expect(rows[1]!.quoted.unitPrice).toEqual({ amount: '28000', currency: 'CNY' });
    expect(rows[1]!.normalized.unitPrice).toEqual({ amount: '3630', currency: 'EUR' });
  });
});

describe('the monthly quote quota', () => {
  it('refuses a supplier with no quota left and grants a fresh quota on the 1st', async () => {
    const buyer = await newBuyer(h);
    const supplier = await pumpSupplier();
    const start = h.clock();
    h.clock.set(new Date('2026-11-20T09:00:00Z'));
    try {
      for (let i = 0; i < 20; i++) {
        const rfq = await newRfq(h, buyer, { visibility: 'public' });
        await newQuote(h, supplier, rfq.id);
      }
      const rfq = await newRfq(h, buyer, { deadline: '2026-12-15T00:00:00Z' });
      const refused = await as(h, supplier).post(`/api/rfqs/${rfq.id}/quotes`, offerInput(h));
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'QUOTA_EXHAUSTED',
        details: { renews: '2026-12-01' },
      });
      expect((await as(h, supplier).get('/api/supplier/rfq-feed')).json().quota).toMatchObject({ left: 0 });

      h.clock.set(new Date('2026-12-01T00:00:01Z'));
      expect((await as(h, supplier).get('/api/supplier/rfq-feed')).json().quota).toEqual({
        month: '2026-12',
        granted: 20,
        used: 0,
        left: 20,
      });
      await newQuote(h, supplier, rfq.id);
      expect((await as(h, supplier).get('/api/supplier/rfq-feed')).json().quota).toMatchObject({
        used: 1,
        left: 19,
      });
    } finally {
      h.clock.set(start);
    }
  });
});
