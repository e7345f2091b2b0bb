import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { findCompany } from '../identity/index.js';
import { quickResponseHours, responseRateDays, responseRates } from './response-rate.js';

/** The sourcing half of a supplier's credibility card: public, as buyers judge suppliers by it. */
export const supplierCredibility = async (ctx: Ctx, input: { companyId: string }) => {
  const company = await findCompany(ctx.db, input.companyId);
  if (company?.kind !== 'supplier') throw notFound('Supplier', input.companyId);
  const rate = (await responseRates(ctx.db, [company.id], ctx.now())).get(company.id)!;
  return {
    companyId: company.id,
    responseRate: rate.rate,
    inquiriesCounted: rate.counted,
    answeredWithin: rate.answeredInTime,
    windowHours: quickResponseHours,
    periodDays: responseRateDays,
  };
};
