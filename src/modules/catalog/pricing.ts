import { AppError } from '../../core/errors.js';

export type PriceTier = { minQuantity: number; maxQuantity: number | null; unitPrice: bigint };

export type PriceQuote = { quantity: number; unitPrice: bigint; total: bigint; tier: PriceTier };

/**
 * Checks a product's quantity tiers: ascending, contiguous (each starts one
 * after the previous ends), only the last may be open, the first starts at or
 * above the MOQ, every price positive. Returns the problems, each naming its tier.
 */
export const priceTierProblems = (moq: number, tiers: readonly PriceTier[]): string[] => {
  const problems: string[] = [];
  if (tiers.length === 0) problems.push('at least one price tier is required');
  tiers.forEach((tier, i) => {
    const name = `priceTiers[${i}]`;
    if (tier.unitPrice <= 0n) problems.push(`${name}.unitPrice must be positive`);
    if (tier.maxQuantity !== null && tier.maxQuantity < tier.minQuantity) {
      problems.push(`${name}.maxQuantity must be at least its minQuantity`);
    }
    if (tier.maxQuantity === null && i < tiers.length - 1)
      problems.push(`${name} is open but is not the last tier`);
    const previous = tiers[i - 1];
    if (i === 0 && tier.minQuantity < moq)
      problems.push(`${name}.minQuantity ${tier.minQuantity} is below the MOQ ${moq}`);
    if (previous?.maxQuantity != null && tier.minQuantity !== previous.maxQuantity + 1) {
      problems.push(`${name}.minQuantity must be ${previous.maxQuantity + 1}, right after the previous tier`);
    }
  });
  return problems;
};

/**
 * The unit and total price for `quantity`. The first tier also prices
 * quantities between the MOQ and its own start; a quantity past a closed last
 * tier has no list price (the buyer asks for a quote instead).
 */
export const resolvePrice = (
  product: { moq: number; unit: string; tiers: readonly PriceTier[] },
  quantity: number,
): PriceQuote => {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) {
    throw new AppError('VALIDATION_FAILED', 'Quantity must be a positive whole number', { quantity });
  }
  if (quantity < product.moq) {
    throw new AppError(
      'BELOW_MOQ',
      `The minimum order is ${product.moq} ${product.unit}; ${quantity} is below it`,
      { quantity, moq: product.moq },
    );
  }
  const tier =
    product.tiers.find(
      (t) => quantity >= t.minQuantity && (t.maxQuantity === null || quantity <= t.maxQuantity),
    ) ?? (quantity < (product.tiers[0]?.minQuantity ?? 0) ? product.tiers[0] : undefined);
  if (!tier) {
    const last = product.tiers.at(-1);
    throw new AppError(
      'VALIDATION_FAILED',
      `No list price above ${last?.maxQuantity ?? 0} ${product.unit}: request a quotation`,
      { quantity, largestTierMax: last?.maxQuantity ?? null },
    );
  }
  return { quantity, unitPrice: tier.unitPrice, total: tier.unitPrice * BigInt(quantity), tier };
};
