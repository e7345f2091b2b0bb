import type { VerificationLevel } from '../identity/index.js';
import type { ScoreComponent, TiersConfig } from './config.js';

const yearMs = 365.25 * 24 * 60 * 60 * 1000;

/** What the platform knows of one supplier over the score's window, gathered by `gather-facts.ts`. */
export type SupplierFacts = {
  supplierId: string;
  /** The industry it lists most in (null: no active listing); GMV is ranked within it. */
  industry: string | null;
  /** Paid GMV net of refunds, USD cents. */
  gmvUsd: bigint;
  paidOrders: number;
  responseRate: number | null;
  inquiriesCounted: number;
  shippedOnTime: number;
  shipmentsCounted: number;
  disputes: number;
  ratingSum: number;
  ratingCount: number;
  verificationLevel: VerificationLevel;
  joinedAt: Date;
};

/** The measured values a tier is decided on; null where there was nothing to measure. */
export type Indicators = {
  gmvPercentile: number;
  paidOrders: number;
  responseRate: number | null;
  onTimeRate: number | null;
  disputeRate: number | null;
  buyerRating: number | null;
  yearsOnPlatform: number;
  verification: VerificationLevel;
};

export type ScoredSupplier = {
  indicators: Indicators;
  /** Each component's points, 0..1, before its weight. */
  points: Record<ScoreComponent, number>;
  /** 0–100, one decimal: Σ weight × points. */
  score: number;
};

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
/** Rates are kept to a tenth of a percent: what is shown is what is compared. */
const rate = (part: number, whole: number) => (whole > 0 ? round(Math.min(1, part / whole), 4) : null);
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * GMV percentile of each supplier within its industry: (below + (equal − 1) ÷ 2) ÷ (n − 1),
 * where `below` counts the industry's suppliers with less GMV, `equal` those
 * with the same (itself included) and n the industry's size. The top supplier
 * is 1, the bottom 0, and ties share the mean of the ranks they span. A
 * supplier without GMV is 0, and the only one of its industry with GMV is 1.
 */
export const gmvPercentiles = (
  suppliers: readonly Pick<SupplierFacts, 'supplierId' | 'industry' | 'gmvUsd'>[],
): Map<string, number> => {
  const byIndustry = new Map<string | null, bigint[]>();
  for (const s of suppliers) {
    const list = byIndustry.get(s.industry) ?? [];
    list.push(s.gmvUsd > 0n ? s.gmvUsd : 0n);
    byIndustry.set(s.industry, list);
  }
  const percentiles = new Map<string, number>();
  for (const s of suppliers) {
    const gmv = s.gmvUsd > 0n ? s.gmvUsd : 0n;
    const peers = byIndustry.get(s.industry)!;
    if (gmv === 0n) percentiles.set(s.supplierId, 0);
    else if (peers.length === 1) percentiles.set(s.supplierId, 1);
    else {
      const below = peers.filter((p) => p < gmv).length;
      const equal = peers.filter((p) => p === gmv).length;
      percentiles.set(s.supplierId, round((below + (equal - 1) / 2) / (peers.length - 1), 4));
    }
  }
  return percentiles;
};

/** The indicators, points and score of one supplier (its GMV percentile computed among its peers). */
export const scoreSupplier = (
  facts: SupplierFacts,
  gmvPercentile: number,
  asOf: Date,
  config: TiersConfig,
): ScoredSupplier => {
  const { scales, weights } = config;
  const indicators: Indicators = {
    gmvPercentile,
    paidOrders: facts.paidOrders,
    responseRate: facts.responseRate === null ? null : round(facts.responseRate, 4),
    onTimeRate: rate(facts.shippedOnTime, facts.shipmentsCounted),
    // A dispute is on a paid order, perhaps paid before the window: never more disputes than orders.
    disputeRate: rate(facts.disputes, Math.max(facts.paidOrders, facts.disputes)),
    buyerRating: facts.ratingCount > 0 ? round(facts.ratingSum / facts.ratingCount, 2) : null,
    yearsOnPlatform: round(Math.max(0, (asOf.getTime() - facts.joinedAt.getTime()) / yearMs), 2),
    verification: facts.verificationLevel,
  };
  const points: Record<ScoreComponent, number> = {
    gmv: gmvPercentile,
    paidOrders: clamp01(indicators.paidOrders / scales.paidOrdersForFullPoints),
    responseRate: indicators.responseRate ?? 0,
    onTimeRate: indicators.onTimeRate ?? 0,
    disputeRate:
      indicators.disputeRate === null
        ? 0
        : clamp01(1 - indicators.disputeRate / scales.disputeRateForZeroPoints),
    buyerRating: indicators.buyerRating === null ? 0 : clamp01((indicators.buyerRating - 1) / 4),
    verification: scales.verificationPoints[indicators.verification],
    yearsOnPlatform: clamp01(indicators.yearsOnPlatform / scales.yearsForFullPoints),
  };
  for (const key of Object.keys(points) as ScoreComponent[]) points[key] = round(points[key], 4);
  const total = (Object.keys(weights) as ScoreComponent[]).reduce(
    (sum, k) => sum + weights[k] * points[k],
    0,
  );
  return { indicators, points, score: round(total, 1) };
};

/** Scores every supplier of one computation: percentiles need all of them at once. */
export const scoreSuppliers = (
  suppliers: readonly SupplierFacts[],
  asOf: Date,
  config: TiersConfig,
): Map<string, ScoredSupplier> => {
  const percentiles = gmvPercentiles(suppliers);
  return new Map(
    suppliers.map((s) => [s.supplierId, scoreSupplier(s, percentiles.get(s.supplierId) ?? 0, asOf, config)]),
  );
};
