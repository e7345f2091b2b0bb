import { describe, expect, it } from 'vitest';
import type { AppError } from '../../core/errors.js';
import { type PriceTier, priceTierProblems, resolvePrice } from './pricing.js';

const tiers: PriceTier[] = [
  { minQuantity: 100, maxQuantity: 499, unitPrice: 1250n },
  { minQuantity: 500, maxQuantity: 999, unitPrice: 1100n },
  { minQuantity: 1000, maxQuantity: null, unitPrice: 990n },
];
const product = { moq: 100, unit: 'piece', tiers };

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected an error');
};

describe('resolvePrice', () => {
  it('refuses a quantity below the MOQ with a message naming the MOQ', () => {
    const error = errorOf(() => resolvePrice(product, 99));
    expect(error.code).toBe('BELOW_MOQ');
    expect(error.message).toContain('100 piece');
    expect(error.details).toEqual({ quantity: 99, moq: 100 });
  });

  it('prices exactly the MOQ at the first tier', () => {
    expect(resolvePrice(product, 100)).toMatchObject({ unitPrice: 1250n, total: 125_000n });
  });

  it('switches tier exactly at the boundary', () => {
    expect(resolvePrice(product, 499).unitPrice).toBe(1250n);
    expect(resolvePrice(product, 500).unitPrice).toBe(1100n);
    expect(resolvePrice(product, 999).unitPrice).toBe(1100n);
    expect(resolvePrice(product, 1000).unitPrice).toBe(990n);
  });

  it('prices any quantity in the last open tier, without overflow', () => {
    const quote = resolvePrice(product, 2_000_000_000);
    expect(quote.unitPrice).toBe(990n);
    expect(quote.total).toBe(1_980_000_000_000n);
  });

  it('refuses a quantity past a closed last tier: the buyer asks for a quote', () => {
    const closed = { ...product, tiers: tiers.slice(0, 2) };
    expect(errorOf(() => resolvePrice(closed, 1000)).code).toBe('VALIDATION_FAILED');
  });

  it('prices quantities between the MOQ and a later first tier at the first tier', () => {
    expect(resolvePrice({ ...product, moq: 50 }, 60).unitPrice).toBe(1250n);
  });

  it('refuses zero, negative and fractional quantities', () => {
    for (const q of [0, -5, 1.5, Number.NaN])
      expect(errorOf(() => resolvePrice(product, q)).code).toBe('VALIDATION_FAILED');
  });
});

describe('priceTierProblems', () => {
  it('accepts ascending contiguous tiers with an open last tier', () => {
    expect(priceTierProblems(100, tiers)).toEqual([]);
  });

  it('names each broken tier', () => {
    const problems = priceTierProblems(100, [
      { minQuantity: 50, maxQuantity: 99, unitPrice: 100n },
      { minQuantity: 120, maxQuantity: null, unitPrice: 0n },
      { minQuantity: 200, maxQuantity: 300, unitPrice: 90n },
    ]);
    expect(problems).toEqual([
      'priceTiers[0].minQuantity 50 is below the MOQ 100',
      'priceTiers[1].unitPrice must be positive',
      'priceTiers[1] is open but is not the last tier',
      'priceTiers[1].minQuantity must be 100, right after the previous tier',
    ]);
  });

  it('refuses overlapping tiers', () => {
    expect(
      priceTierProblems(1, [
        { minQuantity: 1, maxQuantity: 10, unitPrice: 5n },
        { minQuantity: 5, maxQuantity: null, unitPrice: 4n },
      ]),
    ).toEqual(['priceTiers[1].minQuantity must be 11, right after the previous tier']);
  });
});
