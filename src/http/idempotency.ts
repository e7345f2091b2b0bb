import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Ctx, inTransaction } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { canonicalJson } from '../modules/ledger/index.js';
import { idempotencyKeys } from './idempotency-schema.js';

const keyPattern = /^[\x21-\x7e]{8,255}$/;

/** The header as the routes document it; `idempotent` itself checks it, with the clearer message. */
export const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional() }).passthrough();

const scopeOf = (ctx: Ctx) =>
  'companyId' in ctx.actor
    ? `co:${ctx.actor.companyId}`
    : 'userId' in ctx.actor
      ? `usr:${ctx.actor.userId}`
      : null;

/**
 * Runs a money command at most once per Idempotency-Key (Stripe's rules):
 * the key is claimed, the command run and its response stored in one
 * transaction, so
 * - a repeat with the same body replays the first response and moves nothing
 *   (header `idempotent-replayed: true`);
 * - the same key with another body (or on another command) is refused;
 * - a command that fails leaves no key behind, so it can be retried;
 * - two concurrent requests with one key: the second waits on the first's
 *   row and then replays it.
 * Keys are per company (or per user without one).
 */
export const idempotent = async <T>(
  request: FastifyRequest,
  reply: FastifyReply,
  command: string,
  run: (ctx: Ctx) => Promise<T>,
  /** What identifies the request when the JSON body does not (an uploaded file's hash). */
  fingerprint?: string,
): Promise<T> => {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !keyPattern.test(key))
    throw new AppError(
      'VALIDATION_FAILED',
      'Money commands need an Idempotency-Key header: 8–255 printable characters, unique per intended operation (a UUID works)',
      { header: 'Idempotency-Key' },
    );
  const scope = scopeOf(request.ctx);
  // Anonymous callers are refused by the command itself, with the right status.
  if (!scope) return run(request.ctx);
  const requestHash = createHash('sha256')
    .update(`${command}\n${request.url}\n${fingerprint ?? canonicalJson(request.body ?? null)}`)
    .digest('hex');
  const outcome = await inTransaction(request.ctx, async (tx) => {
    const claimed = await tx.db
      .insert(idempotencyKeys)
      .values({
        scope,
        key,
        command,
        requestHash,
        responseStatus: 0,
        responseBody: {},
        createdAt: tx.now(),
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [first] = await tx.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      if (!first || first.requestHash !== requestHash)
        throw new AppError('CONFLICT', 'This Idempotency-Key was already used for a different request', {
          header: 'Idempotency-Key',
        });
      return { replayed: true as const, status: first.responseStatus, body: first.responseBody as T };
    }
    const body = await run(tx);
    const status = reply.statusCode;
    await tx.db
      .update(idempotencyKeys)
      .set({ responseStatus: status, responseBody: body as object })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    return { replayed: false as const, status, body };
  });
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  reply.status(outcome.status);
  return outcome.body;
};

/**
 * `idempotent` for commands that clients already send without a key (placing
 * an order, booking freight): with an Idempotency-Key they get every rule
 * above (a retry replays, another body is refused, concurrent duplicates have
 * one effect); without one they run once, as before keys were offered.
 */
export const idempotentWhenKeyed = <T>(
  request: FastifyRequest,
  reply: FastifyReply,
  command: string,
  run: (ctx: Ctx) => Promise<T>,
): Promise<T> =>
  request.headers['idempotency-key'] === undefined
    ? run(request.ctx)
    : idempotent(request, reply, command, run);
