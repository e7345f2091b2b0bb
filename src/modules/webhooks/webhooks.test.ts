import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newMember, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';

process.env.TRADELANE_WEBHOOKS_ALLOW_HTTP = '1';
const h = useHarness();

const call = (method: 'GET' | 'POST' | 'DELETE', url: string, session?: Session, payload?: object) =>
  h.app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie } : {},
    ...(payload ? { payload } : {}),
  });

const create = (session: Session, body: object) => call('POST', '/api/webhooks', session, body);

describe('webhook endpoints', () => {
  let owner: Session;

  beforeAll(async () => {
    owner = await newSupplier(h);
  });

  it('creates an endpoint and shows its secret once; lists and reads it without', async () => {
    const created = await create(owner, {
      url: 'https://hooks.example.com/tradelane',
      events: ['quote.*', 'payment.received', 'quote.*'],
      description: 'ERP',
    });
    expect(created.statusCode, created.body).toBe(201);
    const endpoint = created.json();
    expect(endpoint).toMatchObject({
      url: 'https://hooks.example.com/tradelane',
      events: ['quote.*', 'payment.received'],
      description: 'ERP',
      active: true,
    });
    expect(endpoint.id).toMatch(/^whk_/);
    expect(endpoint.secret).toMatch(/^whsec_/);

    const listed = await call('GET', '/api/webhooks', owner);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((e: { id: string }) => e.id)).toContain(endpoint.id);
    expect(listed.body).not.toContain(endpoint.secret);
    expect(listed.body).not.toContain('secret');
    const read = await call('GET', `/api/webhooks/${endpoint.id}`, owner);
    expect(read.statusCode).toBe(200);
    expect(read.json()).not.toHaveProperty('secret');

    const rotated = await call('POST', `/api/webhooks/${endpoint.id}/rotate-secret`, owner);
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(endpoint.secret);

    const deleted = await call('DELETE', `/api/webhooks/${endpoint.id}`, owner);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json().active).toBe(false);
    expect((await call('GET', `/api/webhooks/${endpoint.id}`, owner)).json().active).toBe(false);
  });

  it('refuses plain http unless TRADELANE_WEBHOOKS_ALLOW_HTTP=1, and then only for localhost', async () => {
    const local = { url: 'http://127.0.0.1:9/hook', events: ['order.*'] };
    delete process.env.TRADELANE_WEBHOOKS_ALLOW_HTTP;
    try {
      const refused = await create(owner, local);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
      expect(refused.json().error.message).toMatch(/body\.url: The URL must use https/);
      const privateHost = await create(owner, { ...local, url: 'https://192.168.0.10/hook' });
      expect(privateHost.json().error.message).toMatch(/loopback, private or link-local/);
    } finally {
      process.env.TRADELANE_WEBHOOKS_ALLOW_HTTP = '1';
    }
    expect((await create(owner, local)).statusCode).toBe(201);
    const remoteHttp = await create(owner, { ...local, url: 'http://hooks.example.com/' });
    expect(remoteHttp.statusCode).toBe(400);
  });

  it('refuses credentials in the URL, unknown event patterns and unknown fields', async () => {
    const withUser = await create(owner, { url: 'https://me:pw@hooks.example.com/', events: ['order.*'] });
    expect(withUser.json().error.message).toMatch(/user name or password/);
    for (const events of [['shipment.*'], ['*'], ['order'], ['order.*.x'], ['Order.Shipped'], []]) {
      const refused = await create(owner, { url: 'https://hooks.example.com/', events });
      expect(refused.statusCode, JSON.stringify(events)).toBe(400);
      expect(refused.json().error.message).toMatch(/body\.events/);
    }
    const unknown = await create(owner, {
      url: 'https://hooks.example.com/',
      events: ['order.*'],
      secret: 'x',
    });
    expect(unknown.statusCode).toBe(400);
    const badId = await call('GET', '/api/webhooks/not-an-id', owner);
    expect(badId.statusCode).toBe(400);
  });

  it('allows at most 10 active endpoints per company; deleting one frees its place', async () => {
    const company = await newBuyer(h);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await create(company, { url: `https://hooks.example.com/${i}`, events: ['order.*'] });
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json().id);
    }
    const eleventh = await create(company, { url: 'https://hooks.example.com/11', events: ['order.*'] });
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().error).toMatchObject({ code: 'LIMIT_REACHED', details: { limit: 10 } });
    await call('DELETE', `/api/webhooks/${ids[0]}`, company);
    expect(
      (await create(company, { url: 'https://hooks.example.com/11', events: ['order.*'] })).statusCode,
    ).toBe(201);
  });

  it('is for owners and admins only', async () => {
    const admin = await newMember(h, owner, 'admin');
    const sales = await newMember(h, owner, 'sales');
    expect(
      (await create(admin, { url: 'https://hooks.example.com/a', events: ['order.*'] })).statusCode,
    ).toBe(201);
    const denied = await create(sales, { url: 'https://hooks.example.com/s', events: ['order.*'] });
    expect(denied.statusCode).toBe(403);
    expect((await call('GET', '/api/webhooks', sales)).statusCode).toBe(403);
    expect((await call('GET', '/api/webhooks')).statusCode).toBe(401);
  });
});
