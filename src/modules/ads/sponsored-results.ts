import { and, arrayContained, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { cachedCatalogRead, type SponsoredPlacement, type SponsoredSource } from '../catalog/index.js';
import { adRules, dayOf } from './ad-rules.js';
import { runAuction } from './auction.js';
import { adTokens, keywordMatches } from './keywords.js';
import { findListings } from './listing-facts.js';
import { adsPolicy } from './policy.js';
import { qualityScore } from './quality-score.js';
import { adCampaignDays, adCampaignProducts, adCampaigns, adImpressions, adKeywords } from './schema.js';
import { walletsAvailable } from './wallet.js';

/**
 * The ads that may show for these query words: active keywords made only of
 * the query's words (every match type needs that; `keywordMatches` then
 * decides), of active campaigns, on their active products, with today's
 * spend. The highest bids first, at most `maxCandidates`.
 */
const findCandidates = (db: Db, tokens: readonly string[], day: string) =>
  db
    .select({
      companyId: adKeywords.companyId,
      campaignId: adKeywords.campaignId,
      keywordId: adKeywords.id,
      tokens: adKeywords.tokens,
      matchType: adKeywords.matchType,
      bid: adKeywords.bid,
      productId: adCampaignProducts.productId,
      remaining: sql<string>`coalesce(${adCampaignDays.budget}, ${adCampaigns.dailyBudget}) - coalesce(${adCampaignDays.spent}, 0)`,
    })
    .from(adKeywords)
    .innerJoin(
      adCampaigns,
      and(
        eq(adCampaigns.companyId, adKeywords.companyId),
        eq(adCampaigns.id, adKeywords.campaignId),
        eq(adCampaigns.status, 'active'),
      ),
    )
    .innerJoin(
      adCampaignProducts,
      and(
        eq(adCampaignProducts.companyId, adKeywords.companyId),
        eq(adCampaignProducts.campaignId, adKeywords.campaignId),
        eq(adCampaignProducts.status, 'active'),
      ),
    )
    .leftJoin(
      adCampaignDays,
      and(
        eq(adCampaignDays.companyId, adKeywords.companyId),
        eq(adCampaignDays.campaignId, adKeywords.campaignId),
        eq(adCampaignDays.day, day),
      ),
    )
    .where(and(eq(adKeywords.status, 'active'), arrayContained(adKeywords.tokens, [...tokens])))
    .orderBy(desc(adKeywords.bid), adKeywords.id, adCampaignProducts.productId)
    .limit(adRules.maxCandidates);

/** Who sees the results: the member's company, an anonymous visitor's id, or no one known. */
const viewerOf = (ctx: Ctx, visitorId: string | null) => adsPolicy.clicker(ctx.actor, visitorId)?.key ?? null;

/**
 * The search-time auction (the catalog's sponsored source): the query's
 * matching ads whose campaign can still pay their bid today, from budget
 * and wallet alike, scored for quality against each product, auctioned, and
 * each winner recorded as an impression whose id a click must name.
 */
export const sponsoredFor: SponsoredSource = async (ctx, { q, visitorId }) => {
  const query = adTokens(q);
  if (query.length === 0) return [];
  const now = ctx.now();
  const day = dayOf(now);
  const candidates = (await findCandidates(ctx.db, query, day)).filter(
    (c) => keywordMatches(c, query) && BigInt(c.remaining) >= c.bid,
  );
  if (candidates.length === 0) return [];

  const wallets = await walletsAvailable(ctx.db, [...new Set(candidates.map((c) => c.companyId))]);
  // Catalog facts (titles, images, tiers, verification): cached with the catalog, unlike bids and budgets.
  const productIds = [...new Set(candidates.map((c) => c.productId))];
  const listings = await cachedCatalogRead(ctx.db, `listings:${productIds.join(',')}`, now, async () => ({
    value: await findListings(ctx.db, productIds),
  }));
  const bids = candidates.flatMap((c) => {
    const listing = listings.get(c.productId);
    if (!listing?.active || listing.companyId !== c.companyId || wallets.get(c.companyId)! < c.bid) return [];
    return [{ ...c, id: `${c.keywordId}:${c.productId}`, quality: qualityScore(c.tokens, listing) }];
  });
  const winners = runAuction(bids, adRules);
  if (winners.length === 0) return [];

  const viewer = viewerOf(ctx, visitorId);
  const impressions = winners.map((w) => ({
    companyId: w.companyId,
    id: newId('adi', now),
    campaignId: w.campaignId,
    keywordId: w.keywordId,
    productId: w.productId,
    query: q.slice(0, 200),
    viewer,
    placement: w.placement,
    position: w.position,
    quality: w.quality,
    bid: w.bid,
    price: w.price,
    currency: adRules.currency,
    day,
    createdAt: now,
  }));
  await ctx.db.insert(adImpressions).values(impressions);
  return impressions.map(
    (i): SponsoredPlacement => ({
      companyId: i.companyId,
      productId: i.productId,
      campaignId: i.campaignId,
      keywordId: i.keywordId,
      impressionId: i.id,
      placement: i.placement,
    }),
  );
};
