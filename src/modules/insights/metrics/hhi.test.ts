import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concentrationLevel, hhi, supplierConcentration } from './hhi.js';

describe('hhi', () => {
  it('is 10000 for a monopoly', () => {
    // one supplier, share 100 %: 100² = 10000
    expect(hhi([750_000])).toBe(10_000);
  });

  it('ignores suppliers that sold nothing', () => {
    expect(hhi([750_000, 0, 0])).toBe(10_000);
  });

  it('is 5000 for two equal suppliers', () => {
    // 50² + 50² = 2500 + 2500 = 5000
    expect(hhi([400, 400])).toBe(5000);
  });

  it('is 1000 for ten equal suppliers', () => {
    // 10 × 10² = 1000
    expect(hhi(Array.from({ length: 10 }, () => 123))).toBe(1000);
  });

  it('sums squared percentage shares of unequal suppliers', () => {
    // shares 60 %, 20 %, 20 %: 3600 + 400 + 400 = 4400
    expect(hhi([600, 200, 200])).toBeCloseTo(4400, 9);
    // shares 50 %, 30 %, 20 %: 2500 + 900 + 400 = 3800
    expect(hhi([5, 3, 2])).toBeCloseTo(3800, 9);
  });

  it('is null when there is nothing to share', () => {
    expect(hhi([])).toBeNull();
    expect(hhi([0, 0])).toBeNull();
  });

  it('refuses a negative or non-finite GMV', () => {
    expect(() => hhi([10, -1])).toThrow(RangeError);
    expect(() => hhi([Number.NaN])).toThrow(RangeError);
  });

  it('lies between 10000/n and 10000, and ignores the currency unit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 2, max: 1000 }),
        (gmvs, scale) => {
          fc.pre(gmvs.some((g) => g > 0));
          const index = hhi(gmvs)!;
          expect(index).toBeGreaterThanOrEqual((10_000 / gmvs.length) * (1 - 1e-12));
          expect(index).toBeLessThanOrEqual(10_000 * (1 + 1e-12));
          expect(hhi(gmvs.map((g) => g * scale))).toBeCloseTo(index, 6);
        },
      ),
    );
  });
});

describe('concentrationLevel (DOJ/FTC 2010)', () => {
  it('labels below 1500 unconcentrated, 1500..2500 moderate, above 2500 high', () => {
    expect(concentrationLevel(1000)).toBe('unconcentrated');
    expect(concentrationLevel(1499.99)).toBe('unconcentrated');
    expect(concentrationLevel(1500)).toBe('moderate');
    expect(concentrationLevel(2500)).toBe('moderate'); // four equal suppliers: 4 × 25² = 2500
    expect(concentrationLevel(2500.01)).toBe('high');
    expect(concentrationLevel(10_000)).toBe('high');
  });
});

describe('supplierConcentration', () => {
  it('gives the index, its label and the suppliers that sold', () => {
    expect(supplierConcentration([600, 200, 200, 0])).toEqual({
      hhi: expect.closeTo(4400, 9),
      level: 'high',
      suppliers: 3,
    });
    // ten equal: 1000, unconcentrated
    expect(supplierConcentration(Array.from({ length: 10 }, () => 1))?.level).toBe('unconcentrated');
    expect(supplierConcentration([])).toBeNull();
  });
});
