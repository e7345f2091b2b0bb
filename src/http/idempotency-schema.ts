import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Idempotency-Key records for money commands: the first response is stored
 * in the same transaction as the command, so a repeat replays it and moves
 * nothing, and a failure leaves no key behind.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** The company (or user) whose key it is: keys are per caller. */
    scope: text().notNull(),
    key: text().notNull(),
    command: text().notNull(),
    requestHash: text().notNull(),
    responseStatus: integer().notNull(),
    responseBody: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
