import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { companies } from '../identity/index.js';
import { monthOf } from '../sourcing/index.js';
import { computeSupplierScores } from './compute-scores.js';
import { tiersPolicy } from './policy.js';
import { supplierScores } from './schema.js';

/** The operator recomputes every supplier's score and tier now (the month's row is replaced). */
export const recomputeTiers = async (ctx: Ctx) => {
  tiersPolicy.assertTierAdministrator(ctx.actor);
  return computeSupplierScores(ctx.db, ctx.now());
};

/** Suppliers with their month's score and tier, best first, for the operator (optionally one tier). */
export const listSupplierTiers = async (
  ctx: Ctx,
  input: { month?: string; tier?: string; page: number; pageSize: number },
) => {
  tiersPolicy.assertProgramManager(ctx.actor);
  const month = input.month ?? monthOf(ctx.now());
  const where = and(
    eq(supplierScores.month, month),
    input.tier ? eq(supplierScores.tier, input.tier) : undefined,
  );
  const [total] = await ctx.db.select({ n: count() }).from(supplierScores).where(where);
  const rows = await ctx.db
    .select({
      id: supplierScores.companyId,
      name: companies.name,
      score: supplierScores.score,
      tier: supplierScores.tier,
      computedAt: supplierScores.computedAt,
    })
    .from(supplierScores)
    .innerJoin(companies, eq(companies.id, supplierScores.companyId))
    .where(where)
    .orderBy(desc(supplierScores.score), asc(supplierScores.companyId))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  return {
    month,
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => ({ ...r, computedAt: r.computedAt.toISOString() })),
  };
};
