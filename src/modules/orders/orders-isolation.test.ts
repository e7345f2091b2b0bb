import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newMember, newOperator, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import {
  importStatement,
  money,
  mt940,
  newKey,
  type Parties,
  receivedOrder,
  step,
} from '../../test/order-factories.js';
import { verifyLedger } from '../ledger/index.js';
import type { OrderView } from './index.js';

const h = useHarness();

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** A multipart upload of one file (an attachment, or a bank statement), with an Idempotency-Key. */
const upload = (url: string, session: Session | undefined, file: Buffer, fileName: string) => {
  const boundary = '----tradelane-isolation';
  return h.app.inject({
    method: 'POST',
    url,
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      'idempotency-key': newKey(),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
};

const uploadPdf = async (session: Session) => {
  const response = await upload('/api/attachments', session, pdf, 'damaged-pallet.pdf');
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};

describe('orders and payments tenant isolation', () => {
  /** Buyer A and supplier S, the order's parties, and the operator. */
  let buyer: Session;
  let supplier: Session;
  let operator: Session;
  /** Buyer B and supplier T: companies with no part in the order. */
  let otherBuyer: Session;
  let otherSupplier: Session;
  /** Members of A and S whose roles may read the order but not act on it. */
  let buyerSales: Session;
  let supplierPurchasing: Session;

  /** Disputed in its protection window: the deposit in escrow, the balance still owed. */
  let order: OrderView;
  /** Completed: its release made S's payable balance and a scheduled payout. */
  let completed: OrderView;
  let disputeId: string;
  let evidenceId: string;
  /** A's file that no dispute references. */
  let looseFileId: string;
  let escrowAccountId: string;
  let payableAccountId: string;
  let payoutId: string;
  let balanceDue: OrderView['dues'][number];
  /** A wire with no reference, waiting in the reconciliation queue. */
  let unmatchedPaymentId: string;

  /** Everything a refused request could have changed, as the operator sees it. */
  const snapshot = async () => {
    const urls = [
      `/api/orders/${order.id}`,
      `/api/orders/${order.id}/disputes`,
      `/api/orders/${order.id}/payment-instructions`,
      `/api/disputes/${disputeId}`,
      `/api/orders/${completed.id}`,
      `/api/ledger/accounts/${escrowAccountId}?limit=500`,
      `/api/ledger/accounts/${payableAccountId}?limit=500`,
      '/api/payouts',
      '/api/payments/reconciliation',
    ];
    const bodies = [];
    for (const url of urls) {
      const response = await money(h, operator).get(url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      bodies.push(response.json());
    }
    return bodies;
  };
  let baseline: Awaited<ReturnType<typeof snapshot>>;
  const expectUnchanged = async () => expect(await snapshot()).toEqual(baseline);

  beforeAll(async () => {
    [buyer, supplier, otherBuyer, otherSupplier, operator] = await Promise.all([
      newBuyer(h),
      newSupplier(h),
      newBuyer(h),
      newSupplier(h),
      newOperator(h),
    ]);
    buyerSales = await newMember(h, buyer, 'sales');
    supplierPurchasing = await newMember(h, supplier, 'purchasing');
    const parties: Parties = { buyer, supplier, operator };

    completed = await step(h, buyer, (await receivedOrder(h, parties)).id, 'complete');
    expect(completed.status).toBe('completed');
    await h.drainOutbox();
    const payouts = (await money(h, supplier).get('/api/payouts')).json();
    payoutId = payouts.items.find((p: { orderId: string }) => p.orderId === completed.id).id;
    payableAccountId = payouts.payable[0].accountId;

    const received = await receivedOrder(h, parties, {
      paymentTerms: { depositPercent: 30, balanceDue: 'after_receipt' },
    });
    balanceDue = received.dues.find((d) => d.kind === 'balance')!;
    expect(balanceDue.status).toBe('open');
    evidenceId = await uploadPdf(buyer);
    looseFileId = await uploadPdf(buyer);
    const opened = await money(h, buyer).post(`/api/orders/${received.id}/disputes`, {
      reason: 'quality',
      description: 'Two pallets arrived crushed; photos attached.',
      amount: '50000',
      evidenceIds: [evidenceId],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    disputeId = opened.json().id;
    order = (await money(h, buyer).get(`/api/orders/${received.id}`)).json();
    expect(order.status).toBe('disputed');
    escrowAccountId = order.escrow.accountId!;

    const wire = await importStatement(
      h,
      operator,
      mt940([{ amount: 12345n, currency: 'USD', remittance: 'INVOICE 7781 WITHOUT REFERENCE' }]),
    );
    expect(wire.statusCode, wire.body).toBe(200);
    const queue = (await money(h, operator).get('/api/payments/reconciliation')).json();
    unmatchedPaymentId = queue.items.find((p: { status: string }) => p.status === 'unmatched').id;

    baseline = await snapshot();
  });

  type Case = {
    route: string;
    method: 'GET' | 'POST';
    url: (id?: string) => string;
    body?: () => object;
    /** The parties who may read it: 200. */
    readers?: () => Session[];
    /** Members of the parties' companies whose role may not do this: 403 (they can read the order). */
    wrongRole?: () => Session[];
    /** The order's other party, for a command that is not theirs to give: 404, as to a stranger. */
    otherSide?: () => Session;
  };

  const call = (c: Case, session: Session | undefined, url = c.url()) =>
    c.method === 'GET' ? money(h, session).get(url) : money(h, session).post(url, c.body?.() ?? {});

  const expectStatus = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.code).toBe(code);
  };

  const buyerCommand = { wrongRole: () => [buyerSales], otherSide: () => supplier };
  const supplierCommand = { wrongRole: () => [supplierPurchasing], otherSide: () => buyer };
  const eitherSide = { wrongRole: () => [buyerSales, supplierPurchasing] };
  /** Reading is company-wide: any member of either party may, and the operator. */
  const partiesRead = {
    readers: () => [buyer, buyerSales, supplier, supplierPurchasing, operator],
  };

  const idRoutes: Case[] = [
    { route: 'GET /api/orders/:id', method: 'GET', url: () => `/api/orders/${order.id}`, ...partiesRead },
    ...['confirm', 'ready', 'delivered'].map(
      (action): Case => ({
        route: `POST /api/orders/:id/${action}`,
        method: 'POST',
        url: () => `/api/orders/${order.id}/${action}`,
        ...supplierCommand,
      }),
    ),
    {
      route: 'POST /api/orders/:id/ship',
      method: 'POST',
      url: () => `/api/orders/${order.id}/ship`,
      body: () => ({ carrier: 'COSCO', trackingNumber: 'COSU999' }),
      ...supplierCommand,
    },
    {
      route: 'POST /api/orders/:id/receive',
      method: 'POST',
      url: () => `/api/orders/${order.id}/receive`,
      ...buyerCommand,
    },
    {
      route: 'POST /api/orders/:id/cancel',
      method: 'POST',
      url: () => `/api/orders/${order.id}/cancel`,
      body: () => ({ reason: 'Not ours to cancel' }),
      ...eitherSide,
    },
    {
      route: 'POST /api/orders/:id/complete',
      method: 'POST',
      url: () => `/api/orders/${order.id}/complete`,
      ...buyerCommand,
    },
    {
      route: 'POST /api/orders/:id/refund',
      method: 'POST',
      url: () => `/api/orders/${order.id}/refund`,
      body: () => ({ amount: '1000', reason: 'Goodwill' }),
      ...supplierCommand,
    },
    {
      route: 'GET /api/orders/:id/disputes',
      method: 'GET',
      url: () => `/api/orders/${order.id}/disputes`,
      ...partiesRead,
    },
    {
      route: 'POST /api/orders/:id/disputes',
      method: 'POST',
      url: () => `/api/orders/${order.id}/disputes`,
      body: () => ({
        reason: 'not_as_described',
        description: 'Claiming on an order that is not mine.',
        amount: '1000',
        evidenceIds: [],
      }),
      ...buyerCommand,
    },
    {
      route: 'GET /api/orders/:id/payment-instructions',
      method: 'GET',
      url: () => `/api/orders/${order.id}/payment-instructions`,
      ...partiesRead,
    },
    {
      route: 'POST /api/orders/:id/pay',
      method: 'POST',
      url: () => `/api/orders/${order.id}/pay`,
      // A token the sandbox captures: had the request got through, the balance would be paid.
      body: () => ({ dueId: balanceDue.id, token: 'tok_sandbox_ok' }),
      ...buyerCommand,
    },
    {
      route: 'GET /api/disputes/:id',
      method: 'GET',
      url: () => `/api/disputes/${disputeId}`,
      ...partiesRead,
    },
    {
      route: 'POST /api/disputes/:id/respond',
      method: 'POST',
      url: () => `/api/disputes/${disputeId}/respond`,
      body: () => ({ response: 'Not our dispute to answer' }),
      ...supplierCommand,
    },
    {
      route: 'POST /api/disputes/:id/escalate',
      method: 'POST',
      url: () => `/api/disputes/${disputeId}/escalate`,
      ...eitherSide,
    },
    {
      route: 'POST /api/disputes/:id/withdraw',
      method: 'POST',
      url: () => `/api/disputes/${disputeId}/withdraw`,
      ...buyerCommand,
    },
    {
      route: 'GET /api/disputes/:id/evidence/:attachmentId',
      method: 'GET',
      url: () => `/api/disputes/${disputeId}/evidence/${evidenceId}`,
      ...partiesRead,
    },
    {
      route: 'GET /api/ledger/accounts/:id (the order’s escrow)',
      method: 'GET',
      url: () => `/api/ledger/accounts/${escrowAccountId}`,
      ...partiesRead,
    },
    {
      route: 'GET /api/ledger/accounts/:id (supplier S’s payable)',
      method: 'GET',
      url: () => `/api/ledger/accounts/${payableAccountId}`,
      readers: () => [supplier, supplierPurchasing, operator],
      // The buyer has no business with what the platform owes its supplier.
      otherSide: () => buyer,
    },
  ];

  describe.each(idRoutes)('$route', (c) => {
    it('401 to an anonymous caller', async () => {
      expectStatus(await call(c, undefined), 401, 'UNAUTHENTICATED');
      await expectUnchanged();
    });

    it(`404 NOT_FOUND to another buyer and another supplier${c.otherSide ? ', and to the order’s other party' : ''}`, async () => {
      const outsiders = [otherBuyer, otherSupplier, ...(c.otherSide ? [c.otherSide()] : [])];
      for (const outsider of outsiders) expectStatus(await call(c, outsider), 404, 'NOT_FOUND');
      await expectUnchanged();
    });

    if (c.wrongRole)
      it('403 to a member of the party whose role may not act (the order is no secret to them)', async () => {
        for (const member of c.wrongRole!()) expectStatus(await call(c, member), 403, 'FORBIDDEN');
        await expectUnchanged();
      });

    if (c.readers)
      it('200 to the order’s parties and the operator', async () => {
        for (const reader of c.readers!()) {
          const response = await call(c, reader);
          expect(response.statusCode, response.body).toBe(200);
        }
      });
  });

  it('serves dispute evidence only through the dispute that references it', async () => {
    const evidence = await money(h, supplier).get(`/api/disputes/${disputeId}/evidence/${evidenceId}`);
    expect(evidence.headers['content-type']).toMatch(/application\/pdf/);
    expect(evidence.rawPayload.equals(pdf)).toBe(true);
    // The buyer's own file, and a stranger's, are not readable through the dispute.
    const strangersFile = await uploadPdf(otherBuyer);
    for (const [session, file] of [
      [supplier, looseFileId],
      [buyer, looseFileId],
      [operator, looseFileId],
      [otherBuyer, strangersFile],
      [supplier, strangersFile],
    ] as const) {
      const response = await money(h, session).get(`/api/disputes/${disputeId}/evidence/${file}`);
      expectStatus(response, 404, 'NOT_FOUND');
    }
    await expectUnchanged();
  });

  type OperatorCase = {
    route: string;
    method: 'GET' | 'POST';
    url: (id?: string) => string;
    body?: () => object;
    /** A multipart file rather than a JSON body. */
    file?: () => Buffer;
    /** The url takes a record's id. */
    byId?: boolean;
  };

  const operatorRoutes: OperatorCase[] = [
    {
      route: 'POST /api/disputes/:id/decide',
      method: 'POST',
      byId: true,
      url: (id = disputeId) => `/api/disputes/${id}/decide`,
      body: () => ({ decision: 'full_refund', note: 'Refund everything' }),
    },
    { route: 'GET /api/disputes', method: 'GET', url: () => '/api/disputes' },
    {
      route: 'POST /api/payments/statements',
      method: 'POST',
      url: () => '/api/payments/statements',
      // A statement paying the order's balance: imported, it would move money into escrow.
      file: () =>
        Buffer.from(
          mt940([
            {
              amount: BigInt(balanceDue.amount.amount),
              currency: 'USD',
              remittance: `PO ${balanceDue.reference}`,
            },
          ]),
        ),
    },
    { route: 'GET /api/payments/reconciliation', method: 'GET', url: () => '/api/payments/reconciliation' },
    {
      route: 'POST /api/payments/:id/assign',
      method: 'POST',
      byId: true,
      url: (id = unmatchedPaymentId) => `/api/payments/${id}/assign`,
      body: () => ({ reference: balanceDue.reference }),
    },
    {
      route: 'POST /api/payments/:id/return',
      method: 'POST',
      byId: true,
      url: (id = unmatchedPaymentId) => `/api/payments/${id}/return`,
      body: () => ({ note: 'Send it back' }),
    },
    {
      route: 'POST /api/payments/:id/dismiss',
      method: 'POST',
      byId: true,
      url: (id = unmatchedPaymentId) => `/api/payments/${id}/dismiss`,
      body: () => ({ note: 'Chased' }),
    },
    {
      route: 'POST /api/payouts/:id/paid',
      method: 'POST',
      byId: true,
      url: (id = payoutId) => `/api/payouts/${id}/paid`,
      body: () => ({ bankReference: 'OUT-FAKE-1' }),
    },
  ];

  const callOperatorRoute = (c: OperatorCase, session: Session | undefined, url = c.url()) =>
    c.file
      ? upload(url, session, c.file(), 'statement.sta')
      : c.method === 'GET'
        ? money(h, session).get(url)
        : money(h, session).post(url, c.body?.() ?? {});

  describe.each(operatorRoutes)('$route (operator only)', (c) => {
    it('401 to an anonymous caller', async () => {
      expectStatus(await callOperatorRoute(c, undefined), 401, 'UNAUTHENTICATED');
      await expectUnchanged();
    });

    it('403 FORBIDDEN to the parties, their members and strangers, whether or not the id exists', async () => {
      // Refused before any lookup: a made-up id gets the same answer, so nothing is learnt from it.
      const urls = c.byId ? [c.url(), c.url('nonexistent_0001')] : [c.url()];
      for (const session of [buyer, buyerSales, supplier, supplierPurchasing, otherBuyer, otherSupplier])
        for (const url of urls) expectStatus(await callOperatorRoute(c, session, url), 403, 'FORBIDDEN');
      await expectUnchanged();
    });

    if (c.method === 'GET')
      it('200 to the operator', async () => {
        const response = await callOperatorRoute(c, operator);
        expect(response.statusCode, response.body).toBe(200);
      });
  });

  it('lists A’s order to its parties only, and S’s payout to S and the operator only', async () => {
    const listed = async (session: Session, url: string) => {
      const response = await money(h, session).get(url);
      expect(response.statusCode, response.body).toBe(200);
      return response.body;
    };
    for (const session of [otherBuyer, otherSupplier])
      for (const url of ['/api/orders', '/api/orders?side=buyer', '/api/orders?side=supplier']) {
        const body = await listed(session, url);
        expect(body).not.toContain(order.id);
        expect(body).not.toContain(completed.id);
      }
    expect(await listed(buyer, '/api/orders')).toContain(order.id);
    expect(await listed(supplier, '/api/orders')).toContain(order.id);

    for (const session of [otherSupplier, otherBuyer, buyer]) {
      const payouts = JSON.parse(await listed(session, '/api/payouts'));
      expect(payouts).toEqual({ items: [], payable: [] });
    }
    expect(await listed(supplier, '/api/payouts')).toContain(payoutId);
    expect(await listed(operator, '/api/payouts')).toContain(payoutId);
    expect(await listed(operator, '/api/disputes')).toContain(disputeId);
  });

  it('after every refused request the order, its escrow, its dues and the payout are as they were', async () => {
    await expectUnchanged();
    const now = (await money(h, buyer).get(`/api/orders/${order.id}`)).json() as OrderView;
    expect(now.status).toBe('disputed');
    expect(now.escrow.held).toEqual({ amount: '135000', currency: 'USD' });
    expect(now.dues.map((d) => [d.kind, d.status, d.paid.amount])).toEqual([
      ['deposit', 'paid', '135000'],
      ['balance', 'open', '0'],
    ]);
    expect(now.timeline).toEqual(order.timeline);
    expect((await money(h, buyer).get(`/api/disputes/${disputeId}`)).json().status).toBe('awaiting_response');
    const payouts = (await money(h, supplier).get('/api/payouts')).json();
    expect(payouts.items.find((p: { id: string }) => p.id === payoutId).status).toBe('scheduled');
    const queue = (await money(h, operator).get('/api/payments/reconciliation')).json();
    expect(queue.items.map((p: { id: string }) => p.id)).toContain(unmatchedPaymentId);
    const report = await verifyLedger(h.database.db);
    expect(report.violations).toEqual([]);
  });

  it('the refused money commands were real: the operator’s identical requests go through', async () => {
    const assigned = await money(h, operator).post(`/api/payments/${unmatchedPaymentId}/assign`, {
      reference: balanceDue.reference,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const paid = await money(h, operator).post(`/api/payouts/${payoutId}/paid`, { bankReference: 'OUT-1' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().status).toBe('paid');
    const report = await verifyLedger(h.database.db);
    expect(report.violations).toEqual([]);
  });
});
