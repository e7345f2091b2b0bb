// The merchant tiering and growth programs API's shapes (src/modules/tiers/api.ts),
// written by hand as the other API types are. Amounts are decimal strings of minor units.
import type { Money } from './types';

export type TierBadge = { key: string; name: string; badge: string | null };

export type TierBenefits = { searchBoost: number; monthlyRfqQuota: number; monthlyAdCredit: Money };

/** The score's components, in the server's order (tiers/config.ts). */
export const SCORE_COMPONENTS = [
  'gmv',
  'paidOrders',
  'responseRate',
  'onTimeRate',
  'disputeRate',
  'buyerRating',
  'verification',
  'yearsOnPlatform',
] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

/** What a tier may require: the score, verification, or an indicator. */
export type RequirementIndicator =
  | 'score'
  | 'verification'
  | 'gmvPercentile'
  | 'paidOrders'
  | 'responseRate'
  | 'onTimeRate'
  | 'disputeRate'
  | 'buyerRating'
  | 'yearsOnPlatform';

/** "response rate 82 %, needs 90 %": `message` is the server's English sentence. */
export type Requirement = {
  indicator: RequirementIndicator;
  value: number | string | null;
  required: number | string;
  comparison: 'at_least' | 'at_most';
  met: boolean;
  /** False when the score alone decides: the threshold is then a target, not a gate. */
  binding: boolean;
  message: string;
};

export type ScoreComponentView = {
  component: ScoreComponent;
  value: number | string | null;
  detail: Record<string, unknown>;
  /** 0..1 before the weight. */
  points: number;
  weight: number;
  /** points × weight: what the component adds to the 0–100 score. */
  contribution: number;
};

export type TierRule = 'lowest_indicator' | 'score';

export type MyTier = {
  view: 'full';
  supplierId: string;
  month: string | null;
  tier: TierBadge;
  computedAt: string | null;
  score: number | null;
  rule: TierRule;
  components: ScoreComponentView[];
  reasons: Requirement[];
  next: { tier: TierBadge; requirements: Requirement[] } | null;
  benefits: TierBenefits;
  history: { month: string; score: number; tier: string }[];
};

export type PublicTier = { view: 'public'; supplierId: string; month: string | null; tier: TierBadge };

export type SupplierTier = PublicTier | MyTier;

export type TierCatalog = {
  rule: TierRule;
  windowMonths: number;
  weights: Record<string, number>;
  tiers: (TierBadge & {
    minScore: number;
    minVerification: string;
    thresholds: Record<string, number>;
    benefits: TierBenefits;
  })[];
};

export type ScoreRun = {
  month: string;
  computedAt: string;
  suppliers: number;
  tiers: Record<string, number>;
  elapsedMs: number;
};

// ── Growth programs ──

export type CriterionCheck = {
  criterion: string;
  met: boolean;
  value: number | string | null;
  required: number | string;
  message: string;
};

export const ENROLLMENT_STATUSES = ['applied', 'active', 'removed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export type Enrollment = {
  id: string;
  programId: string;
  programName: string;
  supplier: { id: string; name: string };
  tier: TierBadge;
  status: EnrollmentStatus;
  criteria: CriterionCheck[];
  appliedAt: string;
  approvedAt: string | null;
  removedAt: string | null;
  removalReason: string | null;
  milestones: { key: string; name: string; achievedAt: string | null }[];
};

export type Program = {
  id: string;
  name: string;
  nameZh: string;
  summary: string;
  /** The criteria as configured: `{ kind, … }` (programs.ts). */
  criteria: Record<string, unknown>[];
  milestones: { key: string; name: string }[];
  /** The milestone that counts as the program's goal. */
  goal: string;
  open: boolean;
  target: { count: number; endsOn: string | null } | null;
  /** For a supplier's member: whether the company meets each criterion now. */
  eligibility?: { eligible: boolean; criteria: CriterionCheck[] };
  /** For a supplier's member: its enrollment, if any. */
  enrollment?: Enrollment | null;
};

export type TargetProgress = {
  achieved: number;
  targetCount: number;
  progress: number;
  startsOn: string | null;
  endsOn: string | null;
  elapsed: number | null;
  expectedByNow: number | null;
  onPace: boolean | null;
  monthsLeft: number | null;
  neededPerMonth: number | null;
};

export type ProgramDashboard = {
  program: { id: string; name: string; nameZh: string; open: boolean };
  enrollments: Record<EnrollmentStatus, number> & { total: number };
  milestones: { key: string; name: string; reached: number }[];
  goal: string;
  tiers: Record<string, number>;
  monthly: { month: string; applications: number; goalReached: number }[];
  target: TargetProgress | null;
};

export type EnrollmentPage = { total: number; page: number; pageSize: number; items: Enrollment[] };

export type ProgramSettingsInput = {
  targetCount?: number | null;
  startsOn?: string | null;
  endsOn?: string | null;
  open?: boolean;
};
