import { beforeAll, describe, expect, it } from 'vitest';
import { ads } from '../../test/ad-factories.js';
import { newBuyer, newOperator, newProduct, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { money } from '../../test/order-factories.js';
import { discountedPrice } from '../catalog/index.js';

const h = useHarness();
const day = 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(h.clock().getTime() + ms).toISOString();

describe('promoted prices', () => {
  it('take percent off, rounded half up to the minor unit, never below one', () => {
    expect(discountedPrice(4500n, 10)).toBe(4050n);
    expect(discountedPrice(3333n, 15)).toBe(2833n); // 2833.05
    expect(discountedPrice(5n, 50)).toBe(3n); // 2.5
    expect(discountedPrice(1n, 90)).toBe(1n); // 0.1, at least one minor unit
  });
});

describe('promotions', () => {
  let supplier: Session;
  let buyer: Session;
  let productId: string;
  let promotionId: string;

  const price = async (quantity: number) =>
    (await ads(h, buyer).get(`/api/products/${productId}/price?quantity=${quantity}`)).json();
  const order = async (quantity: number) => {
    const response = await money(h, buyer).post('/api/orders', { lines: [{ productId, quantity }] }, null);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  beforeAll(async () => {
    [supplier, buyer] = await Promise.all([newSupplier(h), newBuyer(h)]);
    // Tiers: 10–99 at 50.00, 100–499 at 45.00, 500+ at 40.00.
    productId = (await newProduct(h, supplier)).id;
  });

  it('shows the promoted price of the tiers it covers while it runs, and orders charge it', async () => {
    const response = await ads(h, supplier).post('/api/ads/promotions', {
      productId,
      name: 'Canton Fair week',
      startsAt: at(0),
      endsAt: at(2 * day),
      tiers: [
        { minQuantity: 100, percentOff: 10 },
        { minQuantity: 500, percentOff: 15 },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    promotionId = response.json().id;
    expect(response.json()).toMatchObject({ state: 'running', status: 'active' });

    const product = (await ads(h, buyer).get(`/api/products/${productId}`)).json();
    // The list prices stay what they are; the promotion says what sells now.
    expect(product.priceTiers.map((t: { unitPrice: { amount: string } }) => t.unitPrice.amount)).toEqual([
      '5000',
      '4500',
      '4000',
    ]);
    expect(product.promotion).toMatchObject({ id: promotionId, name: 'Canton Fair week' });
    expect(
      product.promotion.priceTiers.map((t: { percentOff: number; unitPrice: { amount: string } }) => [
        t.percentOff,
        t.unitPrice.amount,
      ]),
    ).toEqual([
      [0, '5000'],
      [10, '4050'],
      [15, '3400'],
    ]);

    expect(await price(120)).toMatchObject({
      unitPrice: { amount: '4050' },
      total: { amount: '486000' },
      listUnitPrice: { amount: '4500' },
      promotion: { id: promotionId, percentOff: 10 },
    });
    expect(await price(20)).toMatchObject({ unitPrice: { amount: '5000' }, promotion: null });

    const search = (await ads(h, buyer).get('/api/search/products?q=centrifugal')).json();
    const summary = search.items.find((i: { id: string }) => i.id === productId);
    expect(summary.price).toEqual({
      min: { amount: '4000', currency: 'USD' },
      max: { amount: '5000', currency: 'USD' },
    });
    expect(summary.promotedPrice).toMatchObject({ min: { amount: '3400' }, max: { amount: '5000' } });

    const placed = await order(120);
    expect(placed.lines[0].unitPrice).toEqual({ amount: '4050', currency: 'USD' });
    expect(placed.total).toEqual({ amount: '486000', currency: 'USD' });
  });

  it('never takes a price from the client', async () => {
    const response = await money(h, buyer).post(
      '/api/orders',
      { lines: [{ productId, quantity: 120, unitPrice: '1' }] },
      null,
    );
    expect(response.statusCode).toBe(400);
  });

  it('refuses an overlapping promotion and a tier the product does not have', async () => {
    const overlap = await ads(h, supplier).post('/api/ads/promotions', {
      productId,
      name: 'Overlap',
      startsAt: at(day),
      endsAt: at(3 * day),
      tiers: [{ minQuantity: 10, percentOff: 5 }],
    });
    expect(overlap.statusCode).toBe(409);
    const noSuchTier = await ads(h, supplier).post('/api/ads/promotions', {
      productId,
      name: 'Later',
      startsAt: at(3 * day),
      endsAt: at(4 * day),
      tiers: [{ minQuantity: 50, percentOff: 5 }],
    });
    expect(noSuchTier.statusCode).toBe(400);
    expect(noSuchTier.json().error.details).toEqual({ field: 'tiers[0].minQuantity' });
  });

  it('charges the list price again once it ends, and not before a scheduled one starts', async () => {
    const scheduled = await ads(h, supplier).post('/api/ads/promotions', {
      productId,
      name: 'Next week',
      startsAt: at(7 * day),
      endsAt: at(8 * day),
      tiers: [{ minQuantity: 100, percentOff: 20 }],
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    expect(scheduled.json().state).toBe('scheduled');

    h.clock.advance(2 * day);
    expect(await price(120)).toMatchObject({ unitPrice: { amount: '4500' }, promotion: null });
    expect((await ads(h, buyer).get(`/api/products/${productId}`)).json().promotion).toBeNull();
    expect((await order(120)).lines[0].unitPrice.amount).toBe('4500');
    expect((await ads(h, supplier).get(`/api/ads/promotions/${promotionId}`)).json().state).toBe('ended');
    // An ended promotion no longer changes.
    const late = await ads(h, supplier).patch(`/api/ads/promotions/${promotionId}`, { endsAt: at(day) });
    expect(late.statusCode).toBe(409);

    h.clock.advance(5 * day);
    expect((await price(120)).unitPrice.amount).toBe('3600');
    expect((await order(120)).lines[0].unitPrice.amount).toBe('3600');
    // Cancelled, the list price is back at once.
    const cancel = await ads(h, supplier).patch(`/api/ads/promotions/${scheduled.json().id}`, {
      status: 'cancelled',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect((await price(120)).unitPrice.amount).toBe('4500');
    expect((await order(120)).lines[0].unitPrice.amount).toBe('4500');
  });
});

describe('showcases', () => {
  it('shows a supplier’s featured products in its order, and the operator’s home slots in their window', async () => {
    const supplier = await newSupplier(h);
    const [a, b] = [await newProduct(h, supplier), await newProduct(h, supplier)];
    const set = await ads(h, supplier).put('/api/ads/showcase', { productIds: [b.id, a.id] });
    expect(set.statusCode, set.body).toBe(200);
    const showcase = (await ads(h).get(`/api/companies/${supplier.companyId}/showcase`)).json();
    expect(showcase.items.map((i: { id: string }) => i.id)).toEqual([b.id, a.id]);
    const tooMany = await ads(h, supplier).put('/api/ads/showcase', {
      productIds: Array.from({ length: 7 }, () => a.id),
    });
    expect(tooMany.statusCode).toBe(400);

    const operator = await newOperator(h);
    const home = await ads(h, operator).put('/api/ads/home-slots', {
      slots: [
        { productId: a.id, label: 'New' },
        { productId: b.id, startsAt: at(day), endsAt: at(2 * day) },
      ],
    });
    expect(home.statusCode, home.body).toBe(200);
    const now = (await ads(h).get('/api/home/showcase')).json();
    expect(
      now.items.map((i: { product: { id: string }; label: string | null }) => [i.product.id, i.label]),
    ).toEqual([[a.id, 'New']]);
    h.clock.advance(day);
    const tomorrow = (await ads(h).get('/api/home/showcase')).json();
    expect(tomorrow.items.map((i: { product: { id: string } }) => i.product.id)).toEqual([a.id, b.id]);
  });
});
