import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newProduct, newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { catalogCacheStats } from './catalog-cache.js';

const h = useHarness();

const get = async <T>(url: string) => {
  const response = await h.app.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
};
type Page = { priceTiers: { unitPrice: { amount: string } }[]; supplier: { name: string } };
type Search = { total: number; items: { id: string }[] };

// The embedded database caches public catalog reads; PostgreSQL caches nothing, and the same
// answers must come from both.
const cached = () => catalogCacheStats(h.database.db) !== null;

describe('catalog cache', () => {
  it('serves a product page again from memory', async () => {
    expect(cached()).toBe(h.database.engine === 'pglite');
    const product = await newProduct(h, await newSupplier(h));
    await get(`/api/products/${product.id}`);
    const before = catalogCacheStats(h.database.db);
    await get(`/api/products/${product.id}`);
    if (before) expect(catalogCacheStats(h.database.db)!.hits).toBe(before.hits + 1);
  });

  it('shows a change made by any path at once, even one straight into the tables', async () => {
    const product = await newProduct(h, await newSupplier(h));
    const url = `/api/products/${product.id}`;
    expect((await get<Page>(url)).priceTiers[0]!.unitPrice.amount).toBe('5000');
    expect((await get<{ unitPrice: { amount: string } }>(`${url}/price?quantity=10`)).unitPrice.amount).toBe(
      '5000',
    );

    await h.database.sql(
      'update product_price_tiers set unit_price = 4321 where product_id = $1 and min_quantity = 10',
      [product.id],
    );
    await h.database.sql('update companies set name = $1 where id = $2', [
      'Renamed Pumps Ltd.',
      product.companyId,
    ]);

    const page = await get<Page>(url);
    expect(page.priceTiers[0]!.unitPrice.amount).toBe('4321');
    expect(page.supplier.name).toBe('Renamed Pumps Ltd.');
    expect((await get<{ unitPrice: { amount: string } }>(`${url}/price?quantity=10`)).unitPrice.amount).toBe(
      '4321',
    );
  });

  it('finds a product listed after the same search was cached', async () => {
    const supplier = await newSupplier(h);
    const search = '/api/search/products?q=zanzibarite';
    expect((await get<Search>(search)).total).toBe(0);
    const product = await newProduct(h, supplier, { title: { en: 'Zanzibarite garden pump' } });
    const found = await get<Search>(search);
    expect(found.items.map((i) => i.id)).toEqual([product.id]);
  });

  it('keeps showing what a rolled-back transaction did not change', async () => {
    const product = await newProduct(h, await newSupplier(h));
    const url = `/api/products/${product.id}`;
    await get(url);
    await expect(
      h.database.db.transaction(async (tx) => {
        await tx.execute(sql`update product_price_tiers set unit_price = 1 where product_id = ${product.id}`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await get<Page>(url)).priceTiers[0]!.unitPrice.amount).toBe('5000');
  });

  it('lets an entry lapse after its time to live, for what changes with the clock alone', async () => {
    const product = await newProduct(h, await newSupplier(h));
    await get(`/api/products/${product.id}`);
    const before = catalogCacheStats(h.database.db);
    h.clock.advance(31_000);
    await get(`/api/products/${product.id}`);
    if (before) expect(catalogCacheStats(h.database.db)!.misses).toBe(before.misses + 1);
  });
});
