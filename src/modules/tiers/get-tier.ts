import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { findCompany } from '../identity/index.js';
import {
  type ScoreComponent,
  scoreComponents,
  type TierDefinition,
  tierByKey,
  tiersConfig,
} from './config.js';
import { requirementsOf } from './decide-tier.js';
import { tiersPolicy } from './policy.js';
import { indicatorsOf, latestScores, type ScoreRow, scoreHistory } from './score-store.js';

const badgeOf = (tier: TierDefinition) => ({ key: tier.key, name: tier.name, badge: tier.badge });

const benefitsOf = (tier: TierDefinition) => ({
  searchBoost: tier.benefits.searchBoost,
  monthlyRfqQuota: tier.benefits.monthlyRfqQuota,
  monthlyAdCredit: {
    amount: tier.benefits.monthlyAdCredit.amount.toString(),
    currency: tier.benefits.monthlyAdCredit.currency,
  },
});

/** Each component as measured, with its points and weighted contribution to the score. */
const componentsOf = (row: ScoreRow, weights: Record<ScoreComponent, number>) => {
  const values: Record<ScoreComponent, { value: number | string | null; detail: Record<string, unknown> }> = {
    gmv: {
      value: row.gmvPercentile,
      detail: { gmv: { amount: row.gmvUsd.toString(), currency: 'USD' }, industry: row.industry },
    },
    paidOrders: { value: row.paidOrders, detail: {} },
    responseRate: { value: row.responseRate, detail: { inquiriesCounted: row.inquiriesCounted } },
    onTimeRate: { value: row.onTimeRate, detail: { shipmentsCounted: row.shipmentsCounted } },
    disputeRate: { value: row.disputeRate, detail: { disputes: row.disputes } },
    buyerRating: { value: row.buyerRating, detail: { ratingsCounted: row.ratingsCounted } },
    verification: { value: row.verificationLevel, detail: {} },
    yearsOnPlatform: { value: row.yearsOnPlatform, detail: {} },
  };
  return scoreComponents.map((component) => {
    const points = row.points[component] ?? 0;
    return {
      component,
      ...values[component],
      points,
      weight: weights[component],
      contribution: Math.round(points * weights[component] * 100) / 100,
    };
  });
};

/**
 * A supplier's tier. Everyone sees the tier and its badge; the supplier
 * itself and the operator also see the score, every component, why it has
 * the tier, what the next tier needs, its benefits and the last 12 months.
 */
export const getSupplierTier = async (ctx: Ctx, supplierId: string) => {
  const company = await findCompany(ctx.db, supplierId);
  if (company?.kind !== 'supplier') throw notFound('Supplier', supplierId);
  const config = tiersConfig();
  const row = (await latestScores(ctx.db, [supplierId])).get(supplierId);
  const tier = tierByKey(config, row?.tier);
  const publicView = { supplierId, month: row?.month ?? null, tier: badgeOf(tier) };
  if (tiersPolicy.tierView(ctx.actor, supplierId) === 'public')
    return { view: 'public' as const, ...publicView };
  // The stored tier is the one in force (its benefits apply); its requirements say why, the next tier's what is missing.
  const at = config.tiers.indexOf(tier);
  const nextTier = config.tiers[at + 1];
  const check = (t: TierDefinition) => (row ? requirementsOf(t, indicatorsOf(row), row.score, config) : []);
  const history = await scoreHistory(ctx.db, supplierId);
  return {
    view: 'full' as const,
    ...publicView,
    computedAt: row?.computedAt.toISOString() ?? null,
    score: row?.score ?? null,
    rule: config.lowestIndicatorDecides ? ('lowest_indicator' as const) : ('score' as const),
    components: row ? componentsOf(row, config.weights) : [],
    reasons: check(tier),
    next: row && nextTier ? { tier: badgeOf(nextTier), requirements: check(nextTier) } : null,
    benefits: benefitsOf(tier),
    history: history.map((h) => ({ month: h.month, score: h.score, tier: h.tier })),
  };
};

/** The signed-in supplier's own tier, in full. */
export const getMyTier = async (ctx: Ctx) => {
  const member = tiersPolicy.assertSupplierMember(ctx.actor);
  return getSupplierTier(ctx, member.companyId);
};

/** The tiers, their requirements and benefits, and the score's weights: public, the rules of the game. */
export const tierCatalog = () => {
  const config = tiersConfig();
  return {
    rule: config.lowestIndicatorDecides ? ('lowest_indicator' as const) : ('score' as const),
    windowMonths: config.windowMonths,
    weights: config.weights,
    tiers: config.tiers.map((t) => ({
      ...badgeOf(t),
      minScore: t.minScore,
      minVerification: t.minVerification,
      thresholds: t.thresholds,
      benefits: benefitsOf(t),
    })),
  };
};
