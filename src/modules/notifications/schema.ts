import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * In-app notifications for a company (all its members see them). Written by
 * outbox handlers, so a notification exists only if the change it announces
 * committed. `kind` + `params` let the web app word it in the reader's language.
 */
export const notifications = pgTable(
  'notifications',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    kind: text().notNull(),
    params: jsonb().$type<Record<string, string | number>>().notNull().default({}),
    /** The web app path it points at, e.g. /rfqs/rfq_…. */
    link: text(),
    /** The outbox event it came from: a redelivered event never notifies twice. */
    sourceEventId: text().notNull(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index().on(t.companyId, t.createdAt),
    index().on(t.companyId, t.sourceEventId, t.kind),
  ],
);
