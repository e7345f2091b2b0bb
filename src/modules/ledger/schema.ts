import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// The ledger is a platform table set, not a tenant one: one transfer moves
// money between two companies' accounts atomically, so neither table is keyed
// by company. Accounts name their owner; readers check access (payments).

export const accountKinds = [
  'bank',
  'buyer_clearing',
  'escrow',
  'supplier_payable',
  'platform_fee_revenue',
  'compensation',
  'fx_clearing',
  'ad_wallet',
  'forwarder_settlement',
  'shipper_payable',
  'ad_revenue',
  'marketing_expense',
] as const;
export type AccountKind = (typeof accountKinds)[number];

/** How a transfer moves money: at once, reserved, or resolving a reservation. */
export const transferKinds = ['single', 'pending', 'post_pending', 'void_pending'] as const;
export type TransferKind = (typeof transferKinds)[number];

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: text().primaryKey(),
    /** Stable key such as `escrow:ord_123:USD`; its last segment is the currency. */
    code: text().notNull(),
    kind: text().$type<AccountKind>().notNull(),
    currency: text().notNull(),
    /** The owner company; null for the platform's own accounts. */
    companyId: text(),
    debitsPending: bigint({ mode: 'bigint' }).notNull().default(sql`0`),
    debitsPosted: bigint({ mode: 'bigint' }).notNull().default(sql`0`),
    creditsPending: bigint({ mode: 'bigint' }).notNull().default(sql`0`),
    creditsPosted: bigint({ mode: 'bigint' }).notNull().default(sql`0`),
    debitsMustNotExceedCredits: boolean().notNull().default(false),
    creditsMustNotExceedDebits: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex().on(t.code),
    index().on(t.companyId),
    // The database's last word on what createTransfers already checks.
    check(
      'ledger_accounts_balances_non_negative',
      sql`${t.debitsPending} >= 0 and ${t.debitsPosted} >= 0 and ${t.creditsPending} >= 0 and ${t.creditsPosted} >= 0`,
    ),
    check(
      'ledger_accounts_one_balance_flag',
      sql`not (${t.debitsMustNotExceedCredits} and ${t.creditsMustNotExceedDebits})`,
    ),
    check(
      'ledger_accounts_debits_within_credits',
      sql`not ${t.debitsMustNotExceedCredits} or ${t.debitsPending} + ${t.debitsPosted} <= ${t.creditsPosted}`,
    ),
    check(
      'ledger_accounts_credits_within_debits',
      sql`not ${t.creditsMustNotExceedDebits} or ${t.creditsPending} + ${t.creditsPosted} <= ${t.debitsPosted}`,
    ),
  ],
);

/**
 * Append-only: a row is never updated or deleted. A post or void is a new
 * row pointing at its pending transfer through `pending_id`.
 */
export const ledgerTransfers = pgTable(
  'ledger_transfers',
  {
    /** Chosen by the client: the ledger's idempotency key. */
    id: text().primaryKey(),
    /** Insertion order, for paging an account's history. */
    seq: bigint({ mode: 'bigint' }).generatedAlwaysAsIdentity(),
    debitAccountId: text()
      .notNull()
      .references(() => ledgerAccounts.id),
    creditAccountId: text()
      .notNull()
      .references(() => ledgerAccounts.id),
    /** For a post: the amount posted; for a void: the amount released. */
    amount: bigint({ mode: 'bigint' }).notNull(),
    currency: text().notNull(),
    kind: text().$type<TransferKind>().notNull(),
    linked: boolean().notNull().default(false),
    pendingId: text().references((): AnyPgColumn => ledgerTransfers.id),
    /** What the money is for, e.g. `order:ord_123:deposit`. */
    reference: text().notNull(),
    userData: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    // A pending transfer is resolved (posted or voided) at most once.
    uniqueIndex().on(t.pendingId).where(sql`${t.pendingId} is not null`),
    index().on(t.debitAccountId, t.seq),
    index().on(t.creditAccountId, t.seq),
    check('ledger_transfers_amount_positive', sql`${t.amount} > 0`),
    check('ledger_transfers_accounts_differ', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    check(
      'ledger_transfers_pending_id_for_resolutions',
      sql`(${t.pendingId} is not null) = (${t.kind} in ('post_pending', 'void_pending'))`,
    ),
  ],
);

export type LedgerAccountRow = typeof ledgerAccounts.$inferSelect;
export type LedgerTransferRow = typeof ledgerTransfers.$inferSelect;
