import { and, asc, count, eq, sql } from 'drizzle-orm';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { type CreateWebhookInput, maxWebhookEndpoints, type WebhookEndpointView } from './api.js';
import { localReceiversAllowed } from './endpoint-url.js';
import { webhookPolicy } from './policy.js';
import { receiverHostProblem } from './receiver-address.js';
import { webhookEndpoints } from './schema.js';
import { newWebhookSecret } from './signature.js';

type EndpointRow = typeof webhookEndpoints.$inferSelect;

const toView = (row: EndpointRow): WebhookEndpointView => ({
  id: row.id,
  url: row.url,
  events: row.events,
  description: row.description,
  active: row.active,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const findEndpoint = async (db: Db, companyId: string, id: string) => {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.companyId, companyId), eq(webhookEndpoints.id, id)));
  return row;
};

/**
 * Registers an endpoint for the actor's company and returns it with its
 * signing secret, the only time the secret is shown. Its host must resolve
 * to public addresses only (or not yet resolve). The company's
 * endpoints are counted under a per-company lock, so concurrent requests
 * never pass the limit together.
 */
export const createWebhookEndpoint = async (ctx: Ctx, input: CreateWebhookInput) => {
  webhookPolicy.assertAdmin(ctx.actor);
  // Resolved outside the transaction: a slow DNS answer must not hold a connection.
  const hostProblem = await receiverHostProblem(input.url, localReceiversAllowed());
  if (hostProblem) {
    throw new AppError('VALIDATION_FAILED', `The URL must point at a public address: ${hostProblem}`, {
      field: 'url',
    });
  }
  return inTransaction(ctx, async (tx) => {
    const member = webhookPolicy.assertAdmin(tx.actor);
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`webhooks:${member.companyId}`}))`);
    const [active] = await tx.db
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.companyId, member.companyId), eq(webhookEndpoints.active, true)));
    if (Number(active?.n ?? 0) >= maxWebhookEndpoints) {
      throw new AppError(
        'LIMIT_REACHED',
        `A company may have at most ${maxWebhookEndpoints} webhook endpoints; delete one first`,
        { limit: maxWebhookEndpoints },
      );
    }
    const at = tx.now();
    const [row] = await tx.db
      .insert(webhookEndpoints)
      .values({
        companyId: member.companyId,
        id: newId('whk', at),
        url: input.url,
        secret: newWebhookSecret(),
        events: input.events,
        description: input.description,
        createdBy: member.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    return { ...toView(row!), secret: row!.secret };
  });
};

/** The company's endpoints, active and deactivated, oldest first; without their secrets. */
export const listWebhookEndpoints = async (ctx: Ctx) => {
  const member = webhookPolicy.assertAdmin(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.companyId, member.companyId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  return { items: rows.map(toView) };
};

export const getWebhookEndpoint = async (ctx: Ctx, input: { id: string }) => {
  const member = webhookPolicy.assertAdmin(ctx.actor);
  const row = await findEndpoint(ctx.db, member.companyId, input.id);
  return toView(webhookPolicy.assertOwns(member, row, 'Webhook endpoint', input.id));
};

/**
 * Deactivates an endpoint: nothing more is enqueued for it and its pending
 * deliveries are not sent, but its delivery log stays readable.
 */
export const deactivateWebhookEndpoint = async (ctx: Ctx, input: { id: string }) => {
  const member = webhookPolicy.assertAdmin(ctx.actor);
  const [row] = await ctx.db
    .update(webhookEndpoints)
    .set({ active: false, updatedAt: ctx.now() })
    .where(and(eq(webhookEndpoints.companyId, member.companyId), eq(webhookEndpoints.id, input.id)))
    .returning();
  return toView(webhookPolicy.assertOwns(member, row, 'Webhook endpoint', input.id));
};

/** A new signing secret, effective for every delivery sent from now on (pending ones included). */
export const rotateWebhookSecret = async (ctx: Ctx, input: { id: string }) => {
  const member = webhookPolicy.assertAdmin(ctx.actor);
  const [row] = await ctx.db
    .update(webhookEndpoints)
    .set({ secret: newWebhookSecret(), updatedAt: ctx.now() })
    .where(and(eq(webhookEndpoints.companyId, member.companyId), eq(webhookEndpoints.id, input.id)))
    .returning();
  const endpoint = webhookPolicy.assertOwns(member, row, 'Webhook endpoint', input.id);
  return { ...toView(endpoint), secret: endpoint.secret };
};
