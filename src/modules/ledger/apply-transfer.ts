// Pure: one transfer checked against the balances it would change. No I/O,
// so every failure reason is unit-testable and the batch planner can try a
// chain on scratch copies and throw them away.

import {
  canonicalJson,
  kindOf,
  type Transfer,
  type TransferFailure,
  type TransferInput,
} from './transfer.js';

export type Balances = {
  debitsPending: bigint;
  debitsPosted: bigint;
  creditsPending: bigint;
  creditsPosted: bigint;
};

/** What a transfer needs to know about an account. */
export type AccountState = Balances & {
  id: string;
  currency: string;
  debitsMustNotExceedCredits: boolean;
  creditsMustNotExceedDebits: boolean;
};

export type Resolution = 'posted' | 'voided';

/** What the ledger holds that one transfer depends on. */
export type TransferFacts = {
  /** The stored transfer with the same id, if there is one. */
  existing?: Transfer;
  /** For a post or void: the transfer `pendingId` names, and whether it was resolved. */
  pending?: Transfer;
  resolution?: Resolution;
  account: (id: string) => AccountState | undefined;
};

export type Applied =
  | { result: 'created'; transfer: Transfer; debit: AccountState; credit: AccountState }
  | { result: 'exists' }
  | { result: TransferFailure };

/** Balances are int8 columns: a sum past this would fail in the database, so it fails here first. */
export const maxAmount = 9_223_372_036_854_775_807n;

const fail = (result: TransferFailure): Applied => ({ result });

const sameFields = (input: TransferInput, stored: Transfer, pending: Transfer | undefined): boolean => {
  const optional = <T>(given: T | undefined, kept: T) => given === undefined || given === kept;
  return (
    kindOf(input.flags) === stored.kind &&
    (input.flags?.linked ?? false) === stored.linked &&
    (input.pendingId ?? null) === stored.pendingId &&
    input.reference === stored.reference &&
    canonicalJson(input.userData) === canonicalJson(stored.userData) &&
    // A post or void may leave these out; then they were the pending transfer's.
    optional(input.debitAccountId, stored.debitAccountId) &&
    optional(input.creditAccountId, stored.creditAccountId) &&
    optional(input.currency, stored.currency) &&
    // A post without an amount posts the whole reservation.
    (input.amount ?? (stored.pendingId !== null ? pending?.amount : undefined)) === stored.amount
  );
};

/**
 * Moves `amount` between the two accounts' columns (`release` leaves the
 * pending columns: a post or void frees the whole reservation) and checks
 * the result: no column past int8, no balance flag broken on the side the
 * transfer makes worse.
 */
const move = (
  debit: AccountState,
  credit: AccountState,
  change: { pending: bigint; posted: bigint; release: bigint },
): { debit: AccountState; credit: AccountState } | TransferFailure => {
  const d = {
    ...debit,
    debitsPending: debit.debitsPending + change.pending - change.release,
    debitsPosted: debit.debitsPosted + change.posted,
  };
  const c = {
    ...credit,
    creditsPending: credit.creditsPending + change.pending - change.release,
    creditsPosted: credit.creditsPosted + change.posted,
  };
  if (d.debitsPending + d.debitsPosted > maxAmount) return 'overflows_debits';
  if (c.creditsPending + c.creditsPosted > maxAmount) return 'overflows_credits';
  // Pending debits count against the limit; pending credits do not count as funds yet.
  if (d.debitsMustNotExceedCredits && d.debitsPending + d.debitsPosted > d.creditsPosted)
    return 'exceeds_credits';
  if (c.creditsMustNotExceedDebits && c.creditsPending + c.creditsPosted > c.debitsPosted)
    return 'exceeds_debits';
  return { debit: d, credit: c };
};

const record = (
  input: TransferInput,
  fields: Omit<Transfer, 'id' | 'kind' | 'linked' | 'reference' | 'userData' | 'createdAt'>,
  now: Date,
): Transfer => ({
  id: input.id,
  kind: kindOf(input.flags),
  linked: input.flags?.linked ?? false,
  reference: input.reference,
  userData: input.userData ?? null,
  createdAt: now,
  ...fields,
});

