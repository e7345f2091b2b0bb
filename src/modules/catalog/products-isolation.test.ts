import { describe, expect, it } from 'vitest';
import { newBuyer, newProduct, newSupplier, productInput } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';

const h = useHarness();

describe('product routes keep each supplier’s products its own', () => {
  it('another supplier gets 404 on update and delete, and nothing changes', async () => {
    const owner = await newSupplier(h);
    const other = await newSupplier(h);
    const product = await newProduct(h, owner);

    const patch = await h.app.inject({
      method: 'PATCH',
      url: `/api/products/${product.id}`,
      headers: { cookie: other.cookie },
      payload: { title: { en: 'Hijacked' } },
    });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().error.code).toBe('NOT_FOUND');

    const del = await h.app.inject({
      method: 'DELETE',
      url: `/api/products/${product.id}`,
      headers: { cookie: other.cookie },
    });
    expect(del.statusCode).toBe(404);

    const after = await h.app.inject({ method: 'GET', url: `/api/products/${product.id}` });
    expect(after.json().title.en).toBe('Centrifugal water pump 1.5 kW');
    expect(after.json().status).toBe('active');
  });

  it('an archived product is 404 to another supplier and visible to its owner', async () => {
    const owner = await newSupplier(h);
    const other = await newSupplier(h);
    const product = await newProduct(h, owner);
    const del = await h.app.inject({
      method: 'DELETE',
      url: `/api/products/${product.id}`,
      headers: { cookie: owner.cookie },
    });
    expect(del.statusCode).toBe(204);

    const asOther = await h.app.inject({
      method: 'GET',
      url: `/api/products/${product.id}`,
      headers: { cookie: other.cookie },
    });
    expect(asOther.statusCode).toBe(404);
    const anonymous = await h.app.inject({ method: 'GET', url: `/api/products/${product.id}` });
    expect(anonymous.statusCode).toBe(404);
    const asOwner = await h.app.inject({
      method: 'GET',
      url: `/api/products/${product.id}`,
      headers: { cookie: owner.cookie },
    });
    expect(asOwner.statusCode).toBe(200);
    expect(asOwner.json().status).toBe('archived');
  });

  it('anonymous writes get 401 and change nothing', async () => {
    const owner = await newSupplier(h);
    const product = await newProduct(h, owner);
    const create = await h.app.inject({ method: 'POST', url: '/api/products', payload: productInput() });
    expect(create.statusCode).toBe(401);
    expect(create.json().error.code).toBe('UNAUTHENTICATED');
    const patch = await h.app.inject({
      method: 'PATCH',
      url: `/api/products/${product.id}`,
      payload: { moq: 1 },
    });
    expect(patch.statusCode).toBe(401);
    const del = await h.app.inject({ method: 'DELETE', url: `/api/products/${product.id}` });
    expect(del.statusCode).toBe(401);
    const after = await h.app.inject({ method: 'GET', url: `/api/products/${product.id}` });
    expect(after.json()).toMatchObject({ moq: 10, status: 'active' });
  });

  it('a buyer cannot list products (403), and a bad body changes nothing (400)', async () => {
    const buyer = await newBuyer(h);
    const create = await h.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: { cookie: buyer.cookie },
      payload: productInput(),
    });
    expect(create.statusCode).toBe(403);

    const owner = await newSupplier(h);
    const product = await newProduct(h, owner);
    const bad = await h.app.inject({
      method: 'PATCH',
      url: `/api/products/${product.id}`,
      headers: { cookie: owner.cookie },
      payload: { moq: 1, companyId: 'co_someone_else' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const after = await h.app.inject({ method: 'GET', url: `/api/products/${product.id}` });
    expect(after.json().moq).toBe(10);
  });

  it('the owner can update its product and the change is searchable', async () => {
    const owner = await newSupplier(h);
    const product = await newProduct(h, owner);
    const patch = await h.app.inject({
      method: 'PATCH',
      url: `/api/products/${product.id}`,
      headers: { cookie: owner.cookie },
      payload: { title: { en: 'Submersible borehole pump' } },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const found = await h.app.inject({ method: 'GET', url: '/api/search/products?q=borehole' });
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(product.id);
  });

  it('an unknown product id is 404 for every route', async () => {
    const owner = await newSupplier(h);
    for (const [method, url] of [
      ['GET', '/api/products/prd_missing'],
      ['GET', '/api/products/prd_missing/price?quantity=10'],
      ['PATCH', '/api/products/prd_missing'],
      ['DELETE', '/api/products/prd_missing'],
    ] as const) {
      const response = await h.app.inject({
        method,
        url,
        headers: { cookie: owner.cookie },
        ...(method === 'PATCH' ? { payload: { moq: 5 } } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });
});
