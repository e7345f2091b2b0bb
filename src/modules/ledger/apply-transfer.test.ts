import { afterAll, describe, expect, it } from 'vitest';
import { type AccountState, applyTransfer, maxAmount, type Resolution } from './apply-transfer.js';
import { planBatch } from './plan-batch.js';
import { type Transfer, type TransferFailure, type TransferInput, transferFailures } from './transfer.js';

const now = new Date('2026-11-02T08:00:00Z');

const account = (id: string, currency: string, flags: Partial<AccountState> = {}): AccountState => ({
  id,
  currency,
  debitsPending: 0n,
  debitsPosted: 0n,
  creditsPending: 0n,
  creditsPosted: 0n,
  debitsMustNotExceedCredits: false,
  creditsMustNotExceedDebits: false,
  ...flags,
});

// bank (unbounded) → escrow (never below zero), plus a floor account and one in another currency.
const accounts = new Map(
  [
    account('bank', 'USD'),
    account('escrow', 'USD', { debitsMustNotExceedCredits: true, creditsPosted: 100n }),
    account('capped', 'USD', { creditsMustNotExceedDebits: true, debitsPosted: 50n }),
    account('eur', 'EUR'),
    account('huge', 'USD', { debitsPosted: maxAmount - 5n }),
    account('hugeCredits', 'USD', { creditsPosted: maxAmount - 5n }),
  ].map((a) => [a.id, a]),
);

const hold: Transfer = {
  id: 'hold',
  debitAccountId: 'escrow',
  creditAccountId: 'bank',
  amount: 40n,
  currency: 'USD',
  kind: 'pending',
  linked: false,
  pendingId: null,
  reference: 'test:hold',
  userData: null,
  createdAt: now,
};
const single: Transfer = { ...hold, id: 'single', kind: 'single', userData: { a: 1, b: [2] } };

const apply = (input: Partial<TransferInput>, facts: { existing?: Transfer; resolution?: Resolution } = {}) =>
  applyTransfer(
    { id: 't1', reference: 'test:t1', ...input },
    {
      ...facts,
      pending: input.pendingId === 'hold' ? hold : input.pendingId === 'single' ? single : undefined,
      account: (id) => accounts.get(id),
    },
    now,
  ).result;

const move = { debitAccountId: 'bank', creditAccountId: 'escrow', amount: 10n, currency: 'USD' };
const post = { pendingId: 'hold', flags: { postPending: true } };
const voidIt = { pendingId: 'hold', flags: { voidPending: true } };

const seen = new Set<string>();
const expectResult = (actual: string, expected: TransferFailure | 'created' | 'exists') => {
  seen.add(actual);
  expect(actual).toBe(expected);
};

// Every failure reason has a case in this file.
afterAll(() => {
  expect(transferFailures.filter((f) => !seen.has(f))).toEqual([]);
});

