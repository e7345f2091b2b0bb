import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { placeOrder } from '../../test/order-factories.js';
import { apiKeys } from './schema.js';

const h = useHarness();

const issue = async (session: Session, name = 'ERP') => {
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/api-keys',
    headers: { cookie: session.cookie },
    payload: { name },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; key: string };
};

const withKey = (key: string, method: 'GET' | 'DELETE', url: string) =>
  h.app.inject({ method, url, headers: { authorization: `Bearer ${key}` } });

describe('API keys at rest', () => {
  it('keeps only a SHA-256 digest of the key and its first 6 characters', async () => {
    const owner = await newSupplier(h);
    const { id, key } = await issue(owner);
    const [row] = await h.database.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(row!.key).not.toBe(key);
    expect(row!.key).toBe(createHash('sha256').update(key).digest('base64url'));
    expect(row!.start).toBe(key.slice(0, 6));
    // No column holds the key or more than its first characters.
    expect(JSON.stringify(row)).not.toContain(key.slice(0, 12));
    const listed = await h.app.inject({
      method: 'GET',
      url: '/api/api-keys',
      headers: { cookie: owner.cookie },
    });
    expect(listed.body).not.toContain(key);
  });
});

describe('API keys are scoped to their company', () => {
  let a: Session;
  let b: Session;
  let buyer: Session;
  let keyA: string;
  let keyB: { id: string; key: string };
  beforeAll(async () => {
    [a, b, buyer] = [await newSupplier(h), await newSupplier(h), await newBuyer(h)];
    keyA = (await issue(a)).key;
    keyB = await issue(b);
  });

  it('reads its own company’s records and gets 404 for another company’s', async () => {
    const orderOfB = await placeOrder(h, { buyer, supplier: b });
    expect((await withKey(keyB.key, 'GET', `/api/orders/${orderOfB.id}`)).statusCode).toBe(200);
    const foreign = await withKey(keyA, 'GET', `/api/orders/${orderOfB.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain(b.companyId);

    const listed = await withKey(keyA, 'GET', '/api/orders');
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(orderOfB.id);
  });

  it('cannot see or revoke another company’s keys', async () => {
    const keys = await withKey(keyA, 'GET', '/api/api-keys');
    expect(keys.json().items.map((k: { id: string }) => k.id)).not.toContain(keyB.id);
    expect((await withKey(keyA, 'DELETE', `/api/api-keys/${keyB.id}`)).statusCode).toBe(404);
    expect((await withKey(keyB.key, 'GET', '/api/me')).json().company.id).toBe(b.companyId);
  });

  it('is refused once revoked', async () => {
    const spare = await issue(a, 'spare');
    expect((await withKey(spare.key, 'DELETE', `/api/api-keys/${spare.id}`)).statusCode).toBe(204);
    expect((await withKey(spare.key, 'GET', '/api/me')).statusCode).toBe(401);
  });
});
