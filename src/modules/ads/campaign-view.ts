import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { moneyJson } from '../../core/money.js';
import { adRules, dayOf } from './ad-rules.js';
import {
  activeKeywords,
  activeProductIds,
  type CampaignDayRow,
  type CampaignRow,
  campaignDays,
  findCampaign,
} from './campaign-store.js';
import { findListings } from './listing-facts.js';
import { adsPolicy } from './policy.js';
import { qualityOutOfFive, qualityScore } from './quality-score.js';
import { adCampaigns } from './schema.js';

const today = (campaign: CampaignRow, row: CampaignDayRow | undefined, day: string) => {
  const budget = row?.budget ?? campaign.dailyBudget;
  const spent = row?.spent ?? 0n;
  return {
    day,
    spent: moneyJson(spent, campaign.currency),
    remaining: moneyJson(budget - spent, campaign.currency),
    chargedClicks: row?.chargedClicks ?? 0,
  };
};

const summary = (campaign: CampaignRow, row: CampaignDayRow | undefined, day: string) => ({
  id: campaign.id,
  name: campaign.name,
  status: campaign.status,
  dailyBudget: moneyJson(campaign.dailyBudget, campaign.currency),
  today: today(campaign, row, day),
  createdAt: campaign.createdAt.toISOString(),
  updatedAt: campaign.updatedAt.toISOString(),
});

/** The supplier's campaigns with today's spend, newest first. */
export const listCampaigns = async (ctx: Ctx) => {
  const advertiser = adsPolicy.assertAdvertiser(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(adCampaigns)
    .where(eq(adCampaigns.companyId, advertiser.companyId))
    .orderBy(desc(adCampaigns.id));
  const day = dayOf(ctx.now());
  const days = await campaignDays(
    ctx.db,
    advertiser.companyId,
    rows.map((r) => r.id),
    day,
  );
  return rows.map((r) => summary(r, days.get(r.id), day));
};

/**
 * One of the supplier's campaigns: its keywords and bids, its products, and
 * the quality score of each product for each keyword (0–5; 3 or more may
 * take the top slots), computed from the listing as it is now.
 */
export const getCampaign = async (ctx: Ctx, id: string) => {
  const campaign = adsPolicy.assertOwner(ctx.actor, await findCampaign(ctx.db, id), 'Campaign', id);
  const day = dayOf(ctx.now());
  const [keywords, productIds, days] = [
    await activeKeywords(ctx.db, campaign),
    await activeProductIds(ctx.db, campaign),
    await campaignDays(ctx.db, campaign.companyId, [campaign.id], day),
  ];
  const listings = await findListings(ctx.db, productIds);
  return {
    ...summary(campaign, days.get(campaign.id), day),
    keywords: keywords.map((k) => ({
      id: k.id,
      text: k.text,
      matchType: k.matchType,
      bid: moneyJson(k.bid, campaign.currency),
    })),
    products: productIds.map((productId) => {
      const listing = listings.get(productId);
      return {
        productId,
        title: listing?.titles.en ?? '',
        active: listing?.active ?? false,
        quality: keywords.map((k) => {
          const score = listing ? qualityScore(k.tokens, listing) : 0;
          return {
            keywordId: k.id,
            score: qualityOutOfFive(score),
            topSlotEligible: score >= adRules.topMinQuality,
          };
        }),
      };
    }),
  };
};
