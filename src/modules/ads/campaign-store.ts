import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { adCampaignDays, adCampaignProducts, adCampaigns, adKeywords } from './schema.js';

export type CampaignRow = typeof adCampaigns.$inferSelect;
export type KeywordRow = typeof adKeywords.$inferSelect;
export type CampaignDayRow = typeof adCampaignDays.$inferSelect;

export const findCampaign = async (db: Db, id: string): Promise<CampaignRow | undefined> =>
  (await db.select().from(adCampaigns).where(eq(adCampaigns.id, id)))[0];

/** The campaign's row, locked: edits of one campaign queue instead of racing. */
export const lockCampaign = async (db: Db, id: string): Promise<CampaignRow | undefined> =>
  (await db.select().from(adCampaigns).where(eq(adCampaigns.id, id)).for('update'))[0];

export const activeKeywords = (db: Db, campaign: { companyId: string; id: string }) =>
  db
    .select()
    .from(adKeywords)
    .where(
      and(
        eq(adKeywords.companyId, campaign.companyId),
        eq(adKeywords.campaignId, campaign.id),
        eq(adKeywords.status, 'active'),
      ),
    )
    .orderBy(asc(adKeywords.id));

export const activeProductIds = async (db: Db, campaign: { companyId: string; id: string }) =>
  (
    await db
      .select({ productId: adCampaignProducts.productId })
      .from(adCampaignProducts)
      .where(
        and(
          eq(adCampaignProducts.companyId, campaign.companyId),
          eq(adCampaignProducts.campaignId, campaign.id),
          eq(adCampaignProducts.status, 'active'),
        ),
      )
      .orderBy(asc(adCampaignProducts.createdAt), asc(adCampaignProducts.productId))
  ).map((r) => r.productId);

/** The day rows of these campaigns on `day` (absent: nothing spent yet). */
export const campaignDays = async (
  db: Db,
  companyId: string,
  campaignIds: readonly string[],
  day: string,
): Promise<Map<string, CampaignDayRow>> => {
  if (campaignIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(adCampaignDays)
    .where(
      and(
        eq(adCampaignDays.companyId, companyId),
        inArray(adCampaignDays.campaignId, [...campaignIds]),
        eq(adCampaignDays.day, day),
      ),
    );
  return new Map(rows.map((r) => [r.campaignId, r]));
};
