import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * A company's subscription: outbox events whose type matches one of `events`
 * (`order.*` or `payment.received`) are POSTed to `url`, signed with `secret`.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    url: text().notNull(),
    /** `whsec_` + 32 random bytes base64url; kept readable because every delivery is signed with it. */
    secret: text().notNull(),
    events: text().array().notNull(),
    description: text().notNull().default(''),
    /** Deleting an endpoint deactivates it: its delivery history stays readable. */
    active: boolean().notNull().default(true),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] })],
);

export const webhookDeliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** The JSON body of a delivery: what is sent and signed. */
export type WebhookPayload = {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
};

/** One outbox event for one endpoint; retried until it succeeds or runs out of attempts. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    endpointId: text().notNull(),
    /** The outbox event id: the same event is enqueued once per endpoint however often it is dispatched. */
    eventId: text().notNull(),
    eventType: text().notNull(),
    payload: jsonb().$type<WebhookPayload>().notNull(),
    status: text().$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    /** When a pending delivery is next due; a sender's claim pushes it forward by a lease. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    lastStatusCode: integer(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex().on(t.endpointId, t.eventId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index().on(t.companyId, t.endpointId, t.createdAt),
  ],
);

/** Every HTTP attempt of a delivery, kept for the subscriber's delivery log. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    deliveryId: text().notNull(),
    attempt: integer().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    durationMs: integer().notNull(),
    statusCode: integer(),
    error: text(),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);
