import type { TransferKind } from './schema.js';

/** A JSON value: what `userData` may hold (no bigint, no undefined). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * TigerBeetle's transfer flags. `pending`, `postPending` and `voidPending`
 * exclude each other; `linked` ties a transfer to the next one in the batch.
 */
export type TransferFlags = {
  linked?: boolean;
  pending?: boolean;
  postPending?: boolean;
  voidPending?: boolean;
};

/**
 * One transfer to create. For a post or a void, the accounts, currency and
 * amount may be left out: they default to the pending transfer's (a post may
 * name a smaller amount; the rest is released).
 */
export type TransferInput = {
  /** Chosen by the caller and unique forever: the idempotency key, e.g. `txf_…` or `order:ord_1:deposit`. */
  id: string;
  debitAccountId?: string;
  creditAccountId?: string;
  /** Minor units of `currency`, > 0. */
  amount?: bigint;
  currency?: string;
  /** The pending transfer a post or void resolves. */
  pendingId?: string;
  flags?: TransferFlags;
  /** What the money is for, e.g. `order:ord_123:deposit`. */
  reference: string;
  userData?: Json;
};

/** A stored transfer: immutable once written. */
export type Transfer = {
  id: string;
  debitAccountId: string;
  creditAccountId: string;
  amount: bigint;
  currency: string;
  kind: TransferKind;
  linked: boolean;
  pendingId: string | null;
  reference: string;
  userData: Json | null;
  createdAt: Date;
};

/** Why a transfer was not created (TigerBeetle's result names where they exist). */
export const transferFailures = [
  'linked_event_failed',
  'linked_event_chain_open',
  'id_must_not_be_empty',
  'flags_are_mutually_exclusive',
  'exists_with_different_fields',
  'reference_must_not_be_empty',
  'pending_id_must_be_empty',
  'pending_id_must_not_be_empty',
  'pending_id_must_be_different',
  'debit_account_id_must_not_be_empty',
  'credit_account_id_must_not_be_empty',
  'accounts_must_be_different',
  'amount_must_be_positive',
  'currency_must_not_be_empty',
  'debit_account_not_found',
  'credit_account_not_found',
  'accounts_must_have_the_same_currency',
  'transfer_must_have_the_same_currency_as_accounts',
  'pending_transfer_not_found',
  'pending_transfer_not_pending',
  'pending_transfer_has_different_debit_account_id',
  'pending_transfer_has_different_credit_account_id',
  'pending_transfer_has_different_currency',
  'pending_transfer_has_different_amount',
  'exceeds_pending_transfer_amount',
  'pending_transfer_already_posted',
  'pending_transfer_already_voided',
  'overflows_debits',
  'overflows_credits',
  'exceeds_credits',
  'exceeds_debits',
] as const;
export type TransferFailure = (typeof transferFailures)[number];

/**
 * The outcome of one transfer of a batch, in the batch's order. `created`
 * and `exists` (an identical repeat, nothing changed) are successes.
 */
export type TransferResult = {
  index: number;
  id: string;
  result: 'created' | 'exists' | TransferFailure;
};

/** True for `created` and `exists`: the transfer is in the ledger as asked. */
export const succeeded = (r: Pick<TransferResult, 'result'>) =>
  r.result === 'created' || r.result === 'exists';

/** The stored kind a transfer's flags ask for. */
export const kindOf = (flags: TransferFlags = {}): TransferKind =>
  flags.pending
    ? 'pending'
    : flags.postPending
      ? 'post_pending'
      : flags.voidPending
        ? 'void_pending'
        : 'single';

/** Key order does not matter in jsonb, so neither may it in the idempotency comparison. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
