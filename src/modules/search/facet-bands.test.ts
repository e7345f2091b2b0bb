import { describe, expect, it } from 'vitest';
import { bandsOverlapping, moqLimitCovering } from './facet-bands.js';

describe('facet bands', () => {
  it('finds the price bands a range overlaps, open ends included', () => {
    expect(bandsOverlapping(100, 499)).toEqual(['b:1']);
    expect(bandsOverlapping(100, 500)).toEqual(['b:1', 'b:5']);
    expect(bandsOverlapping(undefined, 99)).toEqual(['b:0']);
    expect(bandsOverlapping(60_000, undefined)).toEqual(['b:500']);
    expect(bandsOverlapping(2_000, 9_999)).toEqual(['b:20']);
    expect(bandsOverlapping(500, 100)).toEqual([]);
  });

  it('covers a MOQ limit with the smallest facet limit at or above it', () => {
    expect(moqLimitCovering(10)).toBe(10);
    expect(moqLimitCovering(300)).toBe(500);
    expect(moqLimitCovering(6000)).toBeUndefined();
  });
});
