import type { VerificationLevel } from '../identity/index.js';
import { defaultMonthlyQuota } from '../sourcing/index.js';

/**
 * Merchant tiering's one configuration: the score's weights and scales, the
 * tiers with their thresholds and benefits, and the rule that decides a tier.
 * Change a default here; every computation, explanation and benefit reads it.
 *
 * The score (0–100) is Σ weight × points, each component's points in 0..1:
 *
 * | component       | value                                                       | points                          |
 * |-----------------|-------------------------------------------------------------|---------------------------------|
 * | gmv             | GMV percentile within the supplier's industry (12 months)   | the percentile                  |
 * | paidOrders      | orders paid in the last 12 months                           | min(1, orders ÷ 24)             |
 * | responseRate    | Quick Response Rate (inquiries answered within 24 h, 30 d)  | the rate                        |
 * | onTimeRate      | orders shipped on or before their ship-by date (12 months)  | the rate                        |
 * | disputeRate     | disputes opened ÷ paid orders (12 months; ≥ the disputes)   | max(0, 1 − rate ÷ 10 %)         |
 * | buyerRating     | mean of buyers' 1–5 quote ratings (12 months)               | (rating − 1) ÷ 4                |
 * | verification    | unverified / licence checked / on-site audited              | 0 / 0.6 / 1                     |
 * | yearsOnPlatform | years since the company joined                              | min(1, years ÷ 5)               |
 *
 * A rate with nothing to measure (no inquiries, no shipments, no paid
 * orders, no ratings) earns no points: a tier is earned by a track record.
 */
export const scoreComponents = [
  'gmv',
  'paidOrders',
  'responseRate',
  'onTimeRate',
  'disputeRate',
  'buyerRating',
  'verification',
  'yearsOnPlatform',
] as const;
export type ScoreComponent = (typeof scoreComponents)[number];

/** What a tier may require besides the score and verification; `disputeRate` is a ceiling, the rest floors. */
export const indicators = [
  'gmvPercentile',
  'paidOrders',
  'responseRate',
  'onTimeRate',
  'disputeRate',
  'buyerRating',
  'yearsOnPlatform',
] as const;
export type Indicator = (typeof indicators)[number];

/** Indicators where lower is better: their threshold is a maximum. */
export const ceilingIndicators: ReadonlySet<Indicator> = new Set(['disputeRate']);

export type TierBenefits = {
  /** Added to the product search rank as a fraction: 0.15 ranks listings 15 % higher. */
  searchBoost: number;
  /** 0..1, the tier's weight in RFQ matching (sourcing's `tierBoost`). */
  matchBoost: number;
  /** Quotes the supplier may submit per calendar month. */
  monthlyRfqQuota: number;
  /** Advertising credit granted each month by the ads module, in minor units. */
  monthlyAdCredit: { amount: bigint; currency: string };
};

export type TierDefinition = {
  key: string;
  name: string;
  /** The badge shown on listings and the showroom; null shows none. */
  badge: string | null;
  minScore: number;
  /** Always binding: a tier never claims more verification than the company has. */
  minVerification: VerificationLevel;
  /** Binding when `lowestIndicatorDecides`; otherwise shown as the targets for the tier. */
  thresholds: Partial<Record<Indicator, number>>;
  benefits: TierBenefits;
};

export type TiersConfig = {
  /** Months of orders, disputes and ratings a score looks back on. */
  windowMonths: number;
  /** Weights of the components; they sum to 100. */
  weights: Record<ScoreComponent, number>;
  scales: {
    paidOrdersForFullPoints: number;
    disputeRateForZeroPoints: number;
    yearsForFullPoints: number;
    verificationPoints: Record<VerificationLevel, number>;
  };
  /**
   * On: a tier is reached only when the score and every indicator threshold
   * are met, so the weakest indicator decides. Off: the score (and
   * verification) alone decide; thresholds are targets shown to the supplier.
   */
  lowestIndicatorDecides: boolean;
  /** Lowest first; the first one has no requirements and is every unscored supplier's tier. */
  tiers: TierDefinition[];
};

const usd = (cents: bigint) => ({ amount: cents, currency: 'USD' });

export const defaultTiersConfig: TiersConfig = {
  windowMonths: 12,
  weights: {
    gmv: 20,
    paidOrders: 10,
    responseRate: 15,
    onTimeRate: 15,
    disputeRate: 10,
    buyerRating: 10,
    verification: 15,
    yearsOnPlatform: 5,
  },
  scales: {
    paidOrdersForFullPoints: 24,
    disputeRateForZeroPoints: 0.1,
    yearsForFullPoints: 5,
    verificationPoints: { unverified: 0, licence_checked: 0.6, onsite_audited: 1 },
  },
  lowestIndicatorDecides: true,
  tiers: [
    {
      key: 'basic',
      name: 'Basic',
      badge: null,
      minScore: 0,
      minVerification: 'unverified',
      thresholds: {},
      benefits: {
        searchBoost: 0,
        matchBoost: 0,
        monthlyRfqQuota: defaultMonthlyQuota,
        monthlyAdCredit: usd(0n),
      },
    },
    {
      // A checked licence and a year on the platform, or an on-site audit, is enough.
      key: 'verified',
      name: 'Verified',
      badge: 'verified',
      minScore: 10,
      minVerification: 'licence_checked',
      thresholds: {},
      benefits: {
        searchBoost: 0.05,
        matchBoost: 0.33,
        monthlyRfqQuota: 30,
        monthlyAdCredit: usd(0n),
      },
    },
    {
      key: 'gold',
      name: 'Gold',
      badge: 'gold',
      minScore: 55,
      minVerification: 'licence_checked',
      thresholds: { paidOrders: 3, responseRate: 0.8, onTimeRate: 0.9, disputeRate: 0.05 },
      benefits: {
        searchBoost: 0.15,
        matchBoost: 0.67,
        monthlyRfqQuota: 50,
        monthlyAdCredit: usd(5_000n),
      },
    },
    {
      key: 'star',
      name: 'Star',
      badge: 'star',
      minScore: 75,
      minVerification: 'onsite_audited',
      thresholds: {
        gmvPercentile: 0.75,
        paidOrders: 12,
        responseRate: 0.9,
        onTimeRate: 0.95,
        disputeRate: 0.02,
        buyerRating: 4.5,
        yearsOnPlatform: 1,
      },
      benefits: {
        searchBoost: 0.3,
        matchBoost: 1,
        monthlyRfqQuota: 100,
        monthlyAdCredit: usd(20_000n),
      },
    },
  ],
};

/**
 * The configuration in force: the defaults, with the tier rule overridable
 * by `TRADELANE_TIER_RULE=score|lowest_indicator`.
 */
export const tiersConfig = (): TiersConfig => {
  const rule = process.env.TRADELANE_TIER_RULE;
  if (rule === undefined || rule === '') return defaultTiersConfig;
  if (rule !== 'score' && rule !== 'lowest_indicator')
    throw new Error(`TRADELANE_TIER_RULE must be score or lowest_indicator, not ${rule}`);
  return { ...defaultTiersConfig, lowestIndicatorDecides: rule === 'lowest_indicator' };
};

/** A tier by key; an unknown key (a tier removed from the configuration) reads as the lowest tier. */
export const tierByKey = (config: TiersConfig, key: string | null | undefined): TierDefinition =>
  config.tiers.find((t) => t.key === key) ?? config.tiers[0]!;
