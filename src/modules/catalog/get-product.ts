import type { Ctx } from '../../core/context.js';
import { moneyJson } from '../../core/money.js';
import { findCompany, toCompanyCard } from '../identity/index.js';
import type { ProductView } from './api.js';
import { cachedCatalogRead } from './catalog-cache.js';
import { catalogPolicy } from './policy.js';
import { resolvePrice } from './pricing.js';
import { findProductRow, findSellingPriceTiers, type ProductRow, toProductView } from './product-store.js';
import type { ProductPromotion, SellingTier } from './promotions.js';

/** When a running promotion ends: what was read at `now` holds until then. */
const promotionEnd = (promotion: { endsAt: Date | string } | null | undefined) =>
  promotion ? new Date(promotion.endsAt) : undefined;

/** The product page, whoever reads it (the policy decides per reader); cached with the catalog. */
const productPage = (ctx: Ctx, productId: string) =>
  cachedCatalogRead<{ row: ProductRow | undefined; view: ProductView | null }>(
    ctx.db,
    `product:${productId}`,
    ctx.now(),
    async () => {
      const row = await findProductRow(ctx.db, productId);
      if (!row) return { value: { row, view: null } };
      const company = await findCompany(ctx.db, row.companyId);
      const view = await toProductView(ctx.db, row, toCompanyCard(company!), ctx.now());
      return { value: { row, view }, until: promotionEnd(view.promotion) };
    },
  );

export const getProduct = async (ctx: Ctx, input: { productId: string }): Promise<ProductView> => {
  const { row, view } = await productPage(ctx, input.productId);
  catalogPolicy.assertCanRead(ctx.actor, row, input.productId);
  return view!;
};

/** A product's selling tiers now: the price card's inputs, cached with the catalog. */
const sellingPrices = (ctx: Ctx, productId: string) =>
  cachedCatalogRead<{
    row: ProductRow | undefined;
    tiers: SellingTier[];
    promotion: ProductPromotion | null;
  }>(ctx.db, `price:${productId}`, ctx.now(), async () => {
    const row = await findProductRow(ctx.db, productId);
    if (!row) return { value: { row, tiers: [], promotion: null } };
    const { tiers, promotion } = await findSellingPriceTiers(ctx.db, row, ctx.now());
    return { value: { row, tiers, promotion }, until: promotionEnd(promotion) };
  });

/**
 * The price of a quantity of a product as an order placed now would pay it:
 * the tier's unit price (promoted while a promotion covers the tier) and the
 * total, or why there is none.
 */
export const priceProduct = async (ctx: Ctx, input: { productId: string; quantity: number }) => {
  const { row, tiers, promotion } = await sellingPrices(ctx, input.productId);
  catalogPolicy.assertCanRead(ctx.actor, row, input.productId);
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
