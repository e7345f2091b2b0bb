import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newMember, newProduct, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { as, newQuote, newRfq, offerInput } from '../../test/sourcing-factories.js';

const h = useHarness();

/** A price no other record uses, so finding it in a response means a leak. */
const secretPrice = '4321';

describe('sourcing tenant isolation', () => {
  let buyer: Session;
  let buyerFinance: Session;
  let otherBuyer: Session;
  let supplier: Session;
  let supplierLogistics: Session;
  let competitor: Session;
  let rfqId: string;
  let quoteId: string;
  let inquiryId: string;

  beforeAll(async () => {
    [buyer, otherBuyer, supplier, competitor] = await Promise.all([
      newBuyer(h),
      newBuyer(h),
      newSupplier(h),
      newSupplier(h),
    ]);
    buyerFinance = await newMember(h, buyer, 'finance');
    supplierLogistics = await newMember(h, supplier, 'logistics');
    for (const s of [supplier, competitor])
      await newProduct(h, s, {
        moq: 100,
        priceTiers: [{ minQuantity: 100, maxQuantity: null, unitPrice: '4000' }],
      });
    rfqId = (await newRfq(h, buyer)).id;
    const offer = offerInput(h);
    quoteId = (
      await newQuote(h, supplier, rfqId, {
        lines: [
          {
            ...offer.lines[0]!,
            priceTiers: [{ minQuantity: 100, maxQuantity: null, unitPrice: secretPrice }],
          },
        ],
      })
    ).id;
    await newQuote(h, competitor, rfqId);
    const inquiry = await as(h, buyer).post('/api/inquiries', {
      supplierId: supplier.companyId,
      message: 'Hello',
    });
    expect(inquiry.statusCode, inquiry.body).toBe(201);
    inquiryId = inquiry.json().id;
  });

  type Case = {
    route: string;
    method: 'GET' | 'POST';
    url: () => string;
    body?: () => object;
    /** A company of the owner's kind with no part in the record: expects 404. */
    stranger: () => Session;
    /** A member of the owner's company whose role may not do this: expects 403. */
    wrongRole?: () => Session;
  };

  const cases: Case[] = [
    {
      route: 'GET /api/rfqs/:id',
      method: 'GET',
      url: () => `/api/rfqs/${rfqId}`,
      stranger: () => otherBuyer,
    },
    {
      route: 'POST /api/rfqs/:id/publish',
      method: 'POST',
      url: () => `/api/rfqs/${rfqId}/publish`,

      stranger: () => otherBuyer,
      wrongRole: () => buyerFinance,
    },
    {
      route: 'POST /api/rfqs/:id/cancel',
      method: 'POST',
      url: () => `/api/rfqs/${rfqId}/cancel`,

      stranger: () => otherBuyer,
      wrongRole: () => buyerFinance,
    },
    {
      route: 'GET /api/rfqs/:id/matches',
      method: 'GET',
      url: () => `/api/rfqs/${rfqId}/matches`,
      stranger: () => otherBuyer,
    },
    {
      route: 'GET /api/rfqs/:id/quotes',
      method: 'GET',
      url: () => `/api/rfqs/${rfqId}/quotes`,
      stranger: () => otherBuyer,
    },
    {
      route: 'GET /api/rfqs/:id/comparison',
      method: 'GET',
      url: () => `/api/rfqs/${rfqId}/comparison`,
      stranger: () => otherBuyer,
    },
    {
      route: 'POST /api/rfqs/:id/quotes',
      method: 'POST',
      url: () => `/api/rfqs/${rfqId}/quotes`,
      body: () => offerInput(h),

      stranger: () => supplier, // replaced below: a supplier never invited
      wrongRole: () => supplierLogistics,
    },
    {
      route: 'GET /api/quotes/:id',
      method: 'GET',
      url: () => `/api/quotes/${quoteId}`,
      stranger: () => competitor,
    },
    {
      route: 'POST /api/quotes/:id/revise',
      method: 'POST',
      url: () => `/api/quotes/${quoteId}/revise`,
      body: () => offerInput(h),

      stranger: () => competitor,
      wrongRole: () => supplierLogistics,
    },
    {
      route: 'POST /api/quotes/:id/counter',
      method: 'POST',
      url: () => `/api/quotes/${quoteId}/counter`,
      body: () => ({ targetUnitPrice: '100' }),

      stranger: () => otherBuyer,
      wrongRole: () => buyerFinance,
    },
    {
      route: 'POST /api/quotes/:id/accept',
      method: 'POST',
      url: () => `/api/quotes/${quoteId}/accept`,

      stranger: () => otherBuyer,
      wrongRole: () => buyerFinance,
    },
    {
      route: 'POST /api/quotes/:id/respond',
      method: 'POST',
      url: () => `/api/quotes/${quoteId}/respond`,
      body: () => ({ action: 'decline' }),

      stranger: () => otherBuyer,
      wrongRole: () => buyerFinance,
    },
    {
      route: 'POST /api/quotes/:id/rating',
      method: 'POST',
      url: () => `/api/quotes/${quoteId}/rating`,
      body: () => ({ rating: 1 }),

      stranger: () => otherBuyer,
      wrongRole: () => buyerFinance,
    },
    {
      route: 'GET /api/inquiries/:id',
      method: 'GET',
      url: () => `/api/inquiries/${inquiryId}`,
      stranger: () => otherBuyer,
    },
    {
      route: 'POST /api/inquiries/:id/messages',
      method: 'POST',
      url: () => `/api/inquiries/${inquiryId}/messages`,
      body: () => ({ message: 'Sneaky' }),

      stranger: () => otherBuyer,
      wrongRole: () => buyerFinance,
    },
    {
      route: 'POST /api/inquiries/:id/read',
      method: 'POST',
      url: () => `/api/inquiries/${inquiryId}/read`,

      stranger: () => competitor,
    },
  ];

  /** Everything a change could touch, as its owner sees it. */
  const snapshot = async () =>
    JSON.stringify([
      (await as(h, buyer).get(`/api/rfqs/${rfqId}`)).json(),
      (await as(h, buyer).get(`/api/rfqs/${rfqId}/quotes`)).json(),
      (await as(h, buyer).get(`/api/inquiries/${inquiryId}`)).json(),
    ]);

  const call = (c: Case, session?: Session) =>
    h.app.inject({
      method: c.method,
      url: c.url(),
      headers: session ? { cookie: session.cookie } : {},
      ...(c.method === 'POST' ? { payload: c.body?.() ?? {} } : {}),
    });

  for (const c of cases) {
    it(`${c.route}: 401 anonymous, 404 a stranger, 403 a wrong role, and nothing changes`, async () => {
      const before = await snapshot();
      expect((await call(c)).statusCode).toBe(401);
      const stranger = c.route === 'POST /api/rfqs/:id/quotes' ? await newSupplier(h) : c.stranger();
      const foreign = await call(c, stranger);
      expect(foreign.statusCode, foreign.body).toBe(404);
      expect(foreign.json().error.code).toBe('NOT_FOUND');
      if (c.wrongRole) {
        const denied = await call(c, c.wrongRole());
        expect(denied.statusCode, denied.body).toBe(403);
      }
      expect(await snapshot()).toBe(before);
    });
  }

  it('GET /api/rfqs/:id/attachments/:attachmentId: 401 anonymous, 404 a stranger or another RFQ’s file', async () => {
    const boundary = '----tradelane';
    const uploaded = await h.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie: buyer.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="drawing.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        Buffer.from('%PDF-1.4\n%%EOF\n'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachmentId = uploaded.json().id as string;
    const withFile = await newRfq(h, buyer, { attachmentIds: [attachmentId] });
    const url = `/api/rfqs/${withFile.id}/attachments/${attachmentId}`;
    expect((await as(h, buyer).get(url)).statusCode).toBe(200);
    expect((await as(h, supplier).get(url)).statusCode).toBe(200); // invited: it may read the RFQ
    expect((await as(h).get(url)).statusCode).toBe(401);
    expect((await as(h, otherBuyer).get(url)).statusCode).toBe(404);
    expect((await as(h, await newSupplier(h)).get(url)).statusCode).toBe(404);
    // The file is readable only through the RFQ that references it.
    expect((await as(h, supplier).get(`/api/rfqs/${rfqId}/attachments/${attachmentId}`)).statusCode).toBe(
      404,
    );
  });

  it('never shows a competitor the other supplier’s price, anywhere', async () => {
    const bodies = await Promise.all(
      [
        `/api/rfqs/${rfqId}`,
        `/api/rfqs/${rfqId}/quotes`,
        `/api/rfqs/${rfqId}/comparison`,
        `/api/rfqs/${rfqId}/matches`,
        `/api/quotes/${quoteId}`,
        '/api/supplier/rfq-feed?status=all',
        '/api/notifications',
        '/api/inquiries',
      ].map(async (url) => (await as(h, competitor).get(url)).body),
    );
    for (const body of bodies) expect(body).not.toContain(secretPrice);
    const visible = (await as(h, competitor).get(`/api/rfqs/${rfqId}/quotes`)).json().items;
    expect(visible.map((q: { supplier: { id: string } }) => q.supplier.id)).toEqual([competitor.companyId]);
    // The buyer does see it.
    expect((await as(h, buyer).get(`/api/rfqs/${rfqId}/comparison`)).body).toContain(secretPrice);
  });
});
