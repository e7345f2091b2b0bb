import { describe, expect, it } from 'vitest';
import { rebateOf } from './rebate.js';
import { rebateRatesFor } from './reference.js';
import { isUnifiedSocialCreditCode } from './uscc.js';

describe('export VAT rebate arithmetic (fen)', () => {
  it('takes the VAT out of the invoice amount and applies the rebate rate', () => {
    // 11,300.00 with 13 % VAT is 10,000.00 before VAT; 13 % of it is 1,300.00.
    expect(rebateOf(1_130_000n, 1300, 1300)).toEqual({ netAmount: 1_000_000n, rebate: 130_000n });
    // 10,900.00 with 9 % VAT (farm goods): 10,000.00 and a 9 % rebate of 900.00.
    expect(rebateOf(1_090_000n, 900, 900)).toEqual({ netAmount: 1_000_000n, rebate: 90_000n });
    // A partial rebate: 13 % VAT, 9 % back (lithium-ion batteries since December 2024).
    expect(rebateOf(1_130_000n, 1300, 900)).toEqual({ netAmount: 1_000_000n, rebate: 90_000n });
    // No rebate (hot-rolled steel): the amount before VAT is still shown.
    expect(rebateOf(1_130_000n, 1300, 0)).toEqual({ netAmount: 1_000_000n, rebate: 0n });
  });

  it('rounds to the fen half up, once, from the exact fraction', () => {
    // 1,000.00 ÷ 1.13 = 884.955 75… → 884.96; × 13 % = 115.044 24… → 115.04.
    expect(rebateOf(100_000n, 1300, 1300)).toEqual({ netAmount: 88_496n, rebate: 11_504n });
    // 0.01: 0.008 849… → 0.01 before VAT; the rebate 0.001 15… → 0.00.
    expect(rebateOf(1n, 1300, 1300)).toEqual({ netAmount: 1n, rebate: 0n });
    // 12,345.67 ÷ 1.13 = 10,925.371 68… → 10,925.37; × 13 % = 1,420.298 31… → 1,420.30.
    expect(rebateOf(1_234_567n, 1300, 1300)).toEqual({ netAmount: 1_092_537n, rebate: 142_030n });
    // 10.04 ÷ 1.13 × 13 % = 1.155 04… → 1.16; rounding twice (8.88 × 13 % = 1.154 4 → 1.15) would lose a fen.
    expect(rebateOf(1_004n, 1300, 1300)).toEqual({ netAmount: 888n, rebate: 116n });
    // 777.77 ÷ 1.09 = 713.550 45… → 713.55; × 9 % = 64.219 54… → 64.22.
    expect(rebateOf(77_777n, 900, 900)).toEqual({ netAmount: 71_355n, rebate: 6_422n });
  });
});

describe('rebate rates by HS code', () => {
  it('takes the longest listed prefix, else the default', () => {
    expect(rebateRatesFor('854143')).toMatchObject({ vatRateBps: 1300, rebateRateBps: 900 });
    expect(rebateRatesFor('854140')).toMatchObject({ vatRateBps: 1300, rebateRateBps: 1300, hsPrefix: '*' });
    expect(rebateRatesFor('720851')).toMatchObject({ rebateRateBps: 0 });
    expect(rebateRatesFor('080510')).toMatchObject({ vatRateBps: 900, rebateRateBps: 900 });
    expect(rebateRatesFor('853952')).toMatchObject({ vatRateBps: 1300, rebateRateBps: 1300 });
  });
});

describe('unified social credit code', () => {
  it('checks the check character of GB 32100-2015', () => {
    expect(isUnifiedSocialCreditCode('91330782MA2D3K8L7A')).toBe(true);
    expect(isUnifiedSocialCreditCode('91330782MA2D3K8L7B')).toBe(false);
    // The letters I, O, S, V and Z are not used.
    expect(isUnifiedSocialCreditCode('91330782MA2D3K8LOA')).toBe(false);
    expect(isUnifiedSocialCreditCode('9133078')).toBe(false);
  });
});
