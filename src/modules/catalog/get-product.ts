import type { Ctx } from '../../core/context.js';
import { moneyJson } from '../../core/money.js';
import { findCompany, toCompanyCard } from '../identity/index.js';
import type { ProductView } from './api.js';
import { catalogPolicy } from './policy.js';
import { resolvePrice } from './pricing.js';
import { findProductRow, findSellingPriceTiers, toProductView } from './product-store.js';

export const getProduct = async (ctx: Ctx, input: { productId: string }): Promise<ProductView> => {
  const row = await findProductRow(ctx.db, input.productId);
  catalogPolicy.assertCanRead(ctx.actor, row, input.productId);
  const company = await findCompany(ctx.db, row!.companyId);
  return toProductView(ctx.db, row!, toCompanyCard(company!), ctx.now());
};

/**
 * The price of a quantity of a product as an order placed now would pay it:
 * the tier's unit price (promoted while a promotion covers the tier) and the
 * total, or why there is none.
 */
export const priceProduct = async (ctx: Ctx, input: { productId: string; quantity: number }) => {
  const row = await findProductRow(ctx.db, input.productId);
  catalogPolicy.assertCanRead(ctx.actor, row, input.productId);
  const { tiers, promotion } = await findSellingPriceTiers(ctx.db, row!, ctx.now());
  const quote = resolvePrice({ moq: row!.moq, unit: row!.unit, tiers }, input.quantity);
  const tier = tiers.find((t) => t.minQuantity === quote.tier.minQuantity)!;
  return {
    quantity: quote.quantity,
    unitPrice: moneyJson(quote.unitPrice, row!.currency),
    total: moneyJson(quote.total, row!.currency),
    listUnitPrice: moneyJson(tier.listUnitPrice, row!.currency),
    tier: { minQuantity: quote.tier.minQuantity, maxQuantity: quote.tier.maxQuantity },
    promotion:
      promotion && tier.percentOff > 0
        ? {
            id: promotion.id,
            name: promotion.name,
            endsAt: promotion.endsAt.toISOString(),
            percentOff: tier.percentOff,
          }
        : null,
  };
};
