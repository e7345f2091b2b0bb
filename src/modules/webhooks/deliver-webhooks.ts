import { and, asc, eq, lte, or } from 'drizzle-orm';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/client.js';
import { localReceiversAllowed } from './endpoint-url.js';
import { postToReceiver } from './post-to-receiver.js';
import { ReceiverAddressError } from './receiver-address.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from './schema.js';
import { signatureHeader } from './signature.js';

const minute = 60_000;
const hour = 60 * minute;

/** The wait after the nth failed attempt (1-based); the 8th failure is final. */
export const webhookRetryDelaysMs = [
  minute,
  5 * minute,
  30 * minute,
  2 * hour,
  6 * hour,
  12 * hour,
  24 * hour,
];
export const maxWebhookAttempts = webhookRetryDelaysMs.length + 1;
/**
 * A claimed delivery is due again only after the lease, should its sender
 * die before recording the attempt. Longer than a batch can take
 * (limit / concurrency × timeout).
 */
const leaseMs = 2 * minute;
const timeoutMs = 10_000;

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type Claimed = DeliveryRow & { url: string; secret: string };
type Outcome = { startedAt: Date; durationMs: number; statusCode: number | null; error: string | null };

const byKey = (
  rows: { companyId: string; id: string }[],
  table: typeof webhookDeliveries | typeof webhookEndpoints,
) => or(...rows.map((r) => and(eq(table.companyId, r.companyId), eq(table.id, r.id))));

/**
 * Claims up to `limit` due deliveries in one short transaction: locked with
 * SKIP LOCKED (so two servers never claim the same one) and leased by moving
 * them forward. Deliveries of a deactivated endpoint fail here, unsent.
 */
const claimDue = async (db: Db, now: Date, limit: number): Promise<Claimed[]> =>
  db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const endpointKeys = due.map((d) => ({ companyId: d.companyId, id: d.endpointId }));
    const endpoints = await tx.select().from(webhookEndpoints).where(byKey(endpointKeys, webhookEndpoints));
    const active = new Map(endpoints.filter((e) => e.active).map((e) => [e.id, e]));
    const sendable = due.filter((d) => active.has(d.endpointId));
    const orphaned = due.filter((d) => !active.has(d.endpointId));
    if (sendable.length > 0) {
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
        .where(byKey(sendable, webhookDeliveries));
    }
    if (orphaned.length > 0) {
      await tx
        .update(webhookDeliveries)
        .set({ status: 'failed', lastError: 'The endpoint was deactivated' })
        .where(byKey(orphaned, webhookDeliveries));
    }
    return sendable.map((d) => {
      const endpoint = active.get(d.endpointId)!;
      return { ...d, url: endpoint.url, secret: endpoint.secret };
    });
  });

const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `No response within ${timeoutMs / 1000} s`;
  if (error instanceof ReceiverAddressError) return `Refused: ${error.message}`;
  const cause = error.cause as { code?: string; message?: string } | undefined;
  const detail = cause?.code ?? cause?.message;
  return (detail ? `${error.message}: ${detail}` : error.message).slice(0, 500);
};

/** One signed POST to a public address; network I/O only, no transaction open. Redirects are not followed. */
const send = async (delivery: Claimed, now: Clock): Promise<Outcome> => {
  const body = JSON.stringify(delivery.payload);
  const startedAt = now();
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await postToReceiver(delivery.url, {
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tradelane-Webhooks/1',
        'tradelane-event': delivery.eventType,
        'tradelane-delivery': delivery.id,
        'tradelane-signature': signatureHeader(delivery.secret, startedAt, body),
      },
      body,
      timeoutMs,
      allowLoopback: localReceiversAllowed(),
    });
  } catch (caught) {
    error = describeError(caught);
  }
  return { startedAt, durationMs: Math.round(performance.now() - started), statusCode, error };
};

/**
 * Records an attempt and the delivery's next state: succeeded on a 2xx,
 * failed after the last attempt, else pending after the next backoff. It is
 * written only if the delivery is still as claimed (pending, same attempt
 * count), so a sender whose lease ran out cannot record over another's.
 */
const record = async (db: Db, delivery: Claimed, outcome: Outcome, at: Date) =>
  db.transaction(async (tx) => {
    const attempt = delivery.attempts + 1;
    const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const status = ok ? 'succeeded' : attempt >= maxWebhookAttempts ? 'failed' : 'pending';
    const delay = status === 'pending' ? webhookRetryDelaysMs[attempt - 1]! : 0;
    const updated = await tx
      .update(webhookDeliveries)
      .set({
        status,
        attempts: attempt,
        nextAttemptAt: new Date(at.getTime() + delay),
        lastStatusCode: outcome.statusCode,
        lastError: ok ? null : (outcome.error ?? `HTTP ${outcome.statusCode}`),
        deliveredAt: ok ? at : null,
      })
      .where(
        and(
          eq(webhookDeliveries.companyId, delivery.companyId),
          eq(webhookDeliveries.id, delivery.id),
          eq(webhookDeliveries.status, 'pending'),
          eq(webhookDeliveries.attempts, delivery.attempts),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    if (updated.length === 0) return false;
    await tx
      .insert(webhookAttempts)
      .values({ deliveryId: delivery.id, attempt, ...outcome })
      .onConflictDoNothing();
    return ok;
  });

/**
 * Sends every due webhook delivery (up to `limit`, `concurrency` at a
 * time): claim in one short transaction, POST outside any transaction,
 * record each outcome in its own. Returns how many were attempted and how
 * many succeeded.
 */
export const deliverDueWebhooks = async (
  db: Db,
  now: Clock,
  { limit = 50, concurrency = 8 }: { limit?: number; concurrency?: number } = {},
): Promise<{ attempted: number; succeeded: number }> => {
  const claimed = await claimDue(db, now(), limit);
  let succeeded = 0;
  for (let i = 0; i < claimed.length; i += concurrency) {
    const results = await Promise.all(
      claimed.slice(i, i + concurrency).map(async (delivery) => {
        const outcome = await send(delivery, now);
        return record(db, delivery, outcome, now());
      }),
    );
    succeeded += results.filter(Boolean).length;
  }
  return { attempted: claimed.length, succeeded };
};
