/**
 * The double-entry ledger, TigerBeetle-style, in integer minor units: the
 * money core that orders and payments build on.
 *
 * - **Accounts** (`openAccount`) carry four balance columns (debits and
 *   credits, pending and posted) and at most one balance flag. An account is
 *   known by a stable `code` such as `escrow:ord_123:USD`.
 * - **Transfers** (`createTransfers`) are immutable rows with a caller-chosen
 *   id, the idempotency key: an identical repeat answers `exists` and changes
 *   nothing. A transfer debits one account and credits another of the same
 *   currency, so Σ debits = Σ credits per currency always holds.
 * - **Two-phase**: a `pending` transfer reserves the amount; one later
 *   `postPending` (all of it, or less, releasing the rest) or `voidPending`
 *   resolves it, exactly once.
 * - **Linked chains**: transfers flagged `linked` succeed or fail with the
 *   next one, all or nothing.
 * - **Failures are results, not exceptions**: `createTransfers` returns a
 *   result per transfer and writes nothing of a failed chain;
 *   `requireTransfers` throws an AppError instead, for use cases that must
 *   move money or fail.
 * - **Invariants** are checked from scratch by `verifyLedger` (and
 *   `tradelane ledger verify`).
 *
 * Transactions: `createTransfers` runs in its own transaction, or in a
 * savepoint of the caller's (pass the `ctx` of `inTransaction` to commit the
 * money with the order's state change). It locks the accounts it touches in
 * id order (PostgreSQL, READ COMMITTED); PGlite runs one transaction at a
 * time anyway.
 *
 * The ledger knows no actors: the modules calling it decide who may move or
 * see which account. Amounts are `bigint` minor units; never a float.
 *
 * @example An order's deposit held in escrow, later released to the supplier less the fee.
 * ```ts
 * const escrow = await openAccount(ctx, { code: accountCode('escrow', order.id, 'USD'), kind: 'escrow', currency: 'USD' });
 * await requireTransfers(ctx, [
 *   { id: `${order.id}:deposit`, debitAccountId: clearing.id, creditAccountId: escrow.id,
 *     amount: 125_000n, currency: 'USD', reference: `order:${order.id}:deposit` },
 * ]);
 * // All or nothing: the supplier's share and the fee leave escrow together.
 * await requireTransfers(ctx, [
 *   { id: `${order.id}:release`, debitAccountId: escrow.id, creditAccountId: payable.id,
 *     amount: 121_250n, currency: 'USD', reference: `order:${order.id}:release`, flags: { linked: true } },
 *   { id: `${order.id}:fee`, debitAccountId: escrow.id, creditAccountId: fees.id,
 *     amount: 3_750n, currency: 'USD', reference: `order:${order.id}:fee` },
 * ]);
 * ```
 *
 * @module
 */

export {
  type AccountBalance,
  type AccountFlags,
  accountBalance,
  accountCode,
  balanceOf,
  defaultFlags,
  getAccount,
  getAccountByCode,
  getAccountsByCode,
  type LedgerAccount,
  normalSide,
  type OpenAccountInput,
  openAccount,
} from './accounts.js';
export { type AccountState, applyTransfer, type Balances, maxAmount } from './apply-transfer.js';
export { chart } from './chart.js';
export {
  createTransfers,
  type LedgerCtx,
  maxBatchSize,
  requireTransfers,
} from './create-transfers.js';
export {
  getTransfer,
  listTransfers,
  type TransferPage,
} from './list-transfers.js';
// The tables stay private: every write goes through createTransfers.
export { type AccountKind, accountKinds, type TransferKind, transferKinds } from './schema.js';
export {
  canonicalJson,
  type Json,
  succeeded,
  type Transfer,
  type TransferFailure,
  type TransferFlags,
  type TransferInput,
  type TransferResult,
  transferFailures,
} from './transfer.js';
export {
  type CurrencyTotals,
  type LedgerReport,
  type LedgerViolation,
  verifyLedger,
} from './verify-ledger.js';
