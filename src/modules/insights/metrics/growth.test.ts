import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growth, round4, roundTo, share } from './growth.js';

describe('growth', () => {
  it('is a fraction of the base: 220.06 over 100 is +120.06 %', () => {
    // (220.06 − 100) ÷ 100 = 1.2006
    expect(round4(growth(220.06, 100)!)).toBe(1.2006);
  });

  it('is negative when the period shrank, down to -1 for nothing left', () => {
    // (75 − 100) ÷ 100 = −0.25; (0 − 40) ÷ 40 = −1
    expect(growth(75, 100)).toBe(-0.25);
    expect(growth(0, 40)).toBe(-1);
  });

  it('is null on an empty base, whatever the current value', () => {
    expect(growth(5, 0)).toBeNull();
    expect(growth(0, 0)).toBeNull();
  });

  it('is null rather than NaN for non-finite inputs', () => {
    expect(growth(Number.NaN, 10)).toBeNull();
    expect(growth(10, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('is 0 for an unchanged value (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        fc.pre(x !== 0);
        expect(growth(x, x)).toBe(0);
      }),
    );
  });

  it('recovers the current value from base × (1 + growth) (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (base, current) => {
          expect(base * (1 + growth(current, base)!)).toBeCloseTo(current, 6);
        },
      ),
    );
  });
});

describe('round4', () => {
  it('rounds decimal ties away from zero despite binary floating point', () => {
    // 1.00005 is stored as 1.000049999…; a person rounds it to 1.0001.
    expect(round4(1.00005)).toBe(1.0001);
    expect(round4(-1.00005)).toBe(-1.0001);
    expect(round4(0.123449)).toBe(0.1234);
    expect(round4(2.5)).toBe(2.5);
  });

  it('prints a rounded-away negative as 0, not -0', () => {
    expect(Object.is(round4(-0.00001), 0)).toBe(true);
  });

  it('rounds to other precisions with roundTo', () => {
    expect(roundTo(10.0925, 1)).toBe(10.1);
    expect(roundTo(35.05, 1)).toBe(35.1);
  });
});

describe('share', () => {
  it('is the part as a fraction of the total', () => {
    // 25 ÷ 200 = 0.125
    expect(share(25, 200)).toBe(0.125);
  });

  it('is null when the total is 0', () => {
    expect(share(0, 0)).toBeNull();
  });

  it('sums to 1 over parts that make up the total', () => {
    // 30 + 50 + 20 = 100 → 0.3 + 0.5 + 0.2 = 1
    const parts = [30, 50, 20];
    const total = parts.reduce((a, b) => a + b, 0);
    const sum = parts.map((p) => share(p, total)!).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('sums to 1 for any non-empty list of GMVs with a positive total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 50 }),
        (gmvs) => {
          const total = gmvs.reduce((a, b) => a + b, 0);
          fc.pre(total > 0);
          const sum = gmvs.map((g) => share(g, total)!).reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});
