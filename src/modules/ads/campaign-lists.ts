import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { products } from '../catalog/index.js';
import type { KeywordInput } from './api.js';
import type { CampaignRow } from './campaign-store.js';
import { adTokens } from './keywords.js';
import { adCampaignProducts, adKeywords } from './schema.js';

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

const maxWords = 10;

/** Keywords as stored: their tokens, and the key that makes two of them the same. */
export const prepareKeywords = (inputs: readonly KeywordInput[]) => {
  const seen = new Set<string>();
  return inputs.map((k, i) => {
    const tokens = adTokens(k.text);
    if (tokens.length === 0) throw invalid(`keywords[${i}].text`, `keywords[${i}]: "${k.text}" has no words`);
    if (tokens.length > maxWords)
      throw invalid(`keywords[${i}].text`, `keywords[${i}]: a keyword has at most ${maxWords} words`);
    const normalized = tokens.join(' ');
    const key = `${normalized}\u0000${k.matchType}`;
    if (seen.has(key))
      throw invalid(
        `keywords[${i}].text`,
        `keywords[${i}]: "${normalized}" (${k.matchType}) is listed twice`,
      );
    seen.add(key);
    return { text: k.text, tokens, normalized, matchType: k.matchType, bid: BigInt(k.bid) };
  });
};

/**
 * Makes the campaign's keywords exactly `inputs`. A keyword already there
 * (same words, same match type) keeps its id, so its history still reports
 * under it, and takes the new bid; one no longer listed is marked removed,
 * never deleted.
 */
export const replaceKeywords = async (ctx: Ctx, campaign: CampaignRow, inputs: readonly KeywordInput[]) => {
  const prepared = prepareKeywords(inputs);
  const now = ctx.now();
  const ids: string[] = [];
  for (const k of prepared) {
    const [row] = await ctx.db
      .insert(adKeywords)
      .values({
        companyId: campaign.companyId,
        id: newId('kwd', now),
        campaignId: campaign.id,
        ...k,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [adKeywords.campaignId, adKeywords.normalized, adKeywords.matchType],
        set: { text: k.text, bid: k.bid, status: 'active', updatedAt: now },
      })
      .returning({ id: adKeywords.id });
    ids.push(row!.id);
  }
  await ctx.db
    .update(adKeywords)
    .set({ status: 'removed', updatedAt: now })
    .where(
      and(
        eq(adKeywords.companyId, campaign.companyId),
        eq(adKeywords.campaignId, campaign.id),
        eq(adKeywords.status, 'active'),
        notInArray(adKeywords.id, ids),
      ),
    );
};

/**
 * Makes the campaign promote exactly `productIds`: each must be one of the
 * advertiser's own active listings (another company's product is refused
 * like an unknown one).
 */
export const replaceProducts = async (ctx: Ctx, campaign: CampaignRow, productIds: readonly string[]) => {
  const wanted = [...new Set(productIds)];
  const own = new Set(
    (
      await ctx.db
        .select({ id: products.id })
        .from(products)
        .where(
          and(
            eq(products.companyId, campaign.companyId),
            inArray(products.id, wanted),
            eq(products.status, 'active'),
          ),
        )
    ).map((r) => r.id),
  );
  const missing = productIds.findIndex((id) => !own.has(id));
  if (missing >= 0)
    throw invalid(
      `products[${missing}]`,
      `products[${missing}]: ${productIds[missing]} is not among your active products`,
    );
  const now = ctx.now();
  await ctx.db
    .insert(adCampaignProducts)
    .values(
      wanted.map((productId) => ({
        companyId: campaign.companyId,
        campaignId: campaign.id,
        productId,
        status: 'active' as const,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [adCampaignProducts.companyId, adCampaignProducts.campaignId, adCampaignProducts.productId],
      set: { status: 'active', updatedAt: sql`excluded.updated_at` },
    });
  await ctx.db
    .update(adCampaignProducts)
    .set({ status: 'removed', updatedAt: now })
    .where(
      and(
        eq(adCampaignProducts.companyId, campaign.companyId),
        eq(adCampaignProducts.campaignId, campaign.id),
        eq(adCampaignProducts.status, 'active'),
        notInArray(adCampaignProducts.productId, wanted),
      ),
    );
};
