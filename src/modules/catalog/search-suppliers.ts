import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { CompanyCardSchema } from '../identity/api.js';
import { findCompanyCards } from '../identity/index.js';
import { searchIndex, verificationOrder } from '../search/index.js';

export const SearchSuppliersQuery = z.strictObject({
  q: z.string().max(10_000).default(''),
  lang: z.enum(['en', 'zh', 'es']).optional(),
  category: z.string().max(200).optional(),
  province: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  verified: z.enum(verificationOrder).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const SearchSuppliersResult = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(CompanyCardSchema.extend({ matchingProducts: z.number() })),
});

/** Suppliers whose listings match the query, best first. */
export const searchSuppliers = async (ctx: Ctx, input: z.infer<typeof SearchSuppliersQuery>) => {
  const found = await searchIndex.searchSuppliers(ctx.db, input);
  const cards = await findCompanyCards(
    ctx.db,
    found.hits.map((h) => h.companyId),
  );
  return {
    total: found.total,
    page: input.page,
    pageSize: input.pageSize,
    items: found.hits.flatMap((h) => {
      const card = cards.get(h.companyId);
      return card ? [{ ...card, matchingProducts: h.matches }] : [];
    }),
  };
};
