import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { VerificationLevel } from './schema.js';

/**
 * A company's business licence, as uploaded by its owner or an admin: the
 * file lives on disk under the data dir (never under the uploader's name),
 * this row says where. A newer upload supersedes the older ones; all are kept,
 * since a decided verification request must still show the licence it judged.
 */
export const companyLicences = pgTable(
  'company_licences',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    storagePath: text().notNull(),
    uploadedBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] }), uniqueIndex().on(t.id)],
);

export const verificationRequestStatuses = ['pending', 'approved', 'rejected'] as const;
export type VerificationRequestStatus = (typeof verificationRequestStatuses)[number];

/**
 * A company asks the operator to check its licence. At most one is pending per
 * company (a partial unique index), so the operator's queue never holds the
 * same company twice; an approval records the level granted.
 */
export const verificationRequests = pgTable(
  'verification_requests',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    licenceId: text().notNull(),
    status: text().$type<VerificationRequestStatus>().notNull().default('pending'),
    requestedBy: text().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    decidedBy: text(),
    decidedAt: timestamp({ withTimezone: true }),
    /** The level the operator granted (approved requests only). */
    level: text().$type<VerificationLevel>(),
    /** Why the operator refused (rejected requests only), shown to the company. */
    reason: text(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex().on(t.id),
    uniqueIndex('verification_requests_one_pending').on(t.companyId).where(sql`status = 'pending'`),
    index().on(t.status, t.requestedAt),
  ],
);
