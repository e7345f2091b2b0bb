import { count, eq, sum } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { anonymous } from '../../core/context.js';
import {
  adProduct,
  ads,
  fundWallet,
  newCampaign,
  newVisitor,
  sponsoredFor,
  today,
  walletAvailable,
} from '../../test/ad-factories.js';
import { newOperator, newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { verifyLedger } from '../ledger/index.js';
import { adClicks } from './schema.js';
import { sponsoredFor as sponsoredPlacements } from './sponsored-results.js';

const h = useHarness();

/**
 * 200 visitors are each shown the ad once (the search's auction, called
 * directly: the organic search around it only slows the setup), then all
 * click their impression at the same time.
 */
const clickAllAtOnce = async (campaignId: string, q: string) => {
  const shown: { visitorId: string; impressionId: string }[] = [];
  for (let i = 0; i < 200; i++) {
    const { visitorId } = newVisitor();
    const [first] = await sponsoredPlacements(h.ctx(anonymous), { q, visitorId });
    expect(first?.campaignId).toBe(campaignId);
    shown.push({ visitorId, impressionId: first!.impressionId });
  }
  const responses = await Promise.all(
    shown.map((s) =>
      ads(h, { visitorId: s.visitorId }).post('/api/ads/clicks', { impressionId: s.impressionId }),
    ),
  );
  return responses.map((r) => r.statusCode);
};

const chargedClicks = async (campaignId: string) => {
  const [row] = await h.database.db
    .select({ n: count(), spent: sum(adClicks.price) })
    .from(adClicks)
    .where(eq(adClicks.campaignId, campaignId));
  const [charged] = await h.database.db
    .select({ n: count() })
    .from(adClicks)
    .where(eq(adClicks.charged, true));
  return { recorded: row!.n, charged: charged!.n, spent: BigInt(row!.spent ?? '0') };
};

describe('clicks under concurrency', () => {
  it('200 concurrent clicks against a daily budget for 50: exactly 50 charged, never more', async () => {
    const operator = await newOperator(h);
    const supplier = await newSupplier(h);
    const product = await adProduct(h, supplier);
    await fundWallet(h, operator, supplier, 100_000n);
    // A lone bidder pays the reserve, 10 cents: 500 cents of budget is 50 clicks.
    const campaign = await newCampaign(h, supplier, { products: [product.id], dailyBudget: '500' });

    const codes = await clickAllAtOnce(campaign.id, 'water pump');
    // Every click is kept and answered; only the charge is refused past the budget.
    expect(codes.every((c) => c === 200)).toBe(true);
    const clicks = await chargedClicks(campaign.id);
    expect(clicks).toEqual({ recorded: 200, charged: 50, spent: 500n });
    expect(await today(h, supplier, campaign.id)).toEqual({ spent: 500n, chargedClicks: 50 });
    expect(await walletAvailable(h, supplier)).toBe(100_000n - 500n);
    const report = await verifyLedger(h.database.db);
    expect(report.violations).toEqual([]);
    // A spent budget takes the ad out of the auction.
    expect(await sponsoredFor(h, 'water pump', newVisitor())).toEqual([]);
  });

  it('200 concurrent clicks against a wallet holding 50: the wallet never goes below zero', async () => {
    const operator = await newOperator(h);
    const supplier = await newSupplier(h);
    const product = await adProduct(h, supplier, { title: { en: 'Solar panel 450 W' } });
    await fundWallet(h, operator, supplier, 500n);
    const campaign = await newCampaign(h, supplier, {
      products: [product.id],
      dailyBudget: '100000',
      keywords: [{ text: 'solar panel', matchType: 'broad', bid: '10' }],
    });

    const codes = await clickAllAtOnce(campaign.id, 'solar panel');
    expect(codes.every((c) => c === 200)).toBe(true);
    expect(await today(h, supplier, campaign.id)).toEqual({ spent: 500n, chargedClicks: 50 });
    expect(await walletAvailable(h, supplier)).toBe(0n);
    expect((await verifyLedger(h.database.db)).violations).toEqual([]);
  });
});
