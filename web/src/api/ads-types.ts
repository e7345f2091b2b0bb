// The advertising API's shapes (src/modules/ads, catalog's promotions and sponsored
// results), written by hand as the other API types are. Amounts are decimal strings
// of minor units; advertising is priced in USD only.
import type { Money, PriceQuote, ProductDetail, ProductSummary, SearchResponse } from './types';

export const AD_CURRENCY = 'USD';
/** The auction's reserve (0.10 USD) and highest bid (100 USD), minor units (ads/ad-rules.ts). */
export const MIN_BID = 10;
export const MAX_BID = 10_000;
/** The daily budget's bounds, minor units. */
export const MIN_DAILY_BUDGET = 100;
export const MAX_DAILY_BUDGET = 100_000_000;
export const MAX_KEYWORDS = 100;
export const MAX_CAMPAIGN_PRODUCTS = 50;
export const MAX_SHOWCASE_SLOTS = 6;
/** Quality 3.0 (of 5) or more may take the slots above the organic results. */
export const TOP_MIN_QUALITY = 3;
/** Below 1.0 a keyword never shows. */
export const MIN_QUALITY = 1;

export const CAMPAIGN_STATUSES = ['active', 'paused'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const MATCH_TYPES = ['exact', 'phrase', 'broad'] as const;
export type MatchType = (typeof MATCH_TYPES)[number];

export type CampaignToday = { day: string; spent: Money; remaining: Money; chargedClicks: number };

export type CampaignSummary = {
  id: string;
  name: string;
  status: CampaignStatus;
  dailyBudget: Money;
  today: CampaignToday;
  createdAt: string;
  updatedAt: string;
};

export type CampaignKeyword = { id: string; text: string; matchType: MatchType; bid: Money };

export type CampaignProduct = {
  productId: string;
  title: string;
  active: boolean;
  /** The product's quality for each keyword: 0–5, one decimal. */
  quality: { keywordId: string; score: number; topSlotEligible: boolean }[];
};

export type Campaign = CampaignSummary & { keywords: CampaignKeyword[]; products: CampaignProduct[] };

export type KeywordInput = { text: string; matchType: MatchType; bid: string };

export type CampaignInput = {
  name: string;
  dailyBudget: string;
  keywords: KeywordInput[];
  products: string[];
  status?: CampaignStatus;
};

export type CampaignPatch = Partial<CampaignInput>;

export type ReportMetrics = {
  impressions: number;
  clicks: number;
  chargedClicks: number;
  /** A fraction, 4 decimals. */
  ctr: number;
  averageCpc: Money;
  spend: Money;
  inquiries: number;
  orders: number;
};

export type CampaignReport = {
  campaignId: string;
  currency: string;
  from: string;
  to: string;
  attributionDays: number;
  totals: ReportMetrics;
  byDay: (ReportMetrics & { day: string })[];
  byKeyword: (ReportMetrics & {
    keywordId: string;
    text: string;
    matchType: MatchType | null;
    status: 'active' | 'removed';
  })[];
  rows: (ReportMetrics & { day: string; keywordId: string })[];
};

export type AdWallet = {
  currency: string;
  available: Money;
  spentToday: Money;
  topUps: { id: string; amount: Money; bankReference: string; createdAt: string }[];
  credits: { month: string; amount: Money; createdAt: string }[];
};

export type TopUpInput = { supplierId: string; amount: string; currency: string; bankReference: string };

// ── Promotions and showcases ──

export type PromotionTier = { minQuantity: number; percentOff: number };

export type PromotionState = 'scheduled' | 'running' | 'ended' | 'cancelled';

export type Promotion = {
  id: string;
  productId: string;
  name: string;
  startsAt: string;
  endsAt: string;
  tiers: PromotionTier[];
  status: 'active' | 'cancelled';
  state: PromotionState;
  createdAt: string;
  updatedAt: string;
};

export type PromotionInput = {
  productId: string;
  name: string;
  startsAt: string;
  endsAt: string;
  tiers: PromotionTier[];
};

export type PromotionPatch = Partial<Omit<PromotionInput, 'productId'>> & { status?: 'cancelled' };

/** A product summary as the catalog now sends it: with its promoted price while a promotion runs. */
export type PromotedSummary = ProductSummary & {
  promotedPrice?: { min: Money; max: Money; endsAt: string } | null;
};

export type Showcase = { companyId: string; items: PromotedSummary[] };

export type HomeShowcase = { items: { position: number; label: string | null; product: PromotedSummary }[] };

/** The promotion running now on a product page: its tiers at their promoted price. */
export type ProductPromotion = {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  priceTiers: { minQuantity: number; maxQuantity: number | null; percentOff: number; unitPrice: Money }[];
};

export type PromotedProduct = ProductDetail & { promotion?: ProductPromotion | null };

export type PromotedPriceQuote = PriceQuote & {
  listUnitPrice?: Money;
  promotion?: { id: string; name: string; endsAt: string; percentOff: number } | null;
};

// ── Sponsored results ──

export type SponsoredResult = PromotedSummary & {
  sponsored: true;
  campaignId: string;
  keywordId: string;
  /** What a click names (POST /api/ads/clicks). */
  impressionId: string;
  /** Above the organic results, or after them. */
  placement: 'top' | 'other';
};

export type SearchWithSponsored = SearchResponse & { sponsored?: SponsoredResult[] };

export type ClickAnswer = { clickId: string; impressionId: string; productId: string; url: string };
