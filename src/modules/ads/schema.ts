import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Campaigns, their keywords, impressions, clicks, spend, promotions and the
// showcase are keyed by the advertising supplier (companyId). The clicking
// buyer is a column of a click. Home-page slots are the platform's own.

export const adCampaignStatuses = ['active', 'paused'] as const;
export type AdCampaignStatus = (typeof adCampaignStatuses)[number];

export const adMatchTypes = ['exact', 'phrase', 'broad'] as const;
export type AdMatchType = (typeof adMatchTypes)[number];

export const adCampaigns = pgTable(
  'ad_campaigns',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    name: text().notNull(),
    status: text().$type<AdCampaignStatus>().notNull(),
    /** Minor units of `currency` the campaign may spend per UTC day. */
    dailyBudget: bigint({ mode: 'bigint' }).notNull(),
    currency: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('ad_campaigns_id_key').on(t.id),
    check('ad_campaigns_budget_positive', sql`${t.dailyBudget} > 0`),
  ],
);

/**
 * A keyword a campaign bids on. Removed keywords stay (their impressions and
 * clicks still report under them) and come back if added again.
 */
export const adKeywords = pgTable(
  'ad_keywords',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    campaignId: text().notNull(),
    /** As the advertiser typed it. */
    text: text().notNull(),
    /** Its tokens joined by spaces: what makes two keywords the same. */
    normalized: text().notNull(),
    /** Latin words lower-cased with plurals folded, Chinese words (keywords.ts). */
    tokens: text().array().notNull(),
    matchType: text().$type<AdMatchType>().notNull(),
    /** The most the advertiser pays for a click, minor units of the campaign's currency. */
    bid: bigint({ mode: 'bigint' }).notNull(),
    status: text().$type<'active' | 'removed'>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('ad_keywords_id_key').on(t.id),
    uniqueIndex('ad_keywords_campaign_key').on(t.campaignId, t.normalized, t.matchType),
    // Search asks "which keywords are made only of the query's words" (tokens <@ query).
    index('ad_keywords_tokens_idx').using('gin', t.tokens),
    check('ad_keywords_bid_positive', sql`${t.bid} > 0`),
  ],
);

/** The products a campaign promotes; every keyword of the campaign applies to each. */
export const adCampaignProducts = pgTable(
  'ad_campaign_products',
  {
    companyId: text().notNull(),
    campaignId: text().notNull(),
    productId: text().notNull(),
    status: text().$type<'active' | 'removed'>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.campaignId, t.productId] }),
    index('ad_campaign_products_product_idx').on(t.productId),
  ],
);

/**
 * A campaign's spend on one UTC day. Clicks are charged by a conditional
 * increment (`spent + price <= budget`), and the check makes the database
 * refuse overspending even if application code were wrong.
 */
export const adCampaignDays = pgTable(
  'ad_campaign_days',
  {
    companyId: text().notNull(),
    campaignId: text().notNull(),
    day: date().notNull(),
    /** The campaign's daily budget for this day (a budget lowered below the spend stops at the spend). */
    budget: bigint({ mode: 'bigint' }).notNull(),
    spent: bigint({ mode: 'bigint' }).notNull().default(sql`0`),
    chargedClicks: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.campaignId, t.day] }),
    check('ad_campaign_days_within_budget', sql`${t.spent} >= 0 and ${t.spent} <= ${t.budget}`),
  ],
);

export const adPlacements = ['top', 'other'] as const;
export type AdPlacement = (typeof adPlacements)[number];

/** One sponsored result shown in one search answer: the server-side proof a click may be charged. */
export const adImpressions = pgTable(
  'ad_impressions',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    campaignId: text().notNull(),
    keywordId: text().notNull(),
    productId: text().notNull(),
    query: text().notNull(),
    /** Who saw it: `co:<company>` for a signed-in member, `v:<visitor id>`, or null. */
    viewer: text(),
    placement: text().$type<AdPlacement>().notNull(),
    position: smallint().notNull(),
    /** Quality score in tenths (0–50) and the bid at auction time. */
    quality: smallint().notNull(),
    bid: bigint({ mode: 'bigint' }).notNull(),
    /** What a click on it costs: the auction's price. */
    price: bigint({ mode: 'bigint' }).notNull(),
    currency: text().notNull(),
    day: date().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('ad_impressions_id_key').on(t.id),
    index('ad_impressions_campaign_day_idx').on(t.campaignId, t.day),
  ],
);

