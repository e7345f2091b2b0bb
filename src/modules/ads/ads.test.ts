import { beforeAll, describe, expect, it } from 'vitest';
import {
  adProduct,
  ads,
  fundWallet,
  newCampaign,
  newVisitor,
  searchAndClick,
  sponsoredFor,
  today,
  walletAvailable,
} from '../../test/ad-factories.js';
import { newBuyer, newOperator, newProduct, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { verifyLedger } from '../ledger/index.js';

const h = useHarness();
const hour = 60 * 60 * 1000;

const ledgerIsSound = async () => expect((await verifyLedger(h.database.db)).violations).toEqual([]);

describe('keyword campaigns in search', () => {
  let operator: Session;
  let supplier: Session;
  let buyer: Session;
  let productId: string;
  let campaignId: string;

  beforeAll(async () => {
    [operator, supplier, buyer] = await Promise.all([newOperator(h), newSupplier(h), newBuyer(h)]);
    productId = (await adProduct(h, supplier)).id;
    await fundWallet(h, operator, supplier, 1000n);
    campaignId = (await newCampaign(h, supplier, { products: [productId], dailyBudget: '500' })).id;
  });

  it('shows the supplier its keywords, bids and each product’s quality score', async () => {
    const view = (await ads(h, supplier).get(`/api/ads/campaigns/${campaignId}`)).json();
    expect(view).toMatchObject({
      status: 'active',
      dailyBudget: { amount: '500', currency: 'USD' },
      keywords: [{ text: 'water pump', matchType: 'phrase', bid: { amount: '50', currency: 'USD' } }],
      products: [{ productId, quality: [{ score: 3.1, topSlotEligible: true }] }],
      today: { spent: { amount: '0', currency: 'USD' }, chargedClicks: 0 },
    });
    const list = (await ads(h, supplier).get('/api/ads/campaigns')).json();
    expect(list.map((c: { id: string }) => c.id)).toEqual([campaignId]);
  });

  it('labels the sponsored result of a matching search, apart from the organic items', async () => {
    const response = await ads(h, buyer).get('/api/search/products?q=stainless%20water%20pumps');
    const body = response.json();
    expect(body.sponsored).toEqual([
      expect.objectContaining({
        id: productId,
        sponsored: true,
        campaignId,
        placement: 'top',
        impressionId: expect.stringMatching(/^adi_/),
      }),
    ]);
    // A query the phrase does not match shows none; nor does a later page.
    expect(await sponsoredFor(h, 'pump for water', buyer)).toEqual([]);
    const second = await ads(h, buyer).get('/api/search/products?q=water%20pump&page=2');
    expect(second.json().sponsored).toEqual([]);
  });

  it('charges a single bidder’s click the reserve price from its wallet into ad revenue', async () => {
    const { click } = await searchAndClick(h, 'water pump', buyer);
    expect(click).toEqual(expect.objectContaining({ productId, url: `/products/${productId}` }));
    // The clicker learns nothing of the price.
    expect(click).not.toHaveProperty('price');
    expect(await today(h, supplier, campaignId)).toEqual({ spent: 10n, chargedClicks: 1 });
    expect(await walletAvailable(h, supplier)).toBe(990n);
    await ledgerIsSound();
  });

  it('charges the same buyer once within 24 hours, and again after', async () => {
    const repeat = await searchAndClick(h, 'water pump', buyer);
    expect(repeat.click.productId).toBe(productId);
    expect(await today(h, supplier, campaignId)).toEqual({ spent: 10n, chargedClicks: 1 });
    // Another member of another buyer company is another buyer.
    await searchAndClick(h, 'water pumps', await newBuyer(h));
    expect(await today(h, supplier, campaignId)).toEqual({ spent: 20n, chargedClicks: 2 });
    h.clock.advance(23 * hour);
    await searchAndClick(h, 'water pump', buyer);
    expect(await walletAvailable(h, supplier)).toBe(980n);
    h.clock.advance(1 * hour + 1000);
    await searchAndClick(h, 'water pump', buyer);
    expect(await walletAvailable(h, supplier)).toBe(970n);
    await ledgerIsSound();
  });

  it('answers a repeated click on one impression with the first click, charging nothing more', async () => {
    const [shown] = await sponsoredFor(h, 'water pump', await newBuyer(h));
    const visitor = newVisitor();
    const [forVisitor] = await sponsoredFor(h, 'water pump', visitor);
    const first = await ads(h, visitor).post('/api/ads/clicks', { impressionId: forVisitor!.impressionId });
    const again = await ads(h, visitor).post('/api/ads/clicks', { impressionId: forVisitor!.impressionId });
    expect(again.json().clickId).toBe(first.json().clickId);
    expect(await walletAvailable(h, supplier)).toBe(960n);
    // An impression shown to a known viewer is theirs alone to click.
    const stolen = await ads(h, visitor).post('/api/ads/clicks', { impressionId: shown!.impressionId });
    expect(stolen.statusCode).toBe(404);
    // Nobody known: refused.
    const anonymous = await ads(h).post('/api/ads/clicks', { impressionId: forVisitor!.impressionId });
    expect(anonymous.statusCode).toBe(401);
    expect((await ads(h, visitor).post('/api/ads/clicks', { impressionId: 'adi_unknown' })).statusCode).toBe(
      404,
    );
  });

  it('never charges the advertiser’s own click, nor one on an impression over an hour old', async () => {
    const before = await walletAvailable(h, supplier);
    await searchAndClick(h, 'water pump', supplier);
    const late = newVisitor();
    const [shown] = await sponsoredFor(h, 'water pump', late);
    h.clock.advance(hour + 1000);
    const click = await ads(h, late).post('/api/ads/clicks', { impressionId: shown!.impressionId });
    expect(click.statusCode).toBe(200);
    expect(await walletAvailable(h, supplier)).toBe(before);
  });

  it('stops showing a paused campaign and shows it again when resumed', async () => {
    const pause = await ads(h, supplier).patch(`/api/ads/campaigns/${campaignId}`, { status: 'paused' });
    expect(pause.statusCode, pause.body).toBe(200);
    expect(await sponsoredFor(h, 'water pump', buyer)).toEqual([]);
    await ads(h, supplier).patch(`/api/ads/campaigns/${campaignId}`, { status: 'active' });
    expect(await sponsoredFor(h, 'water pump', buyer)).toHaveLength(1);
  });

  it('shows an ad only while today’s budget and the wallet can pay its bid', async () => {
    const other = await newSupplier(h);
    const product = await adProduct(h, other, { title: { en: 'Garden hose reel' } });
    await fundWallet(h, operator, other, 120n);
    const campaign = await newCampaign(h, other, {
      products: [product.id],
      dailyBudget: '100',
      keywords: [{ text: 'hose reel', matchType: 'exact', bid: '60' }],
    });
    // Exact: only the exact query.
    expect(await sponsoredFor(h, 'garden hose reel', buyer)).toEqual([]);
    await searchAndClick(h, 'Hose reels', newVisitor());
    await searchAndClick(h, 'hose reel', newVisitor());
    // Two reserve-priced clicks spent 20 of the 100 budget: 80 left covers the bid of 60.
    expect(await today(h, other, campaign.id)).toEqual({ spent: 20n, chargedClicks: 2 });
    // A bid the wallet (100 left) still covers, then one it does not.
    await ads(h, other).patch(`/api/ads/campaigns/${campaign.id}`, {
      keywords: [{ text: 'hose reel', matchType: 'exact', bid: '100' }],
    });
    expect(await sponsoredFor(h, 'hose reel', buyer)).toEqual([]); // budget: 80 left < 100
    await ads(h, other).patch(`/api/ads/campaigns/${campaign.id}`, { dailyBudget: '10000' });
    expect(await sponsoredFor(h, 'hose reel', buyer)).toHaveLength(1); // wallet 100 ≥ bid 100
    await ads(h, other).patch(`/api/ads/campaigns/${campaign.id}`, {
      keywords: [{ text: 'hose reel', matchType: 'exact', bid: '101' }],
    });
    expect(await sponsoredFor(h, 'hose reel', buyer)).toEqual([]); // wallet 100 < bid 101
  });

  it('keeps a low-quality listing out of the top slots, even when it ranks first', async () => {
    const rival = await newSupplier(h);
    // No description, one tier, no attribute: listing 10, quality 2.3 for "water pump".
    const weak = await newProduct(h, rival, {
      title: { en: 'Water pump' },
      description: { en: '' },
      attributes: [],
      priceTiers: [{ minQuantity: 10, maxQuantity: null, unitPrice: '5000' }],
    });
    await fundWallet(h, operator, rival, 10_000n);
    await newCampaign(h, rival, {
      products: [weak.id],
      keywords: [{ text: 'water pump', matchType: 'broad', bid: '300' }],
    });
    const viewer = newVisitor();
    const shown = await sponsoredFor(h, 'pump water', viewer);
    // Phrase "water pump" does not match "pump water": only the broad rival shows, below the results.
    expect(shown.map((s) => [s.id, s.placement])).toEqual([[weak.id, 'other']]);
    const both = await sponsoredFor(h, 'water pump', viewer);
    // The rival ranks first (300 × 2.3 = 690 > 50 × 3.1 = 155) but only quality ≥ 3 takes the top.
    expect(both.map((s) => [s.id, s.placement])).toEqual([
      [productId, 'top'],
      [weak.id, 'other'],
    ]);
    await ledgerIsSound();
  });

  it('charges the next top-quality rank’s bid × quality ÷ own quality + 0.01', async () => {
    const third = await newSupplier(h);
    const product = await adProduct(h, third, { title: { en: 'Stainless water pump' } });
    await fundWallet(h, operator, third, 10_000n);
    await newCampaign(h, third, {
      products: [product.id],
      keywords: [{ text: 'water pump', matchType: 'phrase', bid: '40' }],
    });
    const before = await walletAvailable(h, supplier);
    const { sponsored } = await searchAndClick(h, 'water pump', newVisitor());
    // 50 × 3.1 = 155 ranks above 40 × 3.1 = 124; the rival's 300 × 2.3 is not a top-slot competitor.
    expect(sponsored.id).toBe(productId);
    expect(before - (await walletAvailable(h, supplier))).toBe(41n); // ⌈40 × 31 / 31⌉ + 1
    const shown = await sponsoredFor(h, 'water pump', newVisitor());
    expect(shown.map((s) => [s.id, s.placement])).toEqual([
      [productId, 'top'],
      [product.id, 'top'],
      [expect.any(String), 'other'],
    ]);
    await ledgerIsSound();
  });
});

describe('campaign requests', () => {
  let supplier: Session;
  let productId: string;

  beforeAll(async () => {
    supplier = await newSupplier(h);
    productId = (await adProduct(h, supplier)).id;
  });

  it('refuses unknown fields, spend and quality included', async () => {
    for (const extra of [{ spent: '0' }, { quality: 5 }, { companyId: 'co_x' }]) {
      const response = await ads(h, supplier).post('/api/ads/campaigns', {
        name: 'x',
        dailyBudget: '1000',
        keywords: [{ text: 'pump', matchType: 'exact', bid: '20' }],
        products: [productId],
        ...extra,
      });
      expect(response.statusCode, JSON.stringify(extra)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const keywordExtra = await ads(h, supplier).post('/api/ads/campaigns', {
      name: 'x',
      dailyBudget: '1000',
      keywords: [{ text: 'pump', matchType: 'exact', bid: '20', quality: 5 }],
      products: [productId],
    });
    expect(keywordExtra.statusCode).toBe(400);
    expect((await ads(h, supplier).get('/api/ads/campaigns')).json()).toEqual([]);
  });

  it('refuses bids under the reserve, repeated keywords, wordless keywords and others’ products', async () => {
    const base = { name: 'x', dailyBudget: '1000', products: [productId] };
    const cases: [object, string][] = [
      [{ ...base, keywords: [{ text: 'pump', matchType: 'exact', bid: '9' }] }, 'keywords.0.bid'],
      [
        {
          ...base,
          keywords: [
            { text: 'Pumps', matchType: 'exact', bid: '20' },
            { text: 'pump', matchType: 'exact', bid: '30' },
          ],
        },
        'keywords[1].text',
      ],
      [{ ...base, keywords: [{ text: '!!!', matchType: 'exact', bid: '20' }] }, 'keywords[0].text'],
    ];
    for (const [body, field] of cases) {
      const response = await ads(h, supplier).post('/api/ads/campaigns', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.body).toContain(field);
    }
    const foreign = await adProduct(h, await newSupplier(h));
    const response = await ads(h, supplier).post('/api/ads/campaigns', {
      ...base,
      keywords: [{ text: 'pump', matchType: 'exact', bid: '20' }],
      products: [foreign.id],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual({ field: 'products[0]' });
  });

  it('replaces keywords keeping the ids of those kept, and products', async () => {
    const second = await adProduct(h, supplier, { title: { en: 'Booster pump' } });
    const created = await newCampaign(h, supplier, {
      products: [productId],
      keywords: [
        { text: 'water pump', matchType: 'phrase', bid: '50' },
        { text: 'pump', matchType: 'broad', bid: '20' },
      ],
    });
    const kept = created.keywords.find((k) => k.text === 'water pump')!;
    const response = await ads(h, supplier).patch(`/api/ads/campaigns/${created.id}`, {
      keywords: [
        { text: 'Water Pumps', matchType: 'phrase', bid: '70' },
        { text: 'booster pump', matchType: 'exact', bid: '40' },
      ],
      products: [productId, second.id],
      name: 'Pumps',
    });
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view.name).toBe('Pumps');
    expect(
      view.keywords.map((k: { text: string; bid: { amount: string } }) => [k.text, k.bid.amount]),
    ).toEqual(
      expect.arrayContaining([
        ['Water Pumps', '70'],
        ['booster pump', '40'],
      ]),
    );
    expect(view.keywords).toHaveLength(2);
    expect(view.keywords.map((k: { id: string }) => k.id)).toContain(kept.id);
    expect(view.products.map((p: { productId: string }) => p.productId).sort()).toEqual(
      [productId, second.id].sort(),
    );
  });
});
