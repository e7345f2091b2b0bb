import { expect } from 'vitest';
import type { OrderView } from '../../modules/orders/index.js';
import { newProduct } from '../factories.js';
import type { Harness } from '../harness.js';
import { importStatement, money, mt940, type Parties, receivedOrder, step } from '../order-factories.js';
import { as, newQuote, newRfq } from '../sourcing-factories.js';
import { uploadAttachment } from './files.js';
import { guarded, isolationModule, membersRead, operatorOnly } from './types.js';
import type { World } from './world.js';

type Fixture = {
  /** Disputed in its protection window: the deposit in escrow, the balance still owed. */
  order: OrderView;
  balanceDueId: string;
  balanceReference: string;
  disputeId: string;
  evidenceId: string;
  escrowAccountId: string;
  /** Supplier A's payable, made by the release of a completed order. */
  payableAccountId: string;
  payoutId: string;
  /** A wire with no reference, waiting in the reconciliation queue. */
  unmatchedPaymentId: string;
  /** Accepted by buyer A, not yet ordered. */
  acceptedQuoteId: string;
};

const setup = async (h: Harness, w: World): Promise<Fixture> => {
  const parties: Parties = { buyer: w.a.buyer, supplier: w.a.supplier, operator: w.operator };
  const completed = await step(h, w.a.buyer, (await receivedOrder(h, parties)).id, 'complete');
  await h.drainOutbox();
  const payouts = (await money(h, w.a.supplier).get('/api/payouts')).json();
  const payout = payouts.items.find((p: { orderId: string }) => p.orderId === completed.id);

  const received = await receivedOrder(h, parties, {
    paymentTerms: { depositPercent: 30, balanceDue: 'after_receipt' },
  });
  const balanceDue = received.dues.find((d) => d.kind === 'balance')!;
  const evidenceId = await uploadAttachment(h, w.a.buyer);
  const opened = await money(h, w.a.buyer).post(`/api/orders/${received.id}/disputes`, {
    reason: 'quality',
    description: 'Two pallets arrived crushed; photos attached.',
    amount: '50000',
    evidenceIds: [evidenceId],
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const order = (await money(h, w.a.buyer).get(`/api/orders/${received.id}`)).json() as OrderView;

  const wire = await importStatement(
    h,
    w.operator,
    mt940([{ amount: 12345n, currency: 'USD', remittance: 'INVOICE 7781 WITHOUT REFERENCE' }]),
  );
  expect(wire.statusCode, wire.body).toBe(200);
  const queue = (await money(h, w.operator).get('/api/payments/reconciliation')).json();

  await newProduct(h, w.a.supplier, {
    moq: 100,
    priceTiers: [{ minQuantity: 100, maxQuantity: null, unitPrice: '4000' }],
  });
  const rfq = await newRfq(h, w.a.buyer);
  const quote = await newQuote(h, w.a.supplier, rfq.id);
  const accepted = await as(h, w.a.buyer).post(`/api/quotes/${quote.id}/accept`);
  expect(accepted.statusCode, accepted.body).toBe(200);

  return {
    order,
    balanceDueId: balanceDue.id,
    balanceReference: balanceDue.reference,
    disputeId: opened.json().id,
    evidenceId,
    escrowAccountId: order.escrow.accountId!,
    payableAccountId: payouts.payable[0].accountId,
    payoutId: payout.id,
    unmatchedPaymentId: queue.items.find((p: { status: string }) => p.status === 'unmatched').id,
    acceptedQuoteId: quote.id,
  };
};

const order = (f: Fixture) => ({ id: f.order.id });
const dispute = (f: Fixture) => ({ id: f.disputeId });
/** Order commands are the buyer's (sales may not buy) or the supplier's (purchasing may not sell). */
const buyerCommand = guarded('buyer', 'buyer:sales');
const supplierCommand = guarded('supplier', 'supplier:purchasing');
const partiesRead = membersRead('buyer', 'any member of either party may read the order and its money');

export const ordersIsolation = isolationModule<Fixture>({
  name: 'orders and payments',
  setup,
  cases: [
    { route: 'GET /api/orders/{id}', params: order, access: partiesRead },
    { route: 'POST /api/orders/{id}/confirm', params: order, access: supplierCommand },
    { route: 'POST /api/orders/{id}/ready', params: order, access: supplierCommand },
    { route: 'POST /api/orders/{id}/delivered', params: order, access: supplierCommand },
    {
      route: 'POST /api/orders/{id}/ship',
      params: order,
      body: () => ({ carrier: 'COSCO', trackingNumber: 'COSU999' }),
      access: supplierCommand,
    },
    { route: 'POST /api/orders/{id}/receive', params: order, access: buyerCommand },
    {
      route: 'POST /api/orders/{id}/cancel',
      params: order,
      body: () => ({ reason: 'Not ours to cancel' }),
      access: buyerCommand,
    },
    { route: 'POST /api/orders/{id}/complete', params: order, access: buyerCommand },
    {
      route: 'POST /api/orders/{id}/refund',
      params: order,
      body: () => ({ amount: '1000', reason: 'Goodwill' }),
      access: supplierCommand,
    },
    { route: 'GET /api/orders/{id}/disputes', params: order, access: partiesRead },
    {
      route: 'POST /api/orders/{id}/disputes',
      params: order,
      body: () => ({
        reason: 'not_as_described',
        description: 'Claiming on an order that is not mine.',
        amount: '1000',
        evidenceIds: [],
      }),
      access: buyerCommand,
    },
    { route: 'GET /api/orders/{id}/payment-instructions', params: order, access: partiesRead },
    {
      route: 'POST /api/orders/{id}/pay',
      params: order,
      // A token the sandbox captures: had the request got through, the balance would be paid.
      body: (f) => ({ dueId: f.balanceDueId, token: 'tok_sandbox_ok' }),
      access: buyerCommand,
    },
    { route: 'GET /api/disputes/{id}', params: dispute, access: partiesRead },
    {
      route: 'POST /api/disputes/{id}/respond',
      params: dispute,
      body: () => ({ response: 'Not our dispute to answer' }),
      access: supplierCommand,
    },
    { route: 'POST /api/disputes/{id}/escalate', params: dispute, access: buyerCommand },
    { route: 'POST /api/disputes/{id}/withdraw', params: dispute, access: buyerCommand },
    {
      route: 'POST /api/disputes/{id}/decide',
      params: dispute,
      body: () => ({ decision: 'full_refund', note: 'Refund everything' }),
      access: operatorOnly,
    },
    {
      route: 'GET /api/disputes/{id}/evidence/{attachmentId}',
      params: (f) => ({ id: f.disputeId, attachmentId: f.evidenceId }),
      access: partiesRead,
    },
    {
      route: 'POST /api/payments/{id}/assign',
      params: (f) => ({ id: f.unmatchedPaymentId }),
      body: (f) => ({ reference: f.balanceReference }),
      access: operatorOnly,
    },
    {
      route: 'POST /api/payments/{id}/return',
      params: (f) => ({ id: f.unmatchedPaymentId }),
      body: () => ({ note: 'Send it back' }),
      access: operatorOnly,
    },
    {
      route: 'POST /api/payments/{id}/dismiss',
      params: (f) => ({ id: f.unmatchedPaymentId }),
      body: () => ({ note: 'Chased' }),
      access: operatorOnly,
    },
    {
      route: 'POST /api/payouts/{id}/paid',
      params: (f) => ({ id: f.payoutId }),
      body: () => ({ bankReference: 'OUT-FAKE-1' }),
      access: operatorOnly,
    },
    {
      route: 'GET /api/ledger/accounts/{id}',
      variant: "the order's escrow",
      params: (f) => ({ id: f.escrowAccountId }),
      access: partiesRead,
    },
    {
      route: 'GET /api/ledger/accounts/{id}',
      variant: "supplier A's payable",
      params: (f) => ({ id: f.payableAccountId }),
      access: membersRead('supplier', 'every member of the supplier may read what the platform owes it'),
    },
    {
      route: 'POST /api/quotes/{id}/order',
      params: (f) => ({ id: f.acceptedQuoteId }),
      body: () => ({}),
      access: buyerCommand,
    },
  ],
});
