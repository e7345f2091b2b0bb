import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { newId } from '../../core/ids.js';
import { adRules, dayOf } from './ad-rules.js';
import type { CreateCampaignInput, UpdateCampaignInput } from './api.js';
import { replaceKeywords, replaceProducts } from './campaign-lists.js';
import { lockCampaign } from './campaign-store.js';
import { getCampaign } from './campaign-view.js';
import { adsPolicy } from './policy.js';
import { adCampaignDays, adCampaigns } from './schema.js';

/** A supplier starts a keyword campaign: budget, keywords with bids, and its products to promote. */
export const createCampaign = async (ctx: Ctx, input: CreateCampaignInput) => {
  const advertiser = adsPolicy.assertAdvertiser(ctx.actor);
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const [campaign] = await tx.db
      .insert(adCampaigns)
      .values({
        companyId: advertiser.companyId,
        id: newId('cmp', now),
        name: input.name,
        status: input.status,
        dailyBudget: BigInt(input.dailyBudget),
        currency: adRules.currency,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await replaceKeywords(tx, campaign!, input.keywords);
    await replaceProducts(tx, campaign!, input.products);
    await tx.events.emit('ads.campaign_created', { id: campaign!.id }, advertiser.companyId);
    return campaign!.id;
  });
  return getCampaign(ctx, id);
};

/**
 * Pauses or resumes a campaign, renames it, changes its daily budget, or
 * replaces its keywords (with their bids) or products. The campaign's row is
 * locked, so edits queue. A budget lowered below what today already spent
 * stops today's spending there; raised, it applies at once.
 */
export const updateCampaign = async (ctx: Ctx, id: string, input: UpdateCampaignInput) => {
  adsPolicy.assertAdvertiser(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const campaign = adsPolicy.assertOwner(tx.actor, await lockCampaign(tx.db, id), 'Campaign', id);
    const now = tx.now();
    const dailyBudget = input.dailyBudget === undefined ? campaign.dailyBudget : BigInt(input.dailyBudget);
    await tx.db
      .update(adCampaigns)
      .set({
        name: input.name ?? campaign.name,
        status: input.status ?? campaign.status,
        dailyBudget,
        updatedAt: now,
      })
      .where(and(eq(adCampaigns.companyId, campaign.companyId), eq(adCampaigns.id, id)));
    if (input.dailyBudget !== undefined)
      await tx.db
        .update(adCampaignDays)
        .set({ budget: sql`greatest(${dailyBudget}, ${adCampaignDays.spent})`, updatedAt: now })
        .where(
          and(
            eq(adCampaignDays.companyId, campaign.companyId),
            eq(adCampaignDays.campaignId, id),
            eq(adCampaignDays.day, dayOf(now)),
          ),
        );
    if (input.keywords) await replaceKeywords(tx, campaign, input.keywords);
    if (input.products) await replaceProducts(tx, campaign, input.products);
  });
  return getCampaign(ctx, id);
};
