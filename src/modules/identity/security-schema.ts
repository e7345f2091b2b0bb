import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One failed password sign-in. The lockout counts an email's failures of the
 * last 15 minutes whatever address they came from; the row that reaches the
 * limit carries `lockedUntil`. Rows older than the window are pruned as new
 * failures are written. Not a tenant table: an email is not yet anyone's.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Lower-cased, trimmed: the form better-auth looks users up by. */
    email: text().notNull(),
    failedAt: timestamp({ withTimezone: true }).notNull(),
    ipAddress: text(),
    /** Set on the failure that reached the limit: password sign-in is refused until then. */
    lockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.email, t.failedAt), index().on(t.failedAt)],
);

export const auditActorKinds = ['user', 'api_key', 'system'] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];

/**
 * Privileged actions, append-only: a trigger (migration 0018) refuses UPDATE,
 * DELETE and TRUNCATE, and no route writes to it. Each entry is written in
 * the transaction of the action it records, so neither exists without the
 * other. No foreign keys: an entry must outlive the records it names.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: text().notNull().unique(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorKind: text().$type<AuditActorKind>().notNull(),
    actorUserId: text(),
    actorCompanyId: text(),
    apiKeyId: text(),
    /** `company.verification_changed`, `dispute.decided`, `order.refunded`, `member.role_changed`… */
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text().notNull(),
    /** The company the action concerns (verified, refunded, whose member changed), for filtering. */
    companyId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index().on(t.companyId, t.seq), index().on(t.action, t.seq), index().on(t.actorUserId, t.seq)],
);
