import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newMember, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';

process.env.TRADELANE_WEBHOOKS_ALLOW_HTTP = '1';
const h = useHarness();

describe('webhooks tenant isolation', () => {
  let owner: Session;
  let ownerSales: Session;
  let stranger: Session;
  let endpointId: string;
  let deliveryId: string;

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, session?: Session) =>
    h.app.inject({ method, url, headers: session ? { cookie: session.cookie } : {} });

  beforeAll(async () => {
    [owner, stranger] = await Promise.all([newSupplier(h), newBuyer(h)]);
    ownerSales = await newMember(h, owner, 'sales');
    // The stranger is an owner with endpoints of its own: only the records differ.
    for (const session of [owner, stranger]) {
      const created = await h.app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: { cookie: session.cookie },
        payload: { url: 'http://127.0.0.1:9/hook', events: ['order.*'] },
      });
      expect(created.statusCode, created.body).toBe(201);
      if (session === owner) endpointId = created.json().id;
    }
    await h.ctx({ kind: 'anonymous' }).events.emit('order.created', { id: 'ord_test' }, owner.companyId);
    await h.drainOutbox();
    const deliveries = await call('GET', `/api/webhooks/${endpointId}/deliveries`, owner);
    deliveryId = deliveries.json().items[0].id;
    expect(deliveryId).toMatch(/^whd_/);
  });

  const cases: { route: string; method: 'GET' | 'POST' | 'DELETE'; url: () => string }[] = [
    { route: 'GET /api/webhooks/:id', method: 'GET', url: () => `/api/webhooks/${endpointId}` },
    { route: 'DELETE /api/webhooks/:id', method: 'DELETE', url: () => `/api/webhooks/${endpointId}` },
    {
      route: 'POST /api/webhooks/:id/rotate-secret',
      method: 'POST',
      url: () => `/api/webhooks/${endpointId}/rotate-secret`,
    },
    {
      route: 'GET /api/webhooks/:id/deliveries',
      method: 'GET',
      url: () => `/api/webhooks/${endpointId}/deliveries`,
    },
    {
      route: 'POST /api/webhooks/deliveries/:id/retry',
      method: 'POST',
      url: () => `/api/webhooks/deliveries/${deliveryId}/retry`,
    },
  ];

  /** Everything a change could touch, as the owner sees it. */
  const snapshot = async () =>
    JSON.stringify([
      (await call('GET', `/api/webhooks/${endpointId}`, owner)).json(),
      (await call('GET', `/api/webhooks/${endpointId}/deliveries`, owner)).json(),
    ]);

  for (const c of cases) {
    it(`${c.route}: 401 anonymous, 404 another company, 403 a member who is not an admin, nothing changes`, async () => {
      const before = await snapshot();
      const anonymous = await call(c.method, c.url());
      expect(anonymous.statusCode).toBe(401);
      const foreign = await call(c.method, c.url(), stranger);
      expect(foreign.statusCode, foreign.body).toBe(404);
      expect(foreign.json().error.code).toBe('NOT_FOUND');
      expect(foreign.body).not.toContain('127.0.0.1');
      const denied = await call(c.method, c.url(), ownerSales);
      expect(denied.statusCode, denied.body).toBe(403);
      expect(await snapshot()).toBe(before);
    });
  }

  it('lists only the company’s own endpoints, and its events reach only its own', async () => {
    const mine = (await call('GET', '/api/webhooks', owner)).json().items;
    const theirs = (await call('GET', '/api/webhooks', stranger)).json().items;
    expect(mine.map((e: { id: string }) => e.id)).toEqual([endpointId]);
    expect(theirs).toHaveLength(1);
    expect(theirs[0].id).not.toBe(endpointId);
    const strangerDeliveries = await call('GET', `/api/webhooks/${theirs[0].id}/deliveries`, stranger);
    expect(strangerDeliveries.json().items).toEqual([]);
  });
});
