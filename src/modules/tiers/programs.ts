import { type VerificationLevel, verificationLevels } from '../identity/index.js';
import type { TiersConfig } from './config.js';
import type { CriterionCheck } from './schema.js';

/** What a program may require of a supplier that applies. */
export type Criterion =
  | { kind: 'min_tier'; tier: string }
  | { kind: 'min_verification'; level: VerificationLevel }
  | { kind: 'max_years_on_platform'; years: number }
  | { kind: 'max_paid_orders'; orders: number }
  | { kind: 'min_active_listings'; listings: number }
  | { kind: 'min_listings_with_capacity'; listings: number };

export type Milestone = { key: string; name: string };

export type ProgramDefinition = {
  id: string;
  name: string;
  nameZh: string;
  summary: string;
  criteria: Criterion[];
  /** In the order a supplier usually reaches them; the last one is the program's goal. */
  milestones: Milestone[];
  /** Suppliers reaching the goal the platform aims for, and over how many years (null: no target). */
  target: { count: number; years: number } | null;
};

/**
 * The three growth programs, each giving a stage of supplier a
 * differentiated push. Criteria are checked when a supplier applies; the
 * operator approves, marks milestones and removes. The operator may change a
 * program's target, period and whether it is open (program_settings).
 */
export const programs: readonly ProgramDefinition[] = [
  {
    id: 'new-exporter',
    name: 'New-exporter onboarding',
    nameZh: '新外贸启航计划',
    summary:
      'For companies new to exporting: a guided first year, from a complete showroom to the first order shipped on time.',
    criteria: [
      { kind: 'min_verification', level: 'licence_checked' },
      { kind: 'max_years_on_platform', years: 2 },
      { kind: 'max_paid_orders', orders: 10 },
      { kind: 'min_active_listings', listings: 1 },
    ],
    milestones: [
      { key: 'showroom_complete', name: 'Showroom complete (profile and 10 listings)' },
      { key: 'first_inquiry_answered', name: 'First inquiry answered within 24 h' },
      { key: 'first_quote', name: 'First quotation sent' },
      { key: 'first_order', name: 'First order paid' },
      { key: 'first_on_time_shipment', name: 'First order shipped on time' },
    ],
    target: null,
  },
  {
    id: 'digital-factory',
    name: 'Digital factory',
    nameZh: '数字化工厂计划',
    summary:
      'For audited manufacturers: a live factory profile, production capacity verified by the platform, and production updates online.',
    criteria: [
      { kind: 'min_verification', level: 'onsite_audited' },
      { kind: 'min_tier', tier: 'verified' },
      { kind: 'min_listings_with_capacity', listings: 1 },
    ],
    milestones: [
      { key: 'live_factory_profile', name: 'Live factory profile published (tour and lines)' },
      { key: 'capacity_verified', name: 'Production capacity verified by the platform' },
      { key: 'production_updates_online', name: 'Production updates posted on orders' },
      { key: 'digital_factory_certified', name: 'Certified digital factory' },
    ],
    target: null,
  },
  {
    id: 'star-factory-brand',
    name: 'Star factory brands',
    nameZh: '超级星厂牌',
    summary:
      "For the platform's best manufacturers: building their own brand abroad, with the aim of 1,000 star factory brands in three years.",
    criteria: [
      { kind: 'min_verification', level: 'onsite_audited' },
      { kind: 'min_tier', tier: 'gold' },
    ],
    milestones: [
      { key: 'brand_plan_agreed', name: 'Brand plan agreed with the platform' },
      { key: 'trademark_registered', name: 'Trademark registered in a target market' },
      { key: 'brand_showroom_live', name: 'Brand showroom live' },
      { key: 'star_brand_certified', name: 'Certified star factory brand' },
    ],
    target: { count: 1000, years: 3 },
  },
];

export const programById = (id: string) => programs.find((p) => p.id === id);

/** The program's goal: its last milestone. */
export const goalOf = (program: ProgramDefinition) => program.milestones[program.milestones.length - 1]!;

/** What the criteria are checked against, as the platform knows the supplier now. */
export type ApplicantFacts = {
  tier: string;
  verificationLevel: VerificationLevel;
  yearsOnPlatform: number;
  /** Paid orders in the last 12 months, as of its latest score (0 if never scored). */
  paidOrders: number;
  activeListings: number;
  listingsWithCapacity: number;
};

const words: Record<VerificationLevel, string> = {
  unverified: 'unverified',
  licence_checked: 'business licence checked',
  onsite_audited: 'on-site audited',
};

/** One criterion, met or not, with the supplier's value and a sentence saying so. */
const checkCriterion = (c: Criterion, facts: ApplicantFacts, config: TiersConfig): CriterionCheck => {
  switch (c.kind) {
    case 'min_tier': {
      const rank = (key: string) => config.tiers.findIndex((t) => t.key === key);
      const name = (key: string) => config.tiers.find((t) => t.key === key)?.name ?? key;
      return {
        criterion: c.kind,
        met: rank(facts.tier) >= rank(c.tier),
        value: facts.tier,
        required: c.tier,
        message: `tier ${name(facts.tier)}, needs ${name(c.tier)} or higher`,
      };
    }
    case 'min_verification':
      return {
        criterion: c.kind,
        met: verificationLevels.indexOf(facts.verificationLevel) >= verificationLevels.indexOf(c.level),
        value: facts.verificationLevel,
        required: c.level,
        message: `verification ${words[facts.verificationLevel]}, needs ${words[c.level]}`,
      };
    case 'max_years_on_platform':
      return {
        criterion: c.kind,
        met: facts.yearsOnPlatform <= c.years,
        value: facts.yearsOnPlatform,
        required: c.years,
        message: `${facts.yearsOnPlatform} years on the platform, at most ${c.years} for this program`,
      };
    case 'max_paid_orders':
      return {
        criterion: c.kind,
        met: facts.paidOrders <= c.orders,
        value: facts.paidOrders,
        required: c.orders,
        message: `${facts.paidOrders} paid orders in 12 months, at most ${c.orders} for this program`,
      };
    case 'min_active_listings':
      return {
        criterion: c.kind,
        met: facts.activeListings >= c.listings,
        value: facts.activeListings,
        required: c.listings,
        message: `${facts.activeListings} active listings, needs ${c.listings}`,
      };
    case 'min_listings_with_capacity':
      return {
        criterion: c.kind,
        met: facts.listingsWithCapacity >= c.listings,
        value: facts.listingsWithCapacity,
        required: c.listings,
        message: `${facts.listingsWithCapacity} listings stating a monthly capacity, needs ${c.listings}`,
      };
  }
};

/** Every criterion of the program, checked in its order. */
export const checkCriteria = (
  program: ProgramDefinition,
  facts: ApplicantFacts,
  config: TiersConfig,
): CriterionCheck[] => program.criteria.map((c) => checkCriterion(c, facts, config));
