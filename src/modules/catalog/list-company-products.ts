import { and, count, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { findCompany } from '../identity/index.js';
import { findProductSummaries } from './product-store.js';
import { products } from './schema.js';

/** A supplier's showroom: its active products, newest first. */
export const listCompanyProducts = async (
  ctx: Ctx,
  input: { companyId: string; page: number; pageSize: number },
) => {
  const company = await findCompany(ctx.db, input.companyId);
  if (!company) throw notFound('Company', input.companyId);
  const where = and(eq(products.companyId, input.companyId), eq(products.status, 'active'));
  const [total] = await ctx.db.select({ n: count() }).from(products).where(where);
  const rows = await ctx.db
    .select({ companyId: products.companyId, productId: products.id })
    .from(products)
    .where(where)
    .orderBy(desc(products.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  return {
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    items: await findProductSummaries(ctx.db, rows, ctx.now()),
  };
};

export const countCompanyProducts = async (ctx: Ctx, companyId: string) =>
  (
    await ctx.db
      .select({ n: count() })
      .from(products)
      .where(and(eq(products.companyId, companyId), eq(products.status, 'active')))
  )[0]?.n ?? 0;
