import { bigint, date, index, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

// The trade index's own tables: platform-wide facts and their rollups, read
// by no tenant directly (the index shows aggregates only). Facts are
// append-only; rollups are derived and can be rebuilt from them at any time.

/**
 * One fact per paid order (its total in USD cents at the payment day's rate,
 * `orders` 1), one negative fact per refund (`orders` 0), and one per imported
 * historical transaction. `factKey` makes recording a fact idempotent.
 */
export const tradeFacts = pgTable(
  'trade_facts',
  {
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    factKey: text().notNull().unique(),
    orderId: text().notNull(),
    paidOn: date().notNull(),
    supplierId: text().notNull(),
    /** GB/T 2260 code; '' for suppliers outside China. */
    supplierProvince: text().notNull(),
    industry: text().notNull(),
    category: text().notNull(),
    buyerId: text().notNull(),
    buyerCountry: text().notNull(),
    /** USD cents, negative for a refund. */
    amountUsd: bigint({ mode: 'bigint' }).notNull(),
    /** 1 for a paid order or transaction, 0 for a refund. */
    orders: smallint().notNull(),
  },
  (t) => [index().on(t.paidOn)],
);

/** GMV and orders per day × supplier province × industry × category × buyer country: additive. */
export const tradeDaily = pgTable(
  'trade_daily',
  {
    day: date().notNull(),
    province: text().notNull(),
    industry: text().notNull(),
    category: text().notNull(),
    buyerCountry: text().notNull(),
    gmvUsd: bigint({ mode: 'bigint' }).notNull(),
    orders: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.province, t.industry, t.category, t.buyerCountry] })],
);

/** The same measures per month: what the report reads, so a period is a few thousand rows, not millions. */
export const tradeMonthly = pgTable(
  'trade_monthly',
  {
    month: date().notNull(),
    province: text().notNull(),
    industry: text().notNull(),
    category: text().notNull(),
    buyerCountry: text().notNull(),
    gmvUsd: bigint({ mode: 'bigint' }).notNull(),
    orders: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.province, t.industry, t.category, t.buyerCountry] })],
);

/** GMV per supplier per month × province × industry: what supplier concentration (HHI) is computed from. */
export const tradeSupplierMonths = pgTable(
  'trade_supplier_months',
  {
    month: date().notNull(),
    province: text().notNull(),
    industry: text().notNull(),
    supplierId: text().notNull(),
    gmvUsd: bigint({ mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.province, t.industry, t.supplierId] })],
);

/**
 * Distinct buyers are not additive (a buyer active in March and April is one
 * buyer for the quarter), so the rollup keeps the set itself: each buyer once
 * per month and buyer country. Any period of whole months counts exactly.
 */
export const tradeBuyerMonths = pgTable(
  'trade_buyer_months',
  {
    month: date().notNull(),
    buyerCountry: text().notNull(),
    buyerId: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.buyerCountry, t.buyerId] })],
);

export const activityKinds = ['search', 'view', 'inquiry', 'rfq', 'order'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Buyer activity: what buyers look for and ask about, by category and day. */
export const buyerActivity = pgTable(
  'buyer_activity',
  {
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    day: date().notNull(),
    buyerId: text().notNull(),
    /** A taxonomy code at any level; rolled up to its category. */
    category: text().notNull(),
    kind: text().$type<ActivityKind>().notNull(),
  },
  // Serves day-range rollups and "has this buyer been active in the category today?".
  (t) => [index().on(t.day, t.buyerId, t.category)],
);

/** Events and distinct active buyers per day × category × kind (distinct within the day, exactly). */
export const activityDaily = pgTable(
  'activity_daily',
  {
    day: date().notNull(),
    category: text().notNull(),
    kind: text().$type<ActivityKind>().notNull(),
    events: integer().notNull(),
    buyers: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.category, t.kind] })],
);

/** Daily active buyers per category (any kind), for DAU series. */
export const activeBuyersDaily = pgTable(
  'active_buyers_daily',
  {
    day: date().notNull(),
    category: text().notNull(),
    buyers: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.category] })],
);

/** Active listings per category per day: the supply side of the blue-ocean score. */
export const listingCounts = pgTable(
  'listing_counts',
  {
    day: date().notNull(),
    category: text().notNull(),
    listings: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.category] })],
);
