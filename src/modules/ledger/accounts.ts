import { eq, inArray } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { isCurrency } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import type { LedgerCtx } from './create-transfers.js';
import { type AccountKind, accountKinds, type LedgerAccountRow, ledgerAccounts } from './schema.js';

export type LedgerAccount = LedgerAccountRow;

export type AccountFlags = {
  /** Debits (pending and posted) may never exceed posted credits: the account cannot go below zero. */
  debitsMustNotExceedCredits?: boolean;
  /** Credits (pending and posted) may never exceed posted debits. */
  creditsMustNotExceedDebits?: boolean;
};

export type OpenAccountInput = {
  /** Stable key whose last segment is the currency, e.g. `escrow:ord_123:USD`. */
  code: string;
  kind: AccountKind;
  currency: string;
  /** The owner; omit for the platform's own accounts. */
  companyId?: string | null;
  /** Defaults by kind: see `defaultFlags`. */
  flags?: AccountFlags;
};

/** Builds an account code from its parts: `accountCode('escrow', 'ord_1', 'USD')` → `escrow:ord_1:USD`. */
export const accountCode = (...parts: [string, ...string[]]) => parts.join(':');

/**
 * Accounts that hold someone else's money (escrow, what we owe a supplier, a
 * prepaid ad wallet) may never be drawn below zero unless the caller says so.
 */
export const defaultFlags = (kind: AccountKind): Required<AccountFlags> => ({
  debitsMustNotExceedCredits:
    kind === 'escrow' || kind === 'supplier_payable' || kind === 'shipper_payable' || kind === 'ad_wallet',
  creditsMustNotExceedDebits: false,
});

/** The side an account's balance normally grows on: debit for what the platform has or spends. */
export const normalSide = (kind: AccountKind): 'debit' | 'credit' =>
  kind === 'bank' || kind === 'compensation' || kind === 'marketing_expense' ? 'debit' : 'credit';

const definition = (input: OpenAccountInput) => {
  const flags = { ...defaultFlags(input.kind), ...input.flags };
  return {
    code: input.code,
    kind: input.kind,
    currency: input.currency,
    companyId: input.companyId ?? null,
    debitsMustNotExceedCredits: flags.debitsMustNotExceedCredits,
    creditsMustNotExceedDebits: flags.creditsMustNotExceedDebits,
  };
};

const validate = (input: OpenAccountInput) => {
  const problem = !accountKinds.includes(input.kind)
    ? `Unknown account kind ${input.kind}`
    : !isCurrency(input.currency)
      ? `${input.currency} is not an ISO 4217 currency`
      : !/^[^:\s]+(:[^:\s]+)*$/.test(input.code) || input.code.split(':').at(-1) !== input.currency
        ? `Account code ${input.code} must be colon-separated and end with its currency ${input.currency}`
        : input.flags?.debitsMustNotExceedCredits && input.flags.creditsMustNotExceedDebits
          ? 'An account takes at most one balance flag'
          : undefined;
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { code: input.code });
};

/** The account with this code, or undefined. */
export const getAccountByCode = async (db: Db, code: string): Promise<LedgerAccount | undefined> =>
  (await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.code, code)))[0];

/** The accounts open under any of these codes (a code with no account is left out). */
export const getAccountsByCode = async (db: Db, codes: readonly string[]): Promise<LedgerAccount[]> =>
  codes.length === 0
    ? []
    : db
        .select()
        .from(ledgerAccounts)
        .where(inArray(ledgerAccounts.code, [...codes]));

/**
 * Opens the account with this code, or returns it if it is already open with
 * the same definition (kind, currency, owner, flags); a different definition
 * under the same code is a CONFLICT. Safe to race: the code is unique.
 */
export const openAccount = async (ctx: LedgerCtx, input: OpenAccountInput): Promise<LedgerAccount> => {
  validate(input);
  const wanted = definition(input);
  const [inserted] = await ctx.db
    .insert(ledgerAccounts)
    .values({ id: newId('acct', ctx.now()), ...wanted, createdAt: ctx.now() })
    .onConflictDoNothing({ target: ledgerAccounts.code })
    .returning();
  if (inserted) return inserted;
  const existing = (await getAccountByCode(ctx.db, input.code))!;
  const differs = (Object.keys(wanted) as (keyof typeof wanted)[]).filter((k) => existing[k] !== wanted[k]);
  if (differs.length > 0)
    throw new AppError(
      'CONFLICT',
      `Account ${input.code} is already open with another ${differs.join(', ')}`,
      {
        code: input.code,
        fields: differs,
      },
    );
  return existing;
};

/** The account with this id; NOT_FOUND if there is none. */
export const getAccount = async (db: Db, accountId: string): Promise<LedgerAccount> => {
  const [account] = await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.id, accountId));
  if (!account) throw notFound('Ledger account', accountId);
  return account;
};

export type AccountBalance = {
  accountId: string;
  code: string;
  currency: string;
  side: 'debit' | 'credit';
  debitsPending: bigint;
  debitsPosted: bigint;
  creditsPending: bigint;
  creditsPosted: bigint;
  /** Posted balance on the account's normal side. */
  posted: bigint;
  /** Pending movements netted on the normal side (incoming minus outgoing). */
  pending: bigint;
  /** What can still leave: posted minus outgoing reservations (incoming ones do not count yet). */
  available: bigint;
};

/** The account's balances, and its net balance read on its normal side. */
export const accountBalance = async (db: Db, accountId: string): Promise<AccountBalance> =>
  balanceOf(await getAccount(db, accountId));

/** `accountBalance` of an account row already read. */
export const balanceOf = (a: LedgerAccount): AccountBalance => {
  const side = normalSide(a.kind);
  const sign = side === 'debit' ? 1n : -1n;
  const posted = sign * (a.debitsPosted - a.creditsPosted);
  const pending = sign * (a.debitsPending - a.creditsPending);
  const outgoing = side === 'debit' ? a.creditsPending : a.debitsPending;
  return {
    accountId: a.id,
    code: a.code,
    currency: a.currency,
    side,
    debitsPending: a.debitsPending,
    debitsPosted: a.debitsPosted,
    creditsPending: a.creditsPending,
    creditsPosted: a.creditsPosted,
    posted,
    pending,
    available: posted - outgoing,
  };
};