const applyNew = (input: TransferInput, facts: TransferFacts, now: Date): Applied => {
  if (input.pendingId !== undefined) return fail('pending_id_must_be_empty');
  if (!input.debitAccountId) return fail('debit_account_id_must_not_be_empty');
  if (!input.creditAccountId) return fail('credit_account_id_must_not_be_empty');
  if (input.debitAccountId === input.creditAccountId) return fail('accounts_must_be_different');
  if (input.amount === undefined || input.amount <= 0n) return fail('amount_must_be_positive');
  if (!input.currency) return fail('currency_must_not_be_empty');
  const debit = facts.account(input.debitAccountId);
  if (!debit) return fail('debit_account_not_found');
  const credit = facts.account(input.creditAccountId);
  if (!credit) return fail('credit_account_not_found');
  if (debit.currency !== credit.currency) return fail('accounts_must_have_the_same_currency');
  if (input.currency !== debit.currency) return fail('transfer_must_have_the_same_currency_as_accounts');
  const amount = input.amount;
  const pending = kindOf(input.flags) === 'pending';
  const moved = move(debit, credit, {
    pending: pending ? amount : 0n,
    posted: pending ? 0n : amount,
    release: 0n,
  });
  if (typeof moved === 'string') return fail(moved);
  const transfer = record(
    input,
    {
      debitAccountId: debit.id,
      creditAccountId: credit.id,
      amount,
      currency: debit.currency,
      pendingId: null,
    },
    now,
  );
  return { result: 'created', transfer, ...moved };
};

const applyResolution = (input: TransferInput, facts: TransferFacts, now: Date): Applied => {
  if (!input.pendingId) return fail('pending_id_must_not_be_empty');
  if (input.pendingId === input.id) return fail('pending_id_must_be_different');
  const p = facts.pending;
  if (!p) return fail('pending_transfer_not_found');
  if (p.kind !== 'pending') return fail('pending_transfer_not_pending');
  if (input.debitAccountId !== undefined && input.debitAccountId !== p.debitAccountId)
    return fail('pending_transfer_has_different_debit_account_id');
  if (input.creditAccountId !== undefined && input.creditAccountId !== p.creditAccountId)
    return fail('pending_transfer_has_different_credit_account_id');
  if (input.currency !== undefined && input.currency !== p.currency)
    return fail('pending_transfer_has_different_currency');
  const post = kindOf(input.flags) === 'post_pending';
  if (input.amount !== undefined) {
    if (input.amount <= 0n) return fail('amount_must_be_positive');
    if (post && input.amount > p.amount) return fail('exceeds_pending_transfer_amount');
    if (!post && input.amount !== p.amount) return fail('pending_transfer_has_different_amount');
  }
  if (facts.resolution === 'posted') return fail('pending_transfer_already_posted');
  if (facts.resolution === 'voided') return fail('pending_transfer_already_voided');
  const debit = facts.account(p.debitAccountId);
  if (!debit) return fail('debit_account_not_found');
  const credit = facts.account(p.creditAccountId);
  if (!credit) return fail('credit_account_not_found');
  const amount = post ? (input.amount ?? p.amount) : p.amount;
  const moved = move(debit, credit, { pending: 0n, posted: post ? amount : 0n, release: p.amount });
  if (typeof moved === 'string') return fail(moved);
  const transfer = record(
    input,
    {
      debitAccountId: p.debitAccountId,
      creditAccountId: p.creditAccountId,
      amount,
      currency: p.currency,
      pendingId: p.id,
    },
    now,
  );
  return { result: 'created', transfer, ...moved };
};

/**
 * Checks one transfer against the ledger as `facts` describe it and returns
 * the stored transfer with both accounts' new balances, `exists` for an
 * identical repeat, or the first reason it must fail.
 */
export const applyTransfer = (input: TransferInput, facts: TransferFacts, now: Date): Applied => {
  if (!input.id) return fail('id_must_not_be_empty');
  const phases = [input.flags?.pending, input.flags?.postPending, input.flags?.voidPending];
  if (phases.filter(Boolean).length > 1) return fail('flags_are_mutually_exclusive');
  // Before anything else: a repeat must answer the same however balances moved since.
  if (facts.existing)
    return sameFields(input, facts.existing, facts.pending)
      ? { result: 'exists' }
      : fail('exists_with_different_fields');
  if (!input.reference) return fail('reference_must_not_be_empty');
  const kind = kindOf(input.flags);
  return kind === 'post_pending' || kind === 'void_pending'
    ? applyResolution(input, facts, now)
    : applyNew(input, facts, now);
};
