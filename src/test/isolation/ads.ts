import { expect } from 'vitest';
import { adProduct, ads, fundWallet, newCampaign } from '../ad-factories.js';
import type { Harness } from '../harness.js';
import { guarded, isolationModule, publicRead } from './types.js';
import type { World } from './world.js';

/** Supplier A's funded campaign on its product, a promotion of it, and its showcase. */
type Fixture = { campaignId: string; promotionId: string; productId: string };

const setup = async (h: Harness, w: World): Promise<Fixture> => {
  const productId = (await adProduct(h, w.a.supplier)).id;
  await fundWallet(h, w.operator, w.a.supplier, 5000n);
  const campaignId = (await newCampaign(h, w.a.supplier, { products: [productId] })).id;
  const promotion = await ads(h, w.a.supplier).post('/api/ads/promotions', {
    productId,
    name: 'Autumn',
    startsAt: h.clock().toISOString(),
    endsAt: new Date(h.clock().getTime() + 7 * 86_400_000).toISOString(),
    tiers: [{ minQuantity: 10, percentOff: 10 }],
  });
  expect(promotion.statusCode, promotion.body).toBe(201);
  const showcase = await ads(h, w.a.supplier).put('/api/ads/showcase', { productIds: [productId] });
  expect(showcase.statusCode, showcase.body).toBe(200);
  return { campaignId, promotionId: promotion.json().id, productId };
};

const campaign = (f: Fixture) => ({ id: f.campaignId });
const promotion = (f: Fixture) => ({ id: f.promotionId });
/** Advertising is for owners, admins and sales, reads included: bids and budgets are commercial secrets. */
const advertiser = guarded('supplier', 'supplier:logistics');

export const adsIsolation = isolationModule<Fixture>({
  name: 'ads',
  setup,
  cases: [
    { route: 'GET /api/ads/campaigns/{id}', params: campaign, access: advertiser },
    {
      route: 'PATCH /api/ads/campaigns/{id}',
      params: campaign,
      body: () => ({ dailyBudget: '100', keywords: [{ text: 'pump', matchType: 'broad', bid: '999' }] }),
      access: advertiser,
    },
    { route: 'GET /api/ads/campaigns/{id}/report', params: campaign, access: advertiser },
    { route: 'GET /api/ads/promotions/{id}', params: promotion, access: advertiser },
    {
      route: 'PATCH /api/ads/promotions/{id}',
      params: promotion,
      body: () => ({ status: 'cancelled' }),
      access: advertiser,
    },
    {
      route: 'GET /api/companies/{id}/showcase',
      params: (_, w) => ({ id: w.a.supplier.companyId }),
      access: publicRead('a supplier’s featured products are shown on its public showroom'),
      check: (response, f) => {
        expect(response.body).toContain(f.productId);
        // The campaign behind the products is not part of the showroom.
        expect(response.body).not.toContain(f.campaignId);
      },
    },
  ],
});
