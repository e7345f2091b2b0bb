import { and, arrayOverlaps, eq, inArray } from 'drizzle-orm';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import type { OutboxEvent } from '../../jobs/outbox.js';
import { audienceOf, patternsMatching } from './events.js';
import { type WebhookPayload, webhookDeliveries, webhookEndpoints } from './schema.js';

/**
 * An outbox handler: one pending delivery per active endpoint, of any
 * company the event concerns, that subscribes to its type. It runs in the
 * dispatcher's transaction and sends nothing; an event dispatched twice is
 * enqueued once per endpoint (unique endpoint + event).
 */
export const enqueueWebhookDeliveries = async (event: OutboxEvent, db: Db): Promise<void> => {
  const audience = audienceOf(event);
  if (audience.length === 0) return;
  const endpoints = await db
    .select({ companyId: webhookEndpoints.companyId, id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        inArray(webhookEndpoints.companyId, audience),
        eq(webhookEndpoints.active, true),
        arrayOverlaps(webhookEndpoints.events, patternsMatching(event.type)),
      ),
    );
  if (endpoints.length === 0) return;
  const payload: WebhookPayload = {
    id: event.id,
    type: event.type,
    createdAt: event.createdAt.toISOString(),
    data: event.payload,
  };
  await db
    .insert(webhookDeliveries)
    .values(
      endpoints.map((endpoint) => ({
        companyId: endpoint.companyId,
        id: newId('whd', event.createdAt),
        endpointId: endpoint.id,
        eventId: event.id,
        eventType: event.type,
        payload,
        status: 'pending' as const,
        nextAttemptAt: event.createdAt,
        createdAt: event.createdAt,
      })),
    )
    .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId] });
};
