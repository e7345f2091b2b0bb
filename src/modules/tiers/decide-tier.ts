import { type VerificationLevel, verificationLevels } from '../identity/index.js';
import { ceilingIndicators, type Indicator, type TierDefinition, type TiersConfig } from './config.js';
import type { Indicators } from './scoring.js';

/** One requirement of a tier against the supplier's value: "response rate 82 %, needs 90 %". */
export type Requirement = {
  indicator: 'score' | 'verification' | Indicator;
  value: number | string | null;
  required: number | string;
  comparison: 'at_least' | 'at_most';
  met: boolean;
  /** False when the rule is "score decides": the threshold is then a target, not a gate. */
  binding: boolean;
  /** The same in English words, e.g. "response rate 82 %, needs 90 %". */
  message: string;
};

export type TierDecision = {
  tier: TierDefinition;
  /** Why it has its tier: the requirements of that tier, every binding one met. */
  reasons: Requirement[];
  /** The next tier and every requirement of it, met or not; null at the top. */
  next: { tier: TierDefinition; requirements: Requirement[] } | null;
};

const labels: Record<Requirement['indicator'], string> = {
  score: 'score',
  verification: 'verification',
  gmvPercentile: 'GMV percentile in your industry',
  paidOrders: 'paid orders (12 months)',
  responseRate: 'response rate',
  onTimeRate: 'on-time shipment rate',
  disputeRate: 'dispute rate',
  buyerRating: 'buyer rating',
  yearsOnPlatform: 'years on the platform',
};

const verificationWords: Record<VerificationLevel, string> = {
  unverified: 'unverified',
  licence_checked: 'business licence checked',
  onsite_audited: 'on-site audited',
};

const percentIndicators: ReadonlySet<string> = new Set([
  'gmvPercentile',
  'responseRate',
  'onTimeRate',
  'disputeRate',
]);

const show = (indicator: Requirement['indicator'], value: number | string | null): string => {
  if (value === null) return 'not measured yet';
  if (indicator === 'verification') return verificationWords[value as VerificationLevel];
  if (typeof value === 'number' && percentIndicators.has(indicator))
    return `${Math.round(value * 1000) / 10} %`;
  return String(value);
};

const verificationRank = (level: string) => verificationLevels.indexOf(level as VerificationLevel);

const requirement = (
  indicator: Requirement['indicator'],
  value: number | string | null,
  required: number | string,
  binding: boolean,
): Requirement => {
  const comparison = ceilingIndicators.has(indicator as Indicator) ? 'at_most' : 'at_least';
  const met =
    value !== null &&
    (indicator === 'verification'
      ? verificationRank(String(value)) >= verificationRank(String(required))
      : comparison === 'at_most'
        ? Number(value) <= Number(required)
        : Number(value) >= Number(required));
  const needs = comparison === 'at_most' ? 'needs at most' : 'needs';
  return {
    indicator,
    value,
    required,
    comparison,
    met,
    binding,
    message: `${labels[indicator]} ${show(indicator, value)}, ${needs} ${show(indicator, required)}`,
  };
};

/** Every requirement of `tier` for these indicators and score. */
export const requirementsOf = (
  tier: TierDefinition,
  indicators: Indicators,
  score: number,
  config: TiersConfig,
): Requirement[] => [
  requirement('score', score, tier.minScore, true),
  requirement('verification', indicators.verification, tier.minVerification, true),
  ...(Object.entries(tier.thresholds) as [Indicator, number][]).map(([indicator, required]) =>
    requirement(indicator, indicators[indicator], required, config.lowestIndicatorDecides),
  ),
];

const reached = (requirements: readonly Requirement[]) => requirements.every((r) => r.met || !r.binding);

/**
 * The tier: climbing from the lowest, the last tier whose binding
 * requirements are all met (a supplier cannot skip a tier it falls short
 * of). Under "lowest indicator decides" one indicator below a threshold
 * holds the supplier at the tier below, whatever its score.
 */
export const decideTier = (indicators: Indicators, score: number, config: TiersConfig): TierDecision => {
  const checked = config.tiers.map((tier) => ({
    tier,
    requirements: requirementsOf(tier, indicators, score, config),
  }));
  let at = 0;
  while (at + 1 < checked.length && reached(checked[at + 1]!.requirements)) at++;
  const current = checked[at]!;
  return { tier: current.tier, reasons: current.requirements, next: checked[at + 1] ?? null };
};
