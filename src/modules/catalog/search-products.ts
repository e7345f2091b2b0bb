import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { searchIndex, verificationOrder } from '../search/index.js';
import { type ProductSummary, ProductSummarySchema } from './api.js';
import { cachedCatalogRead } from './catalog-cache.js';
import { findProductSummaries } from './product-store.js';
import { sponsoredPlacements } from './sponsored.js';

const UsdAmount = z.coerce.number().min(0).max(10_000_000);

export const SearchProductsQuery = z.strictObject({
  q: z.string().max(10_000).default(''),
  lang: z.enum(['en', 'zh', 'es']).optional(),
  category: z.string().max(200).optional(),
  minPrice: UsdAmount.optional(),
  maxPrice: UsdAmount.optional(),
  // A product's MOQ is at most 100,000,000 (an integer column): a larger bound would overflow the query.
  maxMoq: z.coerce.number().int().min(1).max(100_000_000).optional(),
  province: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  verified: z.enum(verificationOrder).or(z.literal('true')).optional(),
  certification: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchProductsInput = z.infer<typeof SearchProductsQuery>;

const Bucket = z.object({ value: z.string(), count: z.number() });

/** A sponsored result: labelled, with what a click must name (POST /api/ads/clicks). */
export const SponsoredResultSchema = ProductSummarySchema.extend({
  sponsored: z.literal(true),
  campaignId: z.string(),
  keywordId: z.string(),
  impressionId: z.string(),
  placement: z.enum(['top', 'other']),
});

export const SearchProductsResult = z.object({
  total: z.number(),
  /** More listings match than a search reads: show the total as "2,000+" and invite refining. */
  totalIsLowerBound: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(ProductSummarySchema),
  /** Keyword ads for the query, on the first page only: `top` ones above the items, `other` ones after. */
  sponsored: z.array(SponsoredResultSchema),
  facets: z.object({
    category: z.array(Bucket),
    province: z.array(Bucket),
    verification: z.array(Bucket),
    certification: z.array(Bucket),
    price: z.array(Bucket),
    maxMoq: z.array(Bucket),
  }),
  interpretation: z.object({
    queries: z.object({ en: z.string().optional(), zh: z.string().optional(), es: z.string().optional() }),
    corrections: z.record(z.string(), z.string()),
  }),
});

/** The sponsored results of a first page, as summaries labelled with their ad. */
const sponsoredResults = async (ctx: Ctx, input: SearchProductsInput, visitorId: string | null) => {
  if (input.page !== 1 || input.q.trim() === '') return [];
  const placements = await sponsoredPlacements(ctx, { q: input.q, visitorId });
  const keys = placements.map((p) => ({ companyId: p.companyId, productId: p.productId }));
  const summaries = await cachedCatalogRead(
    ctx.db,
    `summaries:${keys.map((k) => k.productId).join(',')}`,
    ctx.now(),
    async () => {
      const value = await findProductSummaries(ctx.db, keys, ctx.now());
      return { value, until: firstPromotionEnd(value) };
    },
  );
  const byId = new Map(summaries.map((s) => [s.id, s]));
  return placements.flatMap((p) => {
    const summary = byId.get(p.productId);
    return summary
      ? [
          {
            ...summary,
            sponsored: true as const,
            campaignId: p.campaignId,
            keywordId: p.keywordId,
            impressionId: p.impressionId,
            placement: p.placement,
          },
        ]
      : [];
  });
};

/**
 * Product search for everyone: prices in USD major units at the edge, cents
 * inside. A first page also carries the keyword ads the query wins
 * (`sponsored`), apart from the organic ranking.
 */
export const searchProducts = async (
  ctx: Ctx,
  input: SearchProductsInput,
  options: { visitorId?: string | null } = {},
) => ({
  ...(await organicResults(ctx, input)),
  sponsored: await sponsoredResults(ctx, input, options.visitorId ?? null),
});

/** When the first running promotion among `items` ends: the page read at `now` holds until then. */
const firstPromotionEnd = (items: readonly ProductSummary[]) =>
  items.reduce<Date | undefined>((first, item) => {
    const end = item.promotedPrice ? new Date(item.promotedPrice.endsAt) : undefined;
    return end && (!first || end < first) ? end : first;
  }, undefined);

/** The ranked page, its facets and how the query was read: the same for every searcher, so cached. */
const organicResults = (ctx: Ctx, input: SearchProductsInput) =>
  cachedCatalogRead(ctx.db, `search:${JSON.stringify(input)}`, ctx.now(), async () => {
    const value = await searchOrganic(ctx, input);
    return { value, until: firstPromotionEnd(value.items) };
  });

const searchOrganic = async (ctx: Ctx, input: SearchProductsInput) => {
  const result = await searchIndex.search(ctx.db, {
    q: input.q,
    lang: input.lang,
    category: input.category,
    minPriceUsdCents: input.minPrice === undefined ? undefined : Math.round(input.minPrice * 100),
    maxPriceUsdCents: input.maxPrice === undefined ? undefined : Math.round(input.maxPrice * 100),
    maxMoq: input.maxMoq,
    province: input.province,
    verified: input.verified === 'true' ? 'licence_checked' : input.verified,
    certification: input.certification,
    page: input.page,
    pageSize: input.pageSize,
  });
  return {
    total: result.total,
    totalIsLowerBound: result.totalIsLowerBound,
    page: input.page,
    pageSize: input.pageSize,
    items: await findProductSummaries(ctx.db, result.hits, ctx.now()),
    facets: result.facets,
    interpretation: result.interpretation,
  };
};
