import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { searchIndex, verificationOrder } from '../search/index.js';
import { ProductSummarySchema } from './api.js';
import { findProductSummaries } from './product-store.js';

const UsdAmount = z.coerce.number().min(0).max(10_000_000);

export const SearchProductsQuery = z.strictObject({
  q: z.string().max(10_000).default(''),
  lang: z.enum(['en', 'zh', 'es']).optional(),
  category: z.string().max(200).optional(),
  minPrice: UsdAmount.optional(),
  maxPrice: UsdAmount.optional(),
  maxMoq: z.coerce.number().int().min(1).optional(),
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
export const SearchProductsResult = z.object({
  total: z.number(),
  /** More listings match than a search reads: show the total as "2,000+" and invite refining. */
  totalIsLowerBound: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(ProductSummarySchema),
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

/** Product search for everyone: prices in USD major units at the edge, cents inside. */
export const searchProducts = async (ctx: Ctx, input: SearchProductsInput) => {
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
    items: await findProductSummaries(ctx.db, result.hits),
    facets: result.facets,
    interpretation: result.interpretation,
  };
};
