import { growth, round4, roundTo } from './growth.js';

/** Buyer demand for a category in a period: each search, RFQ and inquiry counts once. */
export type DemandSignals = { searches: number; rfqs: number; inquiries: number };

export type BlueOceanCandidate = {
  /** The period scored. */
  current: DemandSignals;
  /** The same period one year earlier. */
  prior: DemandSignals;
  /** Active listings (supply) in the current period. */
  listings: number;
};

export type BlueOceanScore = {
  /** 0..100, one decimal: growthPoints + ratioPoints. */
  score: number;
  components: {
    /** Growth of demand over the prior period (4 decimals); null when there was none before. */
    demandGrowth: number | null;
    /** Demand per active listing (4 decimals); null when there are no listings. */
    demandPerListing: number | null;
    /** 0..50, one decimal. */
    growthPoints: number;
    /** 0..50, one decimal. */
    ratioPoints: number;
  };
  demand: number;
  listings: number;
};

/** searches + RFQs + inquiries. */
export const demandOf = (signals: DemandSignals): number =>
  signals.searches + signals.rfqs + signals.inquiries;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round1 = (x: number) => roundTo(x, 1);

/**
 * Up to 50 points for growth, on a log scale so that halving and doubling
 * are symmetric: 50 × clamp((log₂(current ÷ prior) + 1) ÷ 2, 0, 1). Halved or
 * worse → 0, flat → 25, doubled or better → 50. Demand where there was none
 * is at least a doubling (50); no demand now is 0.
 */
export const growthPoints = (current: number, prior: number): number => {
  if (current === 0) return 0;
  if (prior === 0) return 50;
  return 50 * clamp01((Math.log2(current / prior) + 1) / 2);
};

/**
 * Up to 50 points for demand per listing, log-scaled against the best ratio
 * among the candidates: 50 × ln(1 + r) ÷ ln(1 + rMax). Demand with no listing
 * at all is the bluest ocean there is (50); no demand is 0.
 */
export const ratioPoints = (demand: number, listings: number, maxRatio: number): number => {
  if (demand === 0) return 0;
  if (listings === 0 || maxRatio === 0) return 50;
  return 50 * clamp01(Math.log1p(demand / listings) / Math.log1p(maxRatio));
};

const assertCounts = (index: number, candidate: BlueOceanCandidate) => {
  const { current, prior, listings } = candidate;
  const counts = [...Object.values(current), ...Object.values(prior), listings];
  if (!counts.every((n) => Number.isFinite(n) && n >= 0)) {
    throw new RangeError(`blue-ocean candidate ${index} has a count that is not a finite number ≥ 0`);
  }
};

/**
 * Blue-ocean score (0..100) of each candidate category: where buyers' demand
 * grows and few listings serve it.
 *
 *   score = growthPoints (0..50) + ratioPoints (0..50)
 *   demand = searches + RFQs + inquiries
 *   growthPoints = 50 × clamp((log₂(demand ÷ prior demand) + 1) ÷ 2, 0, 1)
 *   ratioPoints  = 50 × ln(1 + demand ÷ listings) ÷ ln(1 + best demand ÷ listings among the candidates)
 *
 * Growth has a natural scale (doubling), so its points are absolute; demand
 * per listing does not (it depends on traffic), so it is measured against
 * the candidates scored together, on a log scale so that one outlier does
 * not flatten the rest. Demand without any listing gets the full 50 ratio
 * points; a category with no demand at all scores 0. Points are rounded to
 * one decimal and the score is the sum of the rounded points, so the
 * components shown always add up.
 *
 * Example, three categories scored together:
 *
 *   A: demand 300 (a year ago 150), 10 listings  → growth 1.0, 30 per listing
 *   B: demand 100 (a year ago 100), 100 listings → growth 0, 1 per listing
 *   C: demand 40 (a year ago 80), no listings    → growth −0.5
 *
 *   A: 50 × clamp((log₂ 2 + 1) ÷ 2) = 50, + 50 × ln 31 ÷ ln 31 = 50   → 100
 *   B: 50 × (log₂ 1 + 1) ÷ 2 = 25,       + 50 × ln 2 ÷ ln 31 = 10.1   → 35.1
 *   C: 50 × (log₂ 0.5 + 1) ÷ 2 = 0,      + 50 (no listings)          → 50
 *
 * Results are in the input order, each candidate with its score; rank them
 * with `rankBy(results, (r) => r.score)`.
 */
export const blueOceanScores = <T extends BlueOceanCandidate>(
  candidates: readonly T[],
): Array<Omit<T, keyof BlueOceanScore> & BlueOceanScore> => {
  candidates.forEach((candidate, index) => {
    assertCounts(index, candidate);
  });
  // A loop, not Math.max(...spread): thousands of categories must not hit the argument limit.
  let maxRatio = 0;
  for (const c of candidates) {
    if (c.listings > 0) maxRatio = Math.max(maxRatio, demandOf(c.current) / c.listings);
  }
  return candidates.map((candidate) => {
    const demand = demandOf(candidate.current);
    const priorDemand = demandOf(candidate.prior);
    const { listings } = candidate;
    const forGrowth = round1(growthPoints(demand, priorDemand));
    const forRatio = round1(ratioPoints(demand, listings, maxRatio));
    const demandGrowth = growth(demand, priorDemand);
    return {
      ...candidate,
      score: round1(forGrowth + forRatio),
      components: {
        demandGrowth: demandGrowth === null ? null : round4(demandGrowth),
        demandPerListing: listings === 0 ? null : round4(demand / listings),
        growthPoints: forGrowth,
        ratioPoints: forRatio,
      },
      demand,
      listings,
    };
  });
};
