import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Payments are platform records (the operator's bank, the provider), not a
// tenant's: a wire is matched to an order only once it is recognised. Who may
// read one is decided from its order.

/** One imported bank statement file; importing the same file again finds it by hash. */
export const bankStatements = pgTable(
  'bank_statements',
  {
    id: text().primaryKey(),
    format: text().$type<'mt940' | 'camt053'>().notNull(),
    fileName: text().notNull(),
    sha256: text().notNull(),
    accountId: text().notNull(),
    entryCount: integer().notNull(),
    importedBy: text().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex().on(t.sha256)],
);

export const incomingStatuses = [
  'matched',
  'partial',
  'overpaid',
  'unmatched',
  'returned',
  'dismissed',
] as const;
export type IncomingStatus = (typeof incomingStatuses)[number];

/**
 * Money that reached the platform: a credit line of a bank statement or a
 * provider capture. `entryKey` identifies it across files (a bank repeats an
 * entry when two statements overlap), so it is booked once.
 */
export const incomingPayments = pgTable(
  'incoming_payments',
  {
    id: text().primaryKey(),
    source: text().$type<'bank_statement' | 'provider'>().notNull(),
    entryKey: text().notNull(),
    statementId: text(),
    bookedOn: date().notNull(),
    currency: text().notNull(),
    amount: bigint({ mode: 'bigint' }).notNull(),
    remittance: text().notNull(),
    counterpartyName: text(),
    counterpartyAccount: text(),
    bankReference: text(),
    status: text().$type<IncomingStatus>().notNull(),
    /** Set once recognised. */
    dueId: text(),
    orderId: text(),
    buyerId: text(),
    /** What went to escrow, in the order's currency (after conversion when the currencies differ). */
    appliedAmount: bigint({ mode: 'bigint' }),
    appliedCurrency: text(),
    /** What arrived beyond the due, in `appliedCurrency`: it waits in clearing to be returned. */
    excessAmount: bigint({ mode: 'bigint' }),
    /** The rates used when converted: USD per unit of each currency, scaled by 10¹² (fx module). */
    fx: jsonb().$type<{ day: string; from: string; to: string; fromUsd: string; toUsd: string }>(),
    note: text(),
    resolvedBy: text(),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex().on(t.entryKey),
    index().on(t.orderId),
    index().on(t.createdAt).where(sql`${t.status} in ('partial', 'overpaid', 'unmatched')`),
  ],
);

export const payoutStatuses = ['scheduled', 'paid'] as const;
export type PayoutStatus = (typeof payoutStatuses)[number];

/** Money owed to a supplier after a release, until the operator's bank sends it. */
export const payouts = pgTable(
  'payouts',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    orderId: text().notNull(),
    currency: text().notNull(),
    amount: bigint({ mode: 'bigint' }).notNull(),
    status: text().$type<PayoutStatus>().notNull(),
    bankReference: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    paidAt: timestamp({ withTimezone: true }),
    paidBy: text(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex().on(t.id),
    uniqueIndex().on(t.orderId),
    index().on(t.status),
  ],
);

export const providerPaymentStatuses = ['authorized', 'captured', 'failed', 'refunded'] as const;
export type ProviderPaymentStatus = (typeof providerPaymentStatuses)[number];

/** A card/online payment through a PaymentProvider, from authorization to capture or failure. */
export const providerPayments = pgTable(
  'provider_payments',
  {
    id: text().primaryKey(),
    provider: text().notNull(),
    providerRef: text().notNull(),
    dueId: text().notNull(),
    orderId: text().notNull(),
    buyerId: text().notNull(),
    currency: text().notNull(),
    amount: bigint({ mode: 'bigint' }).notNull(),
    status: text().$type<ProviderPaymentStatus>().notNull(),
    failureReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex().on(t.provider, t.providerRef), index().on(t.orderId)],
);