export const adClickOutcomes = [
  'charged',
  'duplicate',
  'budget_exhausted',
  'wallet_empty',
  'own_ad',
  'expired',
  'campaign_paused',
] as const;
export type AdClickOutcome = (typeof adClickOutcomes)[number];

/** A click on a sponsored result: at most one per impression, charged or not (and why not). */
export const adClicks = pgTable(
  'ad_clicks',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    impressionId: text().notNull(),
    campaignId: text().notNull(),
    keywordId: text().notNull(),
    productId: text().notNull(),
    /** `co:<company>` or `v:<visitor id>`: whom the 24-hour charge window is kept for. */
    clicker: text().notNull(),
    /** The clicking company, when signed in: what inquiries and orders are attributed by. */
    clickerCompanyId: text(),
    outcome: text().$type<AdClickOutcome>().notNull(),
    charged: boolean().notNull(),
    /** Minor units charged; 0 when not charged. */
    price: bigint({ mode: 'bigint' }).notNull(),
    currency: text().notNull(),
    transferId: text(),
    day: date().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('ad_clicks_impression_key').on(t.impressionId),
    index('ad_clicks_campaign_day_idx').on(t.campaignId, t.day),
    index('ad_clicks_attribution_idx').on(t.clickerCompanyId, t.productId, t.createdAt),
  ],
);

/**
 * When a clicker was last charged for a campaign's product. The upsert that
 * moves it is conditional (24 hours later or more), so two clicks of the
 * same buyer racing on the same ad are charged once.
 */
export const adChargeWindows = pgTable(
  'ad_charge_windows',
  {
    companyId: text().notNull(),
    campaignId: text().notNull(),
    productId: text().notNull(),
    clicker: text().notNull(),
    lastChargedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.campaignId, t.productId, t.clicker] })],
);

/** A wire the operator received for a supplier's ad wallet (T/T): booked once per bank reference. */
export const adWalletTopUps = pgTable(
  'ad_wallet_top_ups',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    amount: bigint({ mode: 'bigint' }).notNull(),
    currency: text().notNull(),
    bankReference: text().notNull(),
    transferId: text().notNull(),
    recordedBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('ad_wallet_top_ups_bank_reference_key').on(t.bankReference),
  ],
);

/** The ad credit a supplier's tier gives it, once per month. */
export const adCreditGrants = pgTable(
  'ad_credit_grants',
  {
    companyId: text().notNull(),
    /** YYYY-MM (UTC). */
    month: text().notNull(),
    amount: bigint({ mode: 'bigint' }).notNull(),
    currency: text().notNull(),
    transferId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.month] })],
);

/** Percent off the product's list price tier that starts at `minQuantity`. */
export type AdPromotionTier = { minQuantity: number; percentOff: number };

/** A time-limited discount on a product's quantity tiers. */
export const adPromotions = pgTable(
  'ad_promotions',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    productId: text().notNull(),
    name: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    tiers: jsonb().$type<AdPromotionTier[]>().notNull(),
    status: text().$type<'active' | 'cancelled'>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('ad_promotions_id_key').on(t.id),
    index('ad_promotions_product_idx').on(t.productId, t.endsAt),
    check('ad_promotions_window', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A supplier's featured products on its showroom, in order. */
export const adShowcaseSlots = pgTable(
  'ad_showcase_slots',
  {
    companyId: text().notNull(),
    position: smallint().notNull(),
    productId: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.position] })],
);

/** The home page's featured products, managed by the operator. A platform table, not a tenant one. */
export const adHomeSlots = pgTable('ad_home_slots', {
  position: smallint().primaryKey(),
  id: text().notNull(),
  productId: text().notNull(),
  /** The product's supplier, denormalised so a supplier's slots can be found. */
  companyId: text().notNull(),
  label: text(),
  startsAt: timestamp({ withTimezone: true }),
  endsAt: timestamp({ withTimezone: true }),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});
