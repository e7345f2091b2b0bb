import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import type { WebhookDeliveryView } from './api.js';
import { findEndpoint } from './endpoints.js';
import { webhookPolicy } from './policy.js';
import { webhookAttempts, webhookDeliveries } from './schema.js';

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type AttemptRow = typeof webhookAttempts.$inferSelect;

const toView = (row: DeliveryRow, attempts: AttemptRow[]): WebhookDeliveryView => ({
  id: row.id,
  endpointId: row.endpointId,
  eventId: row.eventId,
  eventType: row.eventType,
  status: row.status,
  payload: row.payload,
  nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
  lastStatusCode: row.lastStatusCode,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  deliveredAt: row.deliveredAt?.toISOString() ?? null,
  attempts: attempts.map((a) => ({
    attempt: a.attempt,
    startedAt: a.startedAt.toISOString(),
    durationMs: a.durationMs,
    statusCode: a.statusCode,
    error: a.error,
  })),
});

const withAttempts = async (ctx: Ctx, rows: DeliveryRow[]) => {
  if (rows.length === 0) return [];
  const attempts = await ctx.db
    .select()
    .from(webhookAttempts)
    .where(
      inArray(
        webhookAttempts.deliveryId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(webhookAttempts.deliveryId), asc(webhookAttempts.attempt));
  return rows.map((row) =>
    toView(
      row,
      attempts.filter((a) => a.deliveryId === row.id),
    ),
  );
};

/** An endpoint's deliveries, newest first, each with every attempt made. */
export const listWebhookDeliveries = async (ctx: Ctx, input: { endpointId: string; limit: number }) => {
  const member = webhookPolicy.assertAdmin(ctx.actor);
  const endpoint = await findEndpoint(ctx.db, member.companyId, input.endpointId);
  webhookPolicy.assertOwns(member, endpoint, 'Webhook endpoint', input.endpointId);
  const rows = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.companyId, member.companyId),
        eq(webhookDeliveries.endpointId, input.endpointId),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(input.limit);
  return { items: await withAttempts(ctx, rows) };
};

/**
 * Sends a failed delivery again: it is pending and due now, for one more
 * attempt (it fails again at once if that attempt fails too). Only a failed
 * delivery of an active endpoint can be retried.
 */
export const retryWebhookDelivery = async (ctx: Ctx, input: { deliveryId: string }) => {
  const member = webhookPolicy.assertAdmin(ctx.actor);
  const mine = and(
    eq(webhookDeliveries.companyId, member.companyId),
    eq(webhookDeliveries.id, input.deliveryId),
  );
  const [found] = await ctx.db.select().from(webhookDeliveries).where(mine);
  const delivery = webhookPolicy.assertOwns(member, found, 'Webhook delivery', input.deliveryId);
  const endpoint = await findEndpoint(ctx.db, member.companyId, delivery.endpointId);
  if (!endpoint) throw notFound('Webhook delivery', input.deliveryId);
  if (!endpoint.active) {
    throw new AppError('CONFLICT', `Webhook endpoint ${endpoint.id} is deactivated`, {
      endpointId: endpoint.id,
    });
  }
  const [updated] = await ctx.db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: ctx.now() })
    .where(and(mine, eq(webhookDeliveries.status, 'failed')))
    .returning();
  if (!updated) {
    throw new AppError('CONFLICT', `Only a failed delivery can be retried; this one is ${delivery.status}`, {
      id: delivery.id,
      status: delivery.status,
    });
  }
  return (await withAttempts(ctx, [updated]))[0]!;
};
