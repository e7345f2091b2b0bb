import { beforeAll, describe, expect, it } from 'vitest';
import {
  adProduct,
  ads,
  fundWallet,
  newCampaign,
  searchAndClick,
  type Viewer,
} from '../../test/ad-factories.js';
import { newBuyer, newMember, newOperator, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';

const h = useHarness();

const request = (viewer: Viewer, method: 'GET' | 'PATCH' | 'POST' | 'PUT', url: string, payload?: object) => {
  const as = ads(h, viewer);
  return method === 'GET'
    ? as.get(url)
    : method === 'PATCH'
      ? as.patch(url, payload)
      : method === 'PUT'
        ? as.put(url, payload)
        : as.post(url, payload);
};

describe('advertising tenant isolation', () => {
  let owner: Session;
  let ownerLogistics: Session;
  let competitor: Session;
  let buyer: Session;
  let operator: Session;
  let campaignId: string;
  let promotionId: string;
  let productId: string;

  /** Everything a refused request could have changed, as the owner sees it. */
  const snapshot = async () =>
    Promise.all(
      [
        `/api/ads/campaigns/${campaignId}`,
        `/api/ads/campaigns/${campaignId}/report`,
        `/api/ads/promotions/${promotionId}`,
        '/api/ads/wallet',
        `/api/companies/${owner.companyId}/showcase`,
      ].map(async (url) => (await ads(h, owner).get(url)).json()),
    );

  beforeAll(async () => {
    [owner, competitor, buyer, operator] = await Promise.all([
      newSupplier(h),
      newSupplier(h),
      newBuyer(h),
      newOperator(h),
    ]);
    ownerLogistics = await newMember(h, owner, 'logistics');
    productId = (await adProduct(h, owner)).id;
    await fundWallet(h, operator, owner, 5000n);
    campaignId = (await newCampaign(h, owner, { products: [productId] })).id;
    await searchAndClick(h, 'water pump', buyer);
    const promotion = await ads(h, owner).post('/api/ads/promotions', {
      productId,
      name: 'Autumn',
      startsAt: h.clock().toISOString(),
      endsAt: new Date(h.clock().getTime() + 7 * 86_400_000).toISOString(),
      tiers: [{ minQuantity: 10, percentOff: 10 }],
    });
    expect(promotion.statusCode, promotion.body).toBe(201);
    promotionId = promotion.json().id;
    await ads(h, owner).put('/api/ads/showcase', { productIds: [productId] });
  });

  type Route = ['GET' | 'PATCH', string, object?];
  const idRoutes = (): Route[] => [
    ['GET', `/api/ads/campaigns/${campaignId}`],
    ['PATCH', `/api/ads/campaigns/${campaignId}`, { status: 'paused' }],
    [
      'PATCH',
      `/api/ads/campaigns/${campaignId}`,
      { keywords: [{ text: 'pump', matchType: 'broad', bid: '999' }] },
    ],
    ['PATCH', `/api/ads/campaigns/${campaignId}`, { dailyBudget: '100' }],
    ['GET', `/api/ads/campaigns/${campaignId}/report`],
    ['GET', `/api/ads/promotions/${promotionId}`],
    ['PATCH', `/api/ads/promotions/${promotionId}`, { status: 'cancelled' }],
  ];
  const unknown = (url: string) => url.replace(/(cmp|prm)_[^/]+/, '$1_nonexistent');

  it('answers 401 to anonymous callers on every advertising route that is not public', async () => {
    const before = await snapshot();
    const routes: [Route[0] | 'POST' | 'PUT', string, object?][] = [
      ...idRoutes(),
      ['GET', '/api/ads/campaigns'],
      [
        'POST',
        '/api/ads/campaigns',
        {
          name: 'x',
          dailyBudget: '100',
          keywords: [{ text: 'pump', matchType: 'exact', bid: '10' }],
          products: [productId],
        },
      ],
      ['GET', '/api/ads/wallet'],
      ['GET', '/api/ads/promotions'],
      ['PUT', '/api/ads/showcase', { productIds: [] }],
      ['GET', '/api/ads/home-slots'],
      ['PUT', '/api/ads/home-slots', { slots: [] }],
    ];
    for (const [method, url, payload] of routes) {
      const response = await request(undefined, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another supplier's campaign, report and promotion as not found, exactly like an unknown id", async () => {
    const before = await snapshot();
    for (const [method, url, payload] of idRoutes()) {
      const response = await request(competitor, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      const missing = await request(competitor, method, unknown(url), payload);
      expect(missing.statusCode).toBe(404);
      expect(response.json().error.message).toBe(
        missing.json().error.message.replace(/(cmp|prm)_nonexistent/, url.match(/(cmp|prm)_[^/]+/)![0]),
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a wrong role or company kind with 403 whatever the id, the operator included', async () => {
    const before = await snapshot();
    for (const session of [ownerLogistics, buyer, operator]) {
      for (const [method, url, payload] of idRoutes()) {
        const response = await request(session, method, url, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect((await request(session, method, unknown(url), payload)).statusCode).toBe(403);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lists to each supplier only its own campaigns, promotions and wallet', async () => {
    expect((await ads(h, competitor).get('/api/ads/campaigns')).json()).toEqual([]);
    expect((await ads(h, competitor).get('/api/ads/promotions')).json()).toEqual([]);
    const wallet = (await ads(h, competitor).get('/api/ads/wallet')).json();
    expect(wallet).toMatchObject({ available: { amount: '0' }, topUps: [], credits: [] });
    const own = (await ads(h, owner).get('/api/ads/campaigns')).json();
    expect(own.map((c: { id: string }) => c.id)).toEqual([campaignId]);
    // Finance may read the wallet, not run campaigns.
    const finance = await newMember(h, owner, 'finance');
    expect((await ads(h, finance).get('/api/ads/wallet')).statusCode).toBe(200);
    expect((await ads(h, finance).get('/api/ads/campaigns')).statusCode).toBe(403);
  });

  it("refuses a campaign, promotion or showcase naming another supplier's product", async () => {
    const before = await snapshot();
    const foreign = (await adProduct(h, competitor)).id;
    const campaign = await ads(h, owner).patch(`/api/ads/campaigns/${campaignId}`, { products: [foreign] });
    expect(campaign.statusCode).toBe(400);
    const promotion = await ads(h, owner).post('/api/ads/promotions', {
      productId: foreign,
      name: 'Not mine',
      startsAt: h.clock().toISOString(),
      endsAt: new Date(h.clock().getTime() + 86_400_000).toISOString(),
      tiers: [{ minQuantity: 10, percentOff: 50 }],
    });
    expect(promotion.statusCode).toBe(400);
    expect((await ads(h, owner).put('/api/ads/showcase', { productIds: [foreign] })).statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('lets only the operator book wires into ad wallets and set the home page', async () => {
    const before = await snapshot();
    const topUp = {
      supplierId: owner.companyId,
      amount: '100000',
      currency: 'USD',
      bankReference: 'TT-SELF-SERVICE',
    };
    for (const session of [owner, competitor, buyer]) {
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/ads/wallet/top-ups',
        headers: { cookie: session.cookie, 'idempotency-key': `key-${session.companyId}` },
        payload: topUp,
      });
      expect(response.statusCode, response.body).toBe(403);
      expect((await ads(h, session).put('/api/ads/home-slots', { slots: [] })).statusCode).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });
});
