import { z } from 'zod';
import { enrollmentStatuses } from './schema.js';

const Id = z.string().min(1).max(64);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM');
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a calendar date');
const Page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const IdParams = z.strictObject({ id: Id });

export const SupplierTiersQuery = z.strictObject({
  month: Month.optional(),
  tier: z.string().max(40).optional(),
  ...Page,
});

export const EnrollmentsQuery = z.strictObject({ status: z.enum(enrollmentStatuses).optional(), ...Page });

/** Commands without fields: a body, if sent, must be empty. */
export const EmptyBody = z.strictObject({}).nullish();

export const RemoveEnrollmentBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });

export const MilestoneBody = z.strictObject({
  milestone: z.string().min(1).max(64),
  achieved: z.boolean().default(true),
});

export const ProgramSettingsBody = z
  .strictObject({
    targetCount: z.number().int().min(1).max(10_000_000).nullable().optional(),
    startsOn: Day.nullable().optional(),
    endsOn: Day.nullable().optional(),
    open: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Name at least one setting');

const Money = z.object({ amount: z.string(), currency: z.string() });
const TierBadge = z.object({ key: z.string(), name: z.string(), badge: z.string().nullable() });
const Benefits = z.object({ searchBoost: z.number(), monthlyRfqQuota: z.number(), monthlyAdCredit: Money });

export const RequirementSchema = z.object({
  indicator: z.string(),
  value: z.union([z.number(), z.string()]).nullable(),
  required: z.union([z.number(), z.string()]),
  comparison: z.enum(['at_least', 'at_most']),
  met: z.boolean(),
  binding: z.boolean(),
  message: z.string(),
});

const PublicTier = z.object({
  view: z.literal('public'),
  supplierId: z.string(),
  month: z.string().nullable(),
  tier: TierBadge,
});

const FullTier = z.object({
  view: z.literal('full'),
  supplierId: z.string(),
  month: z.string().nullable(),
  tier: TierBadge,
  computedAt: z.string().nullable(),
  score: z.number().nullable(),
  rule: z.enum(['lowest_indicator', 'score']),
  components: z.array(
    z.object({
      component: z.string(),
      value: z.union([z.number(), z.string()]).nullable(),
      detail: z.record(z.string(), z.unknown()),
      points: z.number(),
      weight: z.number(),
      contribution: z.number(),
    }),
  ),
  reasons: z.array(RequirementSchema),
  next: z.object({ tier: TierBadge, requirements: z.array(RequirementSchema) }).nullable(),
  benefits: Benefits,
  history: z.array(z.object({ month: z.string(), score: z.number(), tier: z.string() })),
});

/** `view` says which: the public part (tier and badge) or the full one (the supplier itself, the operator). */
export const SupplierTierSchema = z.discriminatedUnion('view', [PublicTier, FullTier]);
export const MyTierSchema = FullTier;

export const TierCatalogSchema = z.object({
  rule: z.enum(['lowest_indicator', 'score']),
  windowMonths: z.number(),
  weights: z.record(z.string(), z.number()),
  tiers: z.array(
    TierBadge.extend({
      minScore: z.number(),
      minVerification: z.string(),
      thresholds: z.record(z.string(), z.number()),
      benefits: Benefits,
    }),
  ),
});

export const ScoreRunSchema = z.object({
  month: z.string(),
  computedAt: z.string(),
  suppliers: z.number(),
  tiers: z.record(z.string(), z.number()),
  elapsedMs: z.number(),
});

const CriterionCheckSchema = z.object({
  criterion: z.string(),
  met: z.boolean(),
  value: z.union([z.number(), z.string()]).nullable(),
  required: z.union([z.number(), z.string()]),
  message: z.string(),
});

export const EnrollmentSchema = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  supplier: z.object({ id: z.string(), name: z.string() }),
  tier: TierBadge,
  status: z.enum(enrollmentStatuses),
  criteria: z.array(CriterionCheckSchema),
  appliedAt: z.string(),
  approvedAt: z.string().nullable(),
  removedAt: z.string().nullable(),
  removalReason: z.string().nullable(),
  milestones: z.array(z.object({ key: z.string(), name: z.string(), achievedAt: z.string().nullable() })),
});

export const ProgramSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameZh: z.string(),
  summary: z.string(),
  criteria: z.array(z.record(z.string(), z.unknown())),
  milestones: z.array(z.object({ key: z.string(), name: z.string() })),
  goal: z.string(),
  open: z.boolean(),
  target: z.object({ count: z.number(), endsOn: z.string().nullable() }).nullable(),
  /** For a supplier's member: whether the company meets each criterion now. */
  eligibility: z.object({ eligible: z.boolean(), criteria: z.array(CriterionCheckSchema) }).optional(),
  /** For a supplier's member: its enrollment, if any. */
  enrollment: EnrollmentSchema.nullable().optional(),
});
