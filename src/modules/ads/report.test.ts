import { beforeAll, describe, expect, it } from 'vitest';
import {
  adProduct,
  ads,
  fundWallet,
  newCampaign,
  newVisitor,
  searchAndClick,
  sponsoredFor,
} from '../../test/ad-factories.js';
import { newBuyer, newOperator, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { money } from '../../test/order-factories.js';

const h = useHarness();
const day = 24 * 60 * 60 * 1000;

describe('campaign report', () => {
  let supplier: Session;
  let productId: string;
  let campaignId: string;
  let phraseId: string;
  let broadId: string;

  const inquire = async (buyer: Session) => {
    const response = await ads(h, buyer).post('/api/inquiries', {
      supplierId: supplier.companyId,
      productId,
      message: 'Price for 200 pieces?',
    });
    expect(response.statusCode, response.body).toBe(201);
  };
  const order = async (buyer: Session) => {
    const response = await money(h, buyer).post(
      '/api/orders',
      { lines: [{ productId, quantity: 100 }] },
      null,
    );
    expect(response.statusCode, response.body).toBe(201);
  };

  beforeAll(async () => {
    const operator = await newOperator(h);
    supplier = await newSupplier(h);
    productId = (await adProduct(h, supplier)).id;
    await fundWallet(h, operator, supplier, 10_000n);
    const campaign = await newCampaign(h, supplier, {
      products: [productId],
      keywords: [
        { text: 'water pump', matchType: 'phrase', bid: '50' },
        { text: 'pump', matchType: 'broad', bid: '20' },
      ],
    });
    campaignId = campaign.id;
    phraseId = campaign.keywords.find((k) => k.text === 'water pump')!.id;
    broadId = campaign.keywords.find((k) => k.text === 'pump')!.id;
  });

  it('counts impressions, clicks, CTR, CPC, spend and attributed inquiries and orders per keyword and day', async () => {
    const [a, b, c] = [await newBuyer(h), await newBuyer(h), await newBuyer(h)];
    // Day 1 (2026-11-02): "water pump" wins on the phrase keyword (bid 50 over 20), "pump" only broad.
    await searchAndClick(h, 'water pump', a);
    await searchAndClick(h, 'water pumps', newVisitor());
    expect(await sponsoredFor(h, 'water pump', c)).toHaveLength(1); // shown, not clicked
    const { sponsored } = await searchAndClick(h, 'pump', b);
    expect(sponsored.keywordId).toBe(broadId);
    // A asks and orders within 7 days of its click: both attributed to day 1's phrase keyword.
    h.clock.advance(2 * day);
    await inquire(a);
    await order(a);
    // C never clicked: nothing to attribute. B orders 8 days after its click: too late.
    await inquire(c);
    h.clock.advance(6 * day + 1000);
    await order(b);

    const response = await ads(h, supplier).get(
      `/api/ads/campaigns/${campaignId}/report?from=2026-11-01&to=2026-11-10`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    const usd = (amount: string) => ({ amount, currency: 'USD' });
    expect(report.totals).toEqual({
      impressions: 4,
      clicks: 3,
      chargedClicks: 3,
      ctr: 0.75,
      averageCpc: usd('10'),
      spend: usd('30'),
      inquiries: 1,
      orders: 1,
    });
    expect(report.byDay).toEqual([{ day: '2026-11-02', ...report.totals }]);
    const byKeyword = Object.fromEntries(
      report.byKeyword.map((k: { keywordId: string }) => [k.keywordId, k]),
    );
    expect(byKeyword[phraseId]).toMatchObject({
      text: 'water pump',
      impressions: 3,
      clicks: 2,
      ctr: 0.6667,
      spend: usd('20'),
      inquiries: 1,
      orders: 1,
    });
    expect(byKeyword[broadId]).toMatchObject({ impressions: 1, clicks: 1, spend: usd('10'), orders: 0 });
    expect(report.rows.map((r: { day: string; keywordId: string }) => [r.day, r.keywordId]).sort()).toEqual(
      [
        ['2026-11-02', phraseId],
        ['2026-11-02', broadId],
      ].sort(),
    );
    // Outside the period: nothing.
    const before = await ads(h, supplier).get(
      `/api/ads/campaigns/${campaignId}/report?from=2026-10-01&to=2026-11-01`,
    );
    expect(before.json().totals.impressions).toBe(0);
  });

  it('refuses a period backwards or over a year', async () => {
    const backwards = await ads(h, supplier).get(
      `/api/ads/campaigns/${campaignId}/report?from=2026-11-05&to=2026-11-01`,
    );
    expect(backwards.statusCode).toBe(400);
    const long = await ads(h, supplier).get(
      `/api/ads/campaigns/${campaignId}/report?from=2025-01-01&to=2026-11-01`,
    );
    expect(long.statusCode).toBe(400);
    const extra = await ads(h, supplier).get(
      `/api/ads/campaigns/${campaignId}/report?from=2026-11-01&spend=1`,
    );
    expect(extra.statusCode).toBe(400);
  });
});
