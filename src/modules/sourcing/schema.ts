import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Every table leads its key with the owning company (Citus distribution
// column): the buyer for RFQs, matches and inquiries; the supplier for quotes.

export const rfqStatuses = ['draft', 'published', 'closed', 'expired', 'cancelled', 'awarded'] as const;
export type RfqStatus = (typeof rfqStatuses)[number];

export const transportModes = ['sea', 'air', 'rail', 'road', 'multimodal'] as const;
export type TransportMode = (typeof transportModes)[number];

export const rfqs = pgTable(
  'rfqs',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    status: text().$type<RfqStatus>().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    /** The language the buyer wrote in, when known (en, zh, es). */
    language: text(),
    industryCode: text().notNull(),
    categoryCode: text().notNull(),
    quantity: integer().notNull(),
    unit: text().notNull(),
    /** Minor units of `currency`; optional. */
    targetUnitPrice: bigint({ mode: 'bigint' }),
    currency: text().notNull(),
    destinationCountry: text().notNull(),
    /** UN/LOCODE of the destination port or airport. */
    destinationPort: text(),
    transportMode: text().$type<TransportMode>().notNull(),
    incoterm: text().notNull(),
    deadline: timestamp({ withTimezone: true }).notNull(),
    /** Public RFQs may be quoted by any supplier in the category, not only the invited. */
    visibility: text().$type<'invited' | 'public'>().notNull().default('invited'),
    inviteLimit: integer().notNull().default(20),
    quoteCount: integer().notNull().default(0),
    awardedQuoteId: text(),
    attachmentIds: text().array().notNull().default([]),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex().on(t.id),
    index().on(t.status, t.deadline),
    index().on(t.status, t.industryCode),
  ],
);

export type MatchComponents = {
  /** 1 same sub-category, 0.7 same category, 0.4 same industry. */
  category: number;
  /** Text relevance of the supplier's best listing to the RFQ, 0..1 relative to the best candidate. */
  text: number;
  /** 1 when a matching listing's MOQ is within the RFQ quantity. */
  moq: number;
  capacity: number;
  credibility: number;
  tier: number;
  /** Past deals with buyers in the RFQ's country (1) or region (0.5). */
  market: number;
};

export const rfqMatches = pgTable(
  'rfq_matches',
  {
    companyId: text().notNull(),
    rfqId: text().notNull(),
    supplierId: text().notNull(),
    rank: integer().notNull(),
    score: real().notNull(),
    components: jsonb().$type<MatchComponents>().notNull(),
    /** Facts behind the components, shown as "why you were matched". */
    reasons: jsonb().$type<MatchReason[]>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.rfqId, t.supplierId] }),
    index().on(t.supplierId, t.createdAt),
  ],
);

export type MatchReason = { code: string; params: Record<string, string | number> };

export const quoteStatuses = [
  'submitted',
  'countered',
  'shortlisted',
  'accepted',
  'declined',
  'withdrawn',
] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

/** A price tier of a quote line; the unit price is minor units as a decimal string (JSON has no bigint). */
export type QuoteTier = { minQuantity: number; maxQuantity: number | null; unitPrice: string };

export type QuoteLine = {
  productId: string | null;
  description: string;
  quantity: number;
  unit: string;
  priceTiers: QuoteTier[];
};

/** What a supplier offers in one version of a quote. */
export type QuoteOffer = {
  currency: string;
  lines: QuoteLine[];
  moq: number;
  leadTimeDays: number;
  incoterm: string;
  port: string | null;
  validUntil: string;
  sample: { available: boolean; price: string | null; days: number | null } | null;
};

/** What a buyer asks for instead; each field optional. Prices in the quote's currency. */
export type QuoteCounter = {
  targetUnitPrice: string | null;
  quantity: number | null;
  leadTimeDays: number | null;
};

export const quotes = pgTable(
  'quotes',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    rfqId: text().notNull(),
    buyerId: text().notNull(),
    status: text().$type<QuoteStatus>().notNull(),
    currentVersion: integer().notNull(),
    /** The version the buyer accepted, frozen: the order is drafted from it. */
    acceptedVersion: integer(),
    buyerRating: smallint(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex().on(t.id),
    uniqueIndex().on(t.rfqId, t.companyId),
    index().on(t.buyerId),
  ],
);

export const quoteVersions = pgTable(
  'quote_versions',
  {
    companyId: text().notNull(),
    quoteId: text().notNull(),
    version: integer().notNull(),
    author: text().$type<'supplier' | 'buyer'>().notNull(),
    offer: jsonb().$type<QuoteOffer>(),
    counter: jsonb().$type<QuoteCounter>(),
    message: text().notNull().default(''),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.quoteId, t.version] })],
);

/** A supplier's quotes for one calendar month (UTC): granted on the 1st, used per quote, no carry-over. */
export const quoteQuotas = pgTable(
  'quote_quotas',
  {
    companyId: text().notNull(),
    month: text().notNull(),
    granted: integer().notNull(),
    used: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.month] })],
);

export const inquiries = pgTable(
  'inquiries',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    supplierId: text().notNull(),
    productId: text(),
    subject: text().notNull(),
    /** An operator may mark spam invalid: it then no longer counts for the response rate. */
    valid: boolean().notNull().default(true),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    firstResponseAt: timestamp({ withTimezone: true }),
    lastMessageAt: timestamp({ withTimezone: true }).notNull(),
    buyerUnread: integer().notNull().default(0),
    supplierUnread: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex().on(t.id),
    index().on(t.supplierId, t.createdAt),
  ],
);

export const inquiryMessages = pgTable(
  'inquiry_messages',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    inquiryId: text().notNull(),
    senderCompanyId: text().notNull(),
    senderUserId: text().notNull(),
    body: text().notNull(),
    quantity: integer(),
    /** Minor units of `currency`. */
    targetPrice: bigint({ mode: 'bigint' }),
    currency: text(),
    attachmentIds: text().array().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] }), index().on(t.inquiryId, t.createdAt)],
);

/** Files attached to RFQs and inquiry messages; stored on disk under the data dir, never under a client-given name. */
export const attachments = pgTable(
  'attachments',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    storagePath: text().notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] }), uniqueIndex().on(t.id)],
);
