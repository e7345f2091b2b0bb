import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newProduct, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { as, newQuote, newRfq } from '../../test/sourcing-factories.js';
import { maxWebhookAttempts, webhookRetryDelaysMs } from './deliver-webhooks.js';
import { enqueueWebhookDeliveries } from './enqueue-deliveries.js';
import { verifyWebhookSignature } from './signature.js';

process.env.TRADELANE_WEBHOOKS_ALLOW_HTTP = '1';
const h = useHarness();

type Received = { headers: IncomingHttpHeaders; body: string };

/** A receiver on 127.0.0.1 (ephemeral port) answering with `status()`, keeping every request. */
const receiver = async (status: () => number) => {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const subscribe = async (session: Session, url: string, events: string[]) => {
  const created = await as(h, session).post('/api/webhooks', { url, events });
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as { id: string; secret: string };
};

type DeliveryJson = {
  id: string;
  status: string;
  eventType: string;
  eventId: string;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  attempts: { attempt: number; statusCode: number | null; error: string | null }[];
};

const deliveriesOf = async (session: Session, endpointId: string) => {
  const response = await as(h, session).get(`/api/webhooks/${endpointId}/deliveries`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as DeliveryJson[];
};

describe('webhook delivery', () => {
  const servers: { close: () => Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  let buyer: Session;
  let supplier: Session;

  beforeAll(async () => {
    [buyer, supplier] = await Promise.all([newBuyer(h), newSupplier(h)]);
    await newProduct(h, supplier, {
      moq: 100,
      priceTiers: [{ minQuantity: 100, maxQuantity: null, unitPrice: '4000' }],
    });
  });

  it('POSTs an accepted quote to the supplier’s endpoint, signed so that the receiver can verify it', async () => {
    const ok = await receiver(() => 204);
    servers.push(ok);
    const endpoint = await subscribe(supplier, ok.url, ['quote.accepted']);
    const other = await subscribe(supplier, ok.url, ['order.*']);
    const rfq = await newRfq(h, buyer);
    const quote = await newQuote(h, supplier, rfq.id);
    await h.drainOutbox();
    const accepted = await as(h, buyer).post(`/api/quotes/${quote.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    // Dispatching twice (a redelivered event) must not enqueue twice.
    await h.drainOutbox();
    await h.drainOutbox();
    const [pending] = await deliveriesOf(supplier, endpoint.id);
    expect(pending).toMatchObject({ status: 'pending', eventType: 'quote.accepted', attempts: [] });
    expect(await deliveriesOf(supplier, other.id)).toEqual([]);

    await h.runTimer('webhooks.deliver');

    expect(ok.received).toHaveLength(1);
    const [request] = ok.received;
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Tradelane-Webhooks/1',
      'tradelane-event': 'quote.accepted',
      'tradelane-delivery': pending!.id,
    });
    const signature = String(request!.headers['tradelane-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(endpoint.secret, signature, request!.body, h.clock())).toBe(true);
    expect(verifyWebhookSignature(endpoint.secret, signature, `${request!.body} `, h.clock())).toBe(false);
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      id: pending!.eventId,
      type: 'quote.accepted',
      createdAt: h.clock().toISOString(),
      data: { id: quote.id, from: 'submitted', to: 'accepted', rfqId: rfq.id },
    });

    const [delivered] = await deliveriesOf(supplier, endpoint.id);
    expect(delivered).toMatchObject({ status: 'succeeded', lastStatusCode: 204, nextAttemptAt: null });
    expect(delivered!.attempts).toMatchObject([{ attempt: 1, statusCode: 204, error: null }]);
    // Nothing is due any more: another tick sends nothing.
    await h.runTimer('webhooks.deliver');
    expect(ok.received).toHaveLength(1);
  });

  it('enqueues an event once per endpoint however often its handler runs, for every company it concerns', async () => {
    const ok = await receiver(() => 200);
    servers.push(ok);
    const supplierEndpoint = await subscribe(supplier, ok.url, ['order.*']);
    const buyerEndpoint = await subscribe(buyer, ok.url, ['order.created']);
    const stranger = await newBuyer(h);
    const strangerEndpoint = await subscribe(stranger, ok.url, ['order.*']);
    await h
      .ctx({ kind: 'anonymous' })
      .events.emit(
        'order.created',
        { id: 'ord_test', buyerId: buyer.companyId, supplierId: supplier.companyId },
        buyer.companyId,
      );
    await h.drainOutbox();
    const event = {
      id: (await deliveriesOf(buyer, buyerEndpoint.id))[0]!.eventId,
      type: 'order.created',
      companyId: buyer.companyId,
      payload: { buyerId: buyer.companyId, supplierId: supplier.companyId },
      createdAt: h.clock(),
    };
    await enqueueWebhookDeliveries(event, h.database.db);
    expect(await deliveriesOf(buyer, buyerEndpoint.id)).toHaveLength(1);
    expect(await deliveriesOf(supplier, supplierEndpoint.id)).toHaveLength(1);
    expect(await deliveriesOf(stranger, strangerEndpoint.id)).toEqual([]);
    await h.runTimer('webhooks.deliver');
    expect(ok.received.map((r) => r.headers['tradelane-event'])).toEqual(['order.created', 'order.created']);
  });

  it('retries a failing receiver on the backoff schedule and gives up after 8 attempts; a retry sends it again', async () => {
    let status = 500;
    const failing = await receiver(() => status);
    servers.push(failing);
    const endpoint = await subscribe(supplier, failing.url, ['payment.*']);
    await h
      .ctx({ kind: 'anonymous' })
      .events.emit('payment.received', { id: 'pay_test', amount: '1250' }, supplier.companyId);
    await h.drainOutbox();

    await h.runTimer('webhooks.deliver');
    expect(failing.received).toHaveLength(1);
    for (const [i, delay] of webhookRetryDelaysMs.entries()) {
      const [delivery] = await deliveriesOf(supplier, endpoint.id);
      expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: 500 });
      expect(delivery!.nextAttemptAt).toBe(new Date(h.clock().getTime() + delay).toISOString());
      // Not due a second early.
      h.clock.advance(delay - 1000);
      await h.runTimer('webhooks.deliver');
      expect(failing.received).toHaveLength(i + 1);
      h.clock.advance(1000);
      await h.runTimer('webhooks.deliver');
      expect(failing.received).toHaveLength(i + 2);
    }
    const [failed] = await deliveriesOf(supplier, endpoint.id);
    expect(failed).toMatchObject({ status: 'failed', lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(failed!.attempts.map((a) => [a.attempt, a.statusCode])).toEqual(
      Array.from({ length: maxWebhookAttempts }, (_, i) => [i + 1, 500]),
    );
    h.clock.advance(48 * 60 * 60 * 1000);
    await h.runTimer('webhooks.deliver');
    expect(failing.received).toHaveLength(maxWebhookAttempts);

    status = 200;
    const retried = await as(h, supplier).post(`/api/webhooks/deliveries/${failed!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', nextAttemptAt: h.clock().toISOString() });
    await h.runTimer('webhooks.deliver');
    const [succeeded] = await deliveriesOf(supplier, endpoint.id);
    expect(succeeded).toMatchObject({ status: 'succeeded', lastStatusCode: 200, lastError: null });
    expect(succeeded!.attempts).toHaveLength(maxWebhookAttempts + 1);
    // Only a failed delivery can be retried.
    const again = await as(h, supplier).post(`/api/webhooks/deliveries/${failed!.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
  });

  it('records an unreachable receiver as an attempt with its error, and sends nothing for a deactivated endpoint', async () => {
    const gone = await receiver(() => 200);
    await gone.close();
    const endpoint = await subscribe(supplier, gone.url, ['dispute.*']);
    const emit = () =>
      h.ctx({ kind: 'anonymous' }).events.emit('dispute.opened', { id: 'dsp_test' }, supplier.companyId);
    await emit();
    await h.drainOutbox();
    await h.runTimer('webhooks.deliver');
    const [unreachable] = await deliveriesOf(supplier, endpoint.id);
    expect(unreachable).toMatchObject({ status: 'pending', lastStatusCode: null });
    expect(unreachable!.attempts[0]!.error).toMatch(/ECONNREFUSED|fetch failed/);

    const removed = await h.app.inject({
      method: 'DELETE',
      url: `/api/webhooks/${endpoint.id}`,
      headers: { cookie: supplier.cookie },
    });
    expect(removed.statusCode).toBe(200);
    await emit();
    await h.drainOutbox();
    h.clock.advance(webhookRetryDelaysMs[0]!);
    await h.runTimer('webhooks.deliver');
    const deliveries = await deliveriesOf(supplier, endpoint.id);
    expect(deliveries).toHaveLength(1); // nothing new enqueued for an inactive endpoint
    expect(deliveries[0]).toMatchObject({ status: 'failed', lastError: 'The endpoint was deactivated' });
    expect(deliveries[0]!.attempts).toHaveLength(1);
    const retry = await as(h, supplier).post(`/api/webhooks/deliveries/${deliveries[0]!.id}/retry`);
    expect(retry.statusCode).toBe(409);
  });
});
