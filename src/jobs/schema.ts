import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The outbox: an event row written in the same transaction as the change it
 * describes, delivered afterwards by the dispatcher to registered handlers.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    id: text().notNull().unique(),
    type: text().notNull(),
    companyId: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    dispatchedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('outbox_events_pending_idx').on(t.seq).where(sql`dispatched_at is null`)],
);
