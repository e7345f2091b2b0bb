import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../../test/harness.js';
import {
  day,
  getOrder,
  money,
  newParties,
  orderInProduction,
  type Parties,
  passTime as passTimeBy,
  placeOrder,
  receivedOrder,
  step,
} from '../../test/order-factories.js';
import { verifyLedger } from '../ledger/index.js';
import type { DisputeView } from './api.js';

const h = useHarness();
let parties: Parties;

beforeAll(async () => {
  parties = await newParties(h);
});

const passTime = (ms: number) => passTimeBy(h, ms);

const uploadPdf = async () => {
  const boundary = '----tradelane-evidence';
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie: parties.buyer.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cracks.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from('%PDF-1.4\n% photo of cracked housings\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};

const openDispute = async (orderId: string, amount = '100000', evidenceIds: string[] = []) => {
  const response = await money(h, parties.buyer).post(`/api/orders/${orderId}/disputes`, {
    reason: 'quality',
    description: 'Twelve pump housings arrived cracked.',
    amount,
    evidenceIds,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as DisputeView;
};
const act = (session: Parties[keyof Parties], disputeId: string, action: string, payload: object = {}) =>
  money(h, session).post(`/api/disputes/${disputeId}/${action}`, payload);

describe('disputes', () => {
  it('pauses the order, lets the supplier answer, the buyer escalate from day 4, and refunds part', async () => {
    const order = await receivedOrder(h, parties);
    const tooMuch = await money(h, parties.buyer).post(`/api/orders/${order.id}/disputes`, {
      reason: 'quality',
      description: 'Twelve pump housings arrived cracked.',
      amount: '450001',
    });
    expect(tooMuch.statusCode).toBe(400);

    const evidence = await uploadPdf();
    const dispute = await openDispute(order.id, '60000', [evidence]);
    expect(dispute.status).toBe('awaiting_response');
    expect(dispute.viewer.actions).toEqual(['withdraw']);
    // The operator decides escalated disputes only: before that the parties talk.
    const operatorView = (await money(h, parties.operator).get(`/api/disputes/${dispute.id}`)).json();
    expect(operatorView.viewer.actions).toEqual([]);
    expect((await getOrder(h, parties.buyer, order.id)).status).toBe('disputed');
    const file = await money(h, parties.supplier).get(dispute.evidence[0]!.url);
    expect(file.statusCode).toBe(200);

    const answered = await act(parties.supplier, dispute.id, 'respond', {
      response: 'Cracks are from the carrier; claim them.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().status).toBe('responded');

    h.clock.advance(2 * day);
    const tooEarly = await act(parties.buyer, dispute.id, 'escalate');
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.code).toBe('DEADLINE_PASSED');
    h.clock.advance(1 * day);
    expect((await act(parties.buyer, dispute.id, 'escalate')).json().status).toBe('escalated');

    // The protection window would have ended meanwhile: a disputed order does not complete.
    await passTime(31 * day);
    expect((await getOrder(h, parties.buyer, order.id)).status).toBe('disputed');

    const notYours = await act(parties.supplier, dispute.id, 'decide', { decision: 'rejected', note: 'no' });
    expect(notYours.statusCode).toBe(403);
    const decided = await act(parties.operator, dispute.id, 'decide', {
      decision: 'partial_refund',
      refundAmount: '60000',
      note: 'Photos show 12 cracked housings of 100.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'decided',
      decision: 'partial_refund',
      refundAmount: { amount: '60000' },
    });
    const resumed = await getOrder(h, parties.buyer, order.id);
    expect(resumed.escrow.held.amount).toBe('390000');
    // Back in the window, which has ended: the next sweep releases the rest.
    expect(resumed.status).toBe('received');
    await passTime(5 * 60_000);
    expect((await getOrder(h, parties.buyer, order.id)).status).toBe('completed');
    expect((await verifyLedger(h.database.db)).violations).toEqual([]);
  });

  it('escalates by itself when the supplier does not answer in 3 days; a full refund ends the order', async () => {
    const order = await receivedOrder(h, parties);
    const dispute = await openDispute(order.id);
    await passTime(3 * day - 60_000);
    expect((await money(h, parties.buyer).get(`/api/disputes/${dispute.id}`)).json().status).toBe(
      'awaiting_response',
    );
    await passTime(60_000);
    const escalated = (await money(h, parties.buyer).get(`/api/disputes/${dispute.id}`)).json();
    expect(escalated).toMatchObject({ status: 'escalated', escalatedBy: 'timer' });
    const late = await act(parties.supplier, dispute.id, 'respond', { response: 'Sorry, late' });
    expect(late.statusCode).toBe(409);

    const desk = (await money(h, parties.operator).get('/api/disputes')).json();
    expect(desk.items[0].status).toBe('escalated');
    expect(desk.items[0].viewer.actions).toEqual(['decide']);
    const decided = await act(parties.operator, dispute.id, 'decide', {
      decision: 'full_refund',
      note: 'Not delivered as described',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const refunded = await getOrder(h, parties.buyer, order.id);
    expect(refunded.status).toBe('refunded');
    expect(refunded.escrow.held.amount).toBe('0');
    const twice = await act(parties.operator, dispute.id, 'decide', { decision: 'rejected', note: 'again' });
    expect(twice.statusCode).toBe(409);
  });

  it('escalates an answered dispute on day 8', async () => {
    const order = await receivedOrder(h, parties);
    const dispute = await openDispute(order.id);
    await act(parties.supplier, dispute.id, 'respond', { response: 'We will look into it' });
    await passTime(7 * day - 60_000);
    expect((await money(h, parties.buyer).get(`/api/disputes/${dispute.id}`)).json().status).toBe(
      'responded',
    );
    await passTime(60_000);
    expect((await money(h, parties.buyer).get(`/api/disputes/${dispute.id}`)).json().status).toBe(
      'escalated',
    );
  });

  it('resumes the order on rejection and on withdrawal', async () => {
    const rejectedOrder = await orderInProduction(h, parties);
    const rejected = await openDispute(rejectedOrder.id, '10000');
    await act(parties.supplier, rejected.id, 'escalate');
    await act(parties.operator, rejected.id, 'decide', {
      decision: 'rejected',
      note: 'Production is on schedule',
    });
    const afterRejection = await getOrder(h, parties.buyer, rejectedOrder.id);
    expect(afterRejection.status).toBe('in_production');
    expect(afterRejection.escrow.held.amount).toBe('135000');

    const withdrawnOrder = await orderInProduction(h, parties);
    const withdrawn = await openDispute(withdrawnOrder.id, '10000');
    expect((await act(parties.buyer, withdrawn.id, 'withdraw')).json().status).toBe('withdrawn');
    expect((await getOrder(h, parties.buyer, withdrawnOrder.id)).status).toBe('in_production');
  });

  it('covers only the deposit until shipment under pre-shipment coverage', async () => {
    const order = await orderInProduction(h, parties, {
      coverage: 'pre_shipment',
      paymentTerms: { depositPercent: 100, balanceDue: 'before_shipment' },
    });
    await step(h, parties.supplier, order.id, 'ready');
    await step(h, parties.supplier, order.id, 'ship', {});
    const afterShipping = await money(h, parties.buyer).post(`/api/orders/${order.id}/disputes`, {
      reason: 'not_received',
      description: 'The container never arrived.',
      amount: '1000',
    });
    expect(afterShipping.statusCode).toBe(409);
    expect(afterShipping.json().error.message).toMatch(/Pre-shipment coverage/);
  });

  it('refuses a dispute before anything is paid, and a second open dispute', async () => {
    const unpaid = await step(h, parties.supplier, (await placeOrder(h, parties)).id, 'confirm');
    const early = await money(h, parties.buyer).post(`/api/orders/${unpaid.id}/disputes`, {
      reason: 'late',
      description: 'Nothing has happened yet on this order.',
      amount: '1000',
    });
    expect(early.statusCode).toBe(409);
    const order = await receivedOrder(h, parties);
    await openDispute(order.id, '1000');
    const second = await money(h, parties.buyer).post(`/api/orders/${order.id}/disputes`, {
      reason: 'quality',
      description: 'Another problem with the same order.',
      amount: '1000',
    });
    expect(second.statusCode).toBe(409);
  });
});
