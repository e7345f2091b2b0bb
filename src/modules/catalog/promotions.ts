import type { Db } from '../../db/client.js';
import type { PriceTier } from './pricing.js';

/** A time-limited discount on a product: percent off the list tier starting at `minQuantity`. */
export type ProductPromotion = {
  id: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  tiers: readonly { minQuantity: number; percentOff: number }[];
};

/** The promotion running at `at` for each of these products (at most one each). */
export type PromotionSource = (
  db: Db,
  productIds: readonly string[],
  at: Date,
) => Promise<Map<string, ProductPromotion>>;

let source: PromotionSource = async () => new Map();

/**
 * The hook the advertising module fills with its promotions. Registration
 * (not an import) keeps the catalog free of a dependency on ads, which
 * itself reads the catalog.
 */
export const registerPromotionSource = (next: PromotionSource) => {
  source = next;
};

export const activePromotions = async (
  db: Db,
  productIds: readonly string[],
  at: Date,
): Promise<Map<string, ProductPromotion>> =>
  productIds.length === 0 ? new Map() : source(db, productIds, at);

/**
 * `unitPrice` less `percentOff` percent, rounded half up to the minor unit
 * and never below one: the promoted price the product page shows and an
 * order charges.
 */
export const discountedPrice = (unitPrice: bigint, percentOff: number): bigint => {
  const kept = BigInt(100 - percentOff);
  const price = (unitPrice * kept * 2n + 100n) / 200n;
  return price < 1n ? 1n : price;
};

/** A price tier as sold now: the list price, and the promoted one where a promotion covers the tier. */
export type SellingTier = PriceTier & { listUnitPrice: bigint; percentOff: number };

/**
 * The tiers at their selling price: a promotion discounts the list tier
 * whose start its entry names; a tier it does not name (or a tier the
 * supplier re-cut since) sells at list price.
 */
export const sellingTiers = (tiers: readonly PriceTier[], promotion?: ProductPromotion): SellingTier[] =>
  tiers.map((t) => {
    const percentOff = promotion?.tiers.find((p) => p.minQuantity === t.minQuantity)?.percentOff ?? 0;
    return {
      ...t,
      unitPrice: percentOff > 0 ? discountedPrice(t.unitPrice, percentOff) : t.unitPrice,
      listUnitPrice: t.unitPrice,
      percentOff,
    };
  });
