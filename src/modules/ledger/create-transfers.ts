import type { Ctx } from '../../core/context.js';
import { AppError, type ErrorCode } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { lockAndLoad, writeBatch } from './ledger-store.js';
import { planBatch } from './plan-batch.js';
import { succeeded, type TransferFailure, type TransferInput, type TransferResult } from './transfer.js';

/** What the ledger's commands need from a use-case context; a `Ctx` will do. */
export type LedgerCtx = Pick<Ctx, 'db' | 'now'>;

/** Bounds one transaction: the accounts it holds locked and the size of its two statements. */
export const maxBatchSize = 1000;

// A unique violation means another batch took the same transfer id on
// accounts this one did not lock (so nothing ordered the two); a retry reads
// the winner and answers `exists` or `exists_with_different_fields`. Account
// locks are taken in id order and cannot deadlock, but two batches inserting
// the same new ids in opposite orders can.
const retryable = new Set(['23505', '40P01', '40001']);
const attempts = 5;

const sqlState = (error: unknown): string | undefined => {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
};

const applyBatch = async (db: Db, inputs: readonly TransferInput[], now: Date) => {
  const accountIds = new Set<string>();
  const pendingIds = new Set<string>();
  for (const t of inputs) {
    if (t.debitAccountId) accountIds.add(t.debitAccountId);
    if (t.creditAccountId) accountIds.add(t.creditAccountId);
    if (t.pendingId) pendingIds.add(t.pendingId);
  }
  const snapshot = await lockAndLoad(db, {
    accountIds: [...accountIds].sort(),
    transferIds: [...new Set(inputs.map((t) => t.id))],
    pendingIds: [...pendingIds],
  });
  const plan = planBatch(inputs, snapshot, now);
  await writeBatch(db, plan);
  return plan.results;
};

/**
 * Applies a batch of transfers in one database transaction (a savepoint when
 * `ctx.db` is already a transaction) and returns one result per transfer.
 * Business failures are results, never exceptions: independent transfers of
 * a batch succeed or fail one by one, a linked chain as a whole, and nothing
 * of a failed chain is written. Only a batch larger than `maxBatchSize` or a
 * database failure throws.
 */
export const createTransfers = async (
  ctx: LedgerCtx,
  inputs: readonly TransferInput[],
): Promise<TransferResult[]> => {
  if (inputs.length === 0) return [];
  if (inputs.length > maxBatchSize)
    throw new AppError('VALIDATION_FAILED', `A batch holds at most ${maxBatchSize} transfers`, {
      size: inputs.length,
    });
  const now = ctx.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction((tx) => applyBatch(tx as unknown as Db, inputs, now));
    } catch (error) {
      if (attempt >= attempts || !retryable.has(sqlState(error) ?? '')) throw error;
    }
  }
};

const codeFor = (failure: TransferFailure): ErrorCode => {
  if (failure === 'exceeds_credits' || failure === 'exceeds_debits') return 'INSUFFICIENT_FUNDS';
  if (failure.endsWith('_not_found')) return 'NOT_FOUND';
  if (failure.startsWith('pending_transfer_already_') || failure === 'exists_with_different_fields')
    return 'CONFLICT';
  return 'VALIDATION_FAILED';
};

/**
 * `createTransfers` for use cases that must move money or fail: throws an
 * AppError (`INSUFFICIENT_FUNDS`, `CONFLICT`, `NOT_FOUND` or
 * `VALIDATION_FAILED`, with every failed result in `details`) unless every
 * transfer was created or already existed. Call it inside the use case's
 * transaction (or with one linked chain) so the throw undoes everything.
 */
export const requireTransfers = async (
  ctx: LedgerCtx,
  inputs: readonly TransferInput[],
): Promise<TransferResult[]> => {
  const results = await createTransfers(ctx, inputs);
  const failed = results.filter((r) => !succeeded(r));
  if (failed.length === 0) return results;
  const cause = (failed.find((r) => r.result !== 'linked_event_failed') ?? failed[0]!)
    .result as TransferFailure;
  throw new AppError(codeFor(cause), `Transfer refused: ${cause}`, { failures: failed });
};
