import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { VerificationLevel } from '../identity/index.js';

/**
 * A supplier's score for one month, every component as measured, and the
 * tier it decided: the history the supplier and the operator read. The
 * latest month is the tier in force. Recomputing a month replaces its row.
 */
export const supplierScores = pgTable(
  'supplier_scores',
  {
    companyId: text().notNull(),
    /** YYYY-MM (UTC) of `computedAt`. */
    month: text().notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull(),
    industry: text(),
    gmvUsd: bigint({ mode: 'bigint' }).notNull(),
    gmvPercentile: doublePrecision().notNull(),
    paidOrders: integer().notNull(),
    responseRate: doublePrecision(),
    inquiriesCounted: integer().notNull(),
    onTimeRate: doublePrecision(),
    shipmentsCounted: integer().notNull(),
    disputeRate: doublePrecision(),
    disputes: integer().notNull(),
    buyerRating: doublePrecision(),
    ratingsCounted: integer().notNull(),
    verificationLevel: text().$type<VerificationLevel>().notNull(),
    yearsOnPlatform: doublePrecision().notNull(),
    /** Each component's points (0..1) before its weight. */
    points: jsonb().$type<Record<string, number>>().notNull(),
    score: doublePrecision().notNull(),
    tier: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.month] }), index().on(t.month, t.tier)],
);

export const enrollmentStatuses = ['applied', 'active', 'removed'] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];

/** One criterion as checked when the supplier applied. */
export type CriterionCheck = {
  criterion: string;
  met: boolean;
  value: number | string | null;
  required: number | string;
  message: string;
};

/** A supplier in a growth program: applied, approved by the operator, or removed (it may apply again). */
export const programEnrollments = pgTable(
  'program_enrollments',
  {
    /** The supplier. */
    companyId: text().notNull(),
    id: text().notNull(),
    programId: text().notNull(),
    status: text().$type<EnrollmentStatus>().notNull(),
    /** The criteria as they stood at the (latest) application. */
    criteria: jsonb().$type<CriterionCheck[]>().notNull(),
    appliedAt: timestamp({ withTimezone: true }).notNull(),
    appliedBy: text().notNull(),
    approvedAt: timestamp({ withTimezone: true }),
    approvedBy: text(),
    removedAt: timestamp({ withTimezone: true }),
    removedBy: text(),
    removalReason: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex().on(t.id),
    uniqueIndex().on(t.programId, t.companyId),
    index().on(t.programId, t.status),
  ],
);

/** A milestone an enrolled supplier reached, as the operator marked it. */
export const programMilestones = pgTable(
  'program_milestones',
  {
    companyId: text().notNull(),
    enrollmentId: text().notNull(),
    programId: text().notNull(),
    milestone: text().notNull(),
    achievedAt: timestamp({ withTimezone: true }).notNull(),
    markedBy: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.enrollmentId, t.milestone] }),
    index().on(t.programId, t.milestone, t.achievedAt),
  ],
);

/**
 * The operator's settings of a program (platform data, not a tenant's): its
 * target and period, and whether it takes applications. Absent, the
 * program's defaults apply and its period starts with its first application.
 */
export const programSettings = pgTable('program_settings', {
  programId: text().primaryKey(),
  targetCount: integer(),
  startsOn: date(),
  endsOn: date(),
  open: boolean().notNull().default(true),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  updatedBy: text(),
});
