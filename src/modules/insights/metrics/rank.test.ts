import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankBy, top } from './rank.js';

type Row = { code: string; gmv: number | null };
const rows = (...entries: Array<[string, number | null]>): Row[] =>
  entries.map(([code, gmv]) => ({ code, gmv }));
const byGmv = (r: Row) => r.gmv;
const byCode = { tieBreak: (r: Row) => r.code };

describe('rankBy', () => {
  it('ranks highest first with competition ranking: 1, 2, 2, 4', () => {
    const ranked = rankBy(rows(['ZJ', 20], ['GD', 30], ['JS', 10], ['FJ', 20]), byGmv, byCode);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['GD', 1],
      ['FJ', 2], // FJ and ZJ tie at 20: both 2, ordered by code
      ['ZJ', 2],
      ['JS', 4], // two items share 2, so 3 is skipped
    ]);
  });

  it('gives a tie at the top rank 1 to both: 1, 1, 3', () => {
    const ranked = rankBy(rows(['b', 5], ['a', 5], ['c', 1]), byGmv, byCode);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('keeps input order among ties without a tie-break', () => {
    const ranked = rankBy(rows(['b', 5], ['a', 5]), byGmv);
    expect(ranked.map((r) => r.code)).toEqual(['b', 'a']);
  });

  it('orders ties the same way whatever the input order', () => {
    const input = rows(['c', 1], ['b', 1], ['a', 1], ['d', 2]);
    const once = rankBy(input, byGmv, byCode).map((r) => r.code);
    const reversed = rankBy([...input].reverse(), byGmv, byCode).map((r) => r.code);
    expect(once).toEqual(['d', 'a', 'b', 'c']);
    expect(reversed).toEqual(once);
  });

  it('puts null values last, sharing the rank after the numbered ones (nulls last)', () => {
    // 5 → 1, 3 → 2, then both nulls → 3
    const ranked = rankBy(rows(['x', null], ['a', 5], ['y', null], ['b', 3]), byGmv, byCode);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['x', 3],
      ['y', 3],
    ]);
  });

  it('ranks negative growth below zero growth', () => {
    const ranked = rankBy(rows(['down', -0.25], ['flat', 0], ['up', 1.2006]), byGmv);
    expect(ranked.map((r) => r.code)).toEqual(['up', 'flat', 'down']);
  });

  it('keeps the items’ fields and leaves the input alone', () => {
    const input = rows(['a', 1], ['b', 2]);
    const ranked = rankBy(input, byGmv);
    expect(ranked[0]).toEqual({ code: 'b', gmv: 2, rank: 1 });
    expect(input.map((r) => r.code)).toEqual(['a', 'b']);
    expect(input[0]).not.toHaveProperty('rank');
  });

  it('throws on a NaN value', () => {
    expect(() => rankBy(rows(['a', Number.NaN]), byGmv)).toThrow(RangeError);
  });

  it('gives each item 1 + the number of items strictly above it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), { maxLength: 30 }),
        (values) => {
          const items = values.map((gmv, i) => ({ code: `c${i}`, gmv }));
          const ranked = rankBy(items, byGmv, byCode);
          for (const item of ranked) {
            const above = items.filter((other) =>
              item.gmv === null ? other.gmv !== null : other.gmv !== null && other.gmv > item.gmv,
            ).length;
            expect(item.rank).toBe(above + 1);
          }
          expect(ranked.map((r) => r.rank)).toEqual([...ranked.map((r) => r.rank)].sort((a, b) => a - b));
        },
      ),
    );
  });
});

describe('top', () => {
  const ranked = rankBy(rows(['a', 30], ['b', 20], ['c', 20], ['d', 10]), byGmv, byCode);

  it('takes exactly n, settling a tie across the cut by the tie-break', () => {
    // b and c share rank 2; top 2 is a and b (b before c by code)
    expect(top(ranked, 2).map((r) => r.code)).toEqual(['a', 'b']);
  });

  it('returns everything when there are fewer than n, and nothing for 0', () => {
    expect(top(ranked, 10)).toHaveLength(4);
    expect(top(ranked, 0)).toEqual([]);
  });

  it('sorts by rank even if given out of order', () => {
    expect(top([...ranked].reverse(), 1).map((r) => r.code)).toEqual(['a']);
  });

  it('refuses a negative or fractional n', () => {
    expect(() => top(ranked, -1)).toThrow(RangeError);
    expect(() => top(ranked, 1.5)).toThrow(RangeError);
  });
});
