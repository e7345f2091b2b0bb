import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BlueOceanCandidate, blueOceanScores, demandOf, growthPoints } from './blue-ocean.js';

// Demand split as searches / RFQs / inquiries; only the total matters to the score.
const signals = (total: number) => ({ searches: total, rfqs: 0, inquiries: 0 });
const candidate = (code: string, demand: number, prior: number, listings: number) => ({
  code,
  current: signals(demand),
  prior: signals(prior),
  listings,
});
const scoreOf = (candidates: Array<BlueOceanCandidate & { code: string }>, code: string) =>
  blueOceanScores(candidates).find((r) => r.code === code)!;

describe('blueOceanScores', () => {
  it('scores the documented example with its components', () => {
    const [a, b, c] = blueOceanScores([
      { code: 'A', current: { searches: 200, rfqs: 60, inquiries: 40 }, prior: signals(150), listings: 10 },
      candidate('B', 100, 100, 100),
      candidate('C', 40, 80, 0),
    ]);
    // A: demand 200 + 60 + 40 = 300, growth (300 − 150) ÷ 150 = 1, 300 ÷ 10 = 30 per listing (the best).
    //    50 × clamp((log₂ 2 + 1) ÷ 2) = 50; 50 × ln 31 ÷ ln 31 = 50 → 100
    expect(a).toMatchObject({
      code: 'A',
      score: 100,
      components: { demandGrowth: 1, demandPerListing: 30, growthPoints: 50, ratioPoints: 50 },
      demand: 300,
      listings: 10,
    });
    // B: flat, 1 per listing. 50 × (0 + 1) ÷ 2 = 25; 50 × ln 2 ÷ ln 31 = 50 × 0.6931 ÷ 3.4340 = 10.09 → 10.1
    expect(b).toMatchObject({
      score: 35.1,
      components: { demandGrowth: 0, demandPerListing: 1, growthPoints: 25, ratioPoints: 10.1 },
    });
    // C: halved, no listings. 50 × (−1 + 1) ÷ 2 = 0; no listings but demand → 50 → 50
    expect(c).toMatchObject({
      score: 50,
      components: { demandGrowth: -0.5, demandPerListing: null, growthPoints: 0, ratioPoints: 50 },
      demand: 40,
      listings: 0,
    });
  });

  it('scores a category without any demand 0, even with no listings', () => {
    const result = scoreOf([candidate('empty', 0, 50, 0), candidate('other', 10, 10, 5)], 'empty');
    expect(result).toMatchObject({
      score: 0,
      components: { demandGrowth: -1, demandPerListing: null, growthPoints: 0, ratioPoints: 0 },
    });
  });

  it('gives new demand (nothing a year ago) full growth points and a null growth', () => {
    const result = scoreOf([candidate('new', 12, 0, 4)], 'new');
    expect(result.components).toMatchObject({ demandGrowth: null, growthPoints: 50 });
  });

  it('rises with growth: halved, flat, +50 %, doubled, tripled', () => {
    // prior demand for a current demand of 120: 240 (halved), 120, 80 (+50 %), 60 (doubled), 40 (tripled)
    // growth points: 0, 25, 50 × (log₂ 1.5 + 1) ÷ 2 = 50 × 1.585 ÷ 2 = 39.6, 50, 50 (capped)
    const points = [240, 120, 80, 60, 40].map((prior) => scoreOf([candidate('x', 120, prior, 6)], 'x'));
    expect(points.map((p) => p.components.growthPoints)).toEqual([0, 25, 39.6, 50, 50]);
    const scores = points.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('rises with demand per listing, up to no listings at all', () => {
    // Against a best ratio of 100 per listing (the 'ref' category): 50 × ln(1 + r) ÷ ln 101.
    // r = 1: 50 × 0.6931 ÷ 4.6151 = 7.5; r = 10: 50 × 2.3979 ÷ 4.6151 = 26.0; r = 100: 50; none: 50
    const ratios = [100, 10, 1, 0].map(
      (listings) =>
        scoreOf([candidate('ref', 1000, 1000, 10), candidate('x', 100, 100, listings)], 'x').components,
    );
    expect(ratios.map((c) => c.ratioPoints)).toEqual([7.5, 26, 50, 50]);
    expect(ratios.map((c) => c.demandPerListing)).toEqual([1, 10, 100, null]);
  });

  it('counts searches, RFQs and inquiries alike', () => {
    expect(demandOf({ searches: 7, rfqs: 2, inquiries: 1 })).toBe(10);
  });

  it('refuses negative counts', () => {
    expect(() => blueOceanScores([candidate('x', 1, -1, 1)])).toThrow(RangeError);
  });

  const counts = fc.integer({ min: 0, max: 10_000 });
  const candidates = fc.array(
    fc.record({
      code: fc.string(),
      current: fc.record({ searches: counts, rfqs: counts, inquiries: counts }),
      prior: fc.record({ searches: counts, rfqs: counts, inquiries: counts }),
      listings: fc.integer({ min: 0, max: 500 }),
    }),
    { minLength: 1, maxLength: 12 },
  );

  it('stays within 0..100 and equals its shown components (property)', () => {
    fc.assert(
      fc.property(candidates, (list) => {
        for (const result of blueOceanScores(list)) {
          const { growthPoints: g, ratioPoints: r } = result.components;
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(100);
          expect(g).toBeGreaterThanOrEqual(0);
          expect(g).toBeLessThanOrEqual(50);
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(50);
          expect(result.score).toBeCloseTo(g + r, 9);
          if (result.demand === 0) expect(result.score).toBe(0);
        }
      }),
    );
  });

  it('never falls with more demand, nor rises with more listings (property)', () => {
    fc.assert(
      fc.property(candidates, fc.integer({ min: 1, max: 1000 }), (list, extra) => {
        const before = blueOceanScores(list)[0]!.score;
        const [first, ...rest] = list;
        const moreDemand = { ...first!, current: { ...first!.current, rfqs: first!.current.rfqs + extra } };
        const moreListings = { ...first!, listings: first!.listings + extra };
        expect(blueOceanScores([moreDemand, ...rest])[0]!.score).toBeGreaterThanOrEqual(before);
        expect(blueOceanScores([moreListings, ...rest])[0]!.score).toBeLessThanOrEqual(before);
      }),
    );
  });
});

describe('growthPoints', () => {
  it('is symmetric in log terms around flat demand', () => {
    // ×1.41 (√2): 50 × (0.5 + 1) ÷ 2 = 37.5; ÷1.41: 50 × (−0.5 + 1) ÷ 2 = 12.5
    expect(growthPoints(Math.SQRT2, 1)).toBeCloseTo(37.5, 9);
    expect(growthPoints(1, Math.SQRT2)).toBeCloseTo(12.5, 9);
  });
});
