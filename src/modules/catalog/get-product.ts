import type { Ctx } from '../../core/context.js';
import { moneyJson } from '../../core/money.js';
import { findCompany, toCompanyCard } from '../identity/index.js';
import type { ProductView } from './api.js';
import { catalogPolicy } from './policy.js';
import { resolvePrice } from './pricing.js';
import { findPriceTiers, findProductRow, toProductView } from './product-store.js';

export const getProduct = async (ctx: Ctx, input: { productId: string }): Promise<ProductView> => {
  const row = await findProductRow(ctx.db, input.productId);
  catalogPolicy.assertCanRead(ctx.actor, row, input.productId);
  const company = await findCompany(ctx.db, row!.companyId);
  return toProductView(ctx.db, row!, toCompanyCard(company!));
};

/** The list price of a quantity of a product: tier unit price and total, or why there is none. */
export const priceProduct = async (ctx: Ctx, input: { productId: string; quantity: number }) => {
  const row = await findProductRow(ctx.db, input.productId);
  catalogPolicy.assertCanRead(ctx.actor, row, input.productId);
  const tiers = await findPriceTiers(ctx.db, row!.companyId, row!.id);
  const quote = resolvePrice({ moq: row!.moq, unit: row!.unit, tiers }, input.quantity);
  return {
    quantity: quote.quantity,
    unitPrice: moneyJson(quote.unitPrice, row!.currency),
    total: moneyJson(quote.total, row!.currency),
    tier: { minQuantity: quote.tier.minQuantity, maxQuantity: quote.tier.maxQuantity },
  };
};