describe('applyTransfer', () => {
  it('creates a posted or pending transfer that fits', () => {
    expectResult(apply(move), 'created');
    expectResult(apply({ ...move, flags: { pending: true } }), 'created');
    expectResult(
      apply({ ...move, debitAccountId: 'escrow', creditAccountId: 'bank', amount: 100n }),
      'created',
    );
  });

  it('refuses a malformed transfer', () => {
    expectResult(apply({ ...move, id: '' }), 'id_must_not_be_empty');
    expectResult(
      apply({ ...move, flags: { pending: true, voidPending: true } }),
      'flags_are_mutually_exclusive',
    );
    expectResult(apply({ ...move, reference: '' }), 'reference_must_not_be_empty');
    expectResult(apply({ ...move, pendingId: 'hold' }), 'pending_id_must_be_empty');
    expectResult(apply({ ...move, debitAccountId: undefined }), 'debit_account_id_must_not_be_empty');
    expectResult(apply({ ...move, creditAccountId: '' }), 'credit_account_id_must_not_be_empty');
    expectResult(apply({ ...move, creditAccountId: 'bank' }), 'accounts_must_be_different');
    expectResult(apply({ ...move, amount: 0n }), 'amount_must_be_positive');
    expect(apply({ ...move, amount: -5n })).toBe('amount_must_be_positive');
    expect(apply({ ...move, amount: undefined })).toBe('amount_must_be_positive');
    expectResult(apply({ ...move, currency: undefined }), 'currency_must_not_be_empty');
  });

  it('refuses unknown accounts and mixed currencies', () => {
    expectResult(apply({ ...move, debitAccountId: 'nope' }), 'debit_account_not_found');
    expectResult(apply({ ...move, creditAccountId: 'nope' }), 'credit_account_not_found');
    expectResult(apply({ ...move, creditAccountId: 'eur' }), 'accounts_must_have_the_same_currency');
    expectResult(apply({ ...move, currency: 'EUR' }), 'transfer_must_have_the_same_currency_as_accounts');
  });

  it('keeps balance flags against pending and posted amounts', () => {
    // escrow holds 100 credited: 101 out (or a 101 reservation) would take it below zero.
    const out = { ...move, debitAccountId: 'escrow', creditAccountId: 'bank', amount: 101n };
    expectResult(apply(out), 'exceeds_credits');
    expect(apply({ ...out, flags: { pending: true } })).toBe('exceeds_credits');
    // capped has 50 debited: credits may not exceed that.
    expectResult(apply({ ...move, creditAccountId: 'capped', amount: 51n }), 'exceeds_debits');
    expect(apply({ ...move, creditAccountId: 'capped', amount: 50n })).toBe('created');
  });

  it('refuses a column past int8', () => {
    expectResult(apply({ ...move, debitAccountId: 'huge', amount: 6n }), 'overflows_debits');
    expect(apply({ ...move, debitAccountId: 'huge', amount: 5n })).toBe('created');
    expectResult(
      apply({ ...move, creditAccountId: 'bank', debitAccountId: 'escrow', amount: maxAmount }),
      'exceeds_credits',
    );
    expectResult(apply({ ...move, creditAccountId: 'hugeCredits', amount: 6n }), 'overflows_credits');
  });

  it('posts or voids a pending transfer once, within its amount and accounts', () => {
    expectResult(apply(post), 'created');
    expect(apply({ ...post, amount: 40n })).toBe('created');
    expect(apply(voidIt)).toBe('created');
    expectResult(apply({ ...post, pendingId: undefined }), 'pending_id_must_not_be_empty');
    expectResult(apply({ ...post, id: 'hold' }), 'pending_id_must_be_different');
    expectResult(apply({ ...post, pendingId: 'gone' }), 'pending_transfer_not_found');
    expectResult(apply({ ...post, pendingId: 'single' }), 'pending_transfer_not_pending');
    expectResult(
      apply({ ...post, debitAccountId: 'bank' }),
      'pending_transfer_has_different_debit_account_id',
    );
    expectResult(
      apply({ ...post, creditAccountId: 'escrow' }),
      'pending_transfer_has_different_credit_account_id',
    );
    expectResult(apply({ ...post, currency: 'EUR' }), 'pending_transfer_has_different_currency');
    expectResult(apply({ ...post, amount: 41n }), 'exceeds_pending_transfer_amount');
    expect(apply({ ...post, amount: 0n })).toBe('amount_must_be_positive');
    expectResult(apply({ ...voidIt, amount: 39n }), 'pending_transfer_has_different_amount');
    expectResult(apply(post, { resolution: 'posted' }), 'pending_transfer_already_posted');
    expectResult(apply(voidIt, { resolution: 'voided' }), 'pending_transfer_already_voided');
    expect(apply(voidIt, { resolution: 'posted' })).toBe('pending_transfer_already_posted');
  });

  it('answers a repeat by comparing every field', () => {
    const { createdAt: _, kind: __, linked: ___, pendingId: ____, ...fields } = single;
    expectResult(apply(fields, { existing: single }), 'exists');
    // jsonb keeps no key order, so neither does the comparison.
    expect(apply({ ...fields, userData: { b: [2], a: 1 } }, { existing: single })).toBe('exists');
    expectResult(apply({ ...fields, amount: 41n }, { existing: single }), 'exists_with_different_fields');
    expect(apply({ ...fields, userData: { a: 1 } }, { existing: single })).toBe(
      'exists_with_different_fields',
    );
    expect(apply({ ...fields, flags: { linked: true } }, { existing: single })).toBe(
      'exists_with_different_fields',
    );
    // A repeat answers the same even when it could no longer be applied.
    expect(apply({ ...fields, reference: '' }, { existing: single })).toBe('exists_with_different_fields');
  });
});

describe('planBatch', () => {
  const snapshot = {
    accounts,
    transfers: new Map([['hold', hold]]),
    resolutions: new Map<string, Resolution>(),
  };
  const plan = (inputs: TransferInput[]) => planBatch(inputs, snapshot, now);
  const t = (id: string, input: Partial<TransferInput> = {}): TransferInput => ({
    id,
    reference: `test:${id}`,
    ...move,
    ...input,
  });

  it('fails a linked chain as a whole and keeps the independent transfers', () => {
    const { results, created, deltas } = plan([
      t('a'),
      t('b', { flags: { linked: true } }),
      t('c', { debitAccountId: 'escrow', creditAccountId: 'bank', amount: 500n, flags: { linked: true } }),
      t('d'),
      t('e'),
    ]);
    expect(results.map((r) => r.result)).toEqual([
      'created',
      'linked_event_failed',
      'exceeds_credits',
      'linked_event_failed',
      'created',
    ]);
    seen.add('linked_event_failed');
    expect(created.map((x) => x.id)).toEqual(['a', 'e']);
    expect(deltas.get('escrow')).toEqual({
      debitsPending: 0n,
      debitsPosted: 0n,
      creditsPending: 0n,
      creditsPosted: 20n,
    });
  });

  it('lets a chain spend what an earlier transfer of it brought in', () => {
    const { results, accounts: after } = plan([
      t('in', { amount: 50n, flags: { linked: true } }),
      t('out', { debitAccountId: 'escrow', creditAccountId: 'bank', amount: 150n }),
    ]);
    expect(results.map((r) => r.result)).toEqual(['created', 'created']);
    expect(after.get('escrow')).toMatchObject({ creditsPosted: 150n, debitsPosted: 150n });
  });

  it('fails a chain still open at the end of the batch', () => {
    const { results, created } = plan([
      t('a', { flags: { linked: true } }),
      t('b', { flags: { linked: true } }),
    ]);
    expectResult(results[1]!.result, 'linked_event_chain_open');
    expect(results[0]!.result).toBe('linked_event_failed');
    expect(created).toEqual([]);
  });

  it('resolves a pending transfer once, even within one batch', () => {
    const { results } = plan([
      t('p', { flags: { pending: true } }),
      { id: 'post', reference: 'x', pendingId: 'p', flags: { postPending: true }, amount: 4n },
      { id: 'void', reference: 'x', pendingId: 'p', flags: { voidPending: true } },
      { id: 'post', reference: 'x', pendingId: 'p', flags: { postPending: true }, amount: 4n },
    ]);
    expect(results.map((r) => r.result)).toEqual([
      'created',
      'created',
      'pending_transfer_already_posted',
      'exists',
    ]);
  });
});
