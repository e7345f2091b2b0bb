/**
 * Advertising and marketing: pay-per-click keyword campaigns (the
 * search-time auction, sponsored results, clicks charged from a prepaid ad
 * wallet on the ledger within daily budgets), the wallet's top-ups by T/T
 * and monthly ad credit, campaign reports with attributed inquiries and
 * orders, time-limited promotions on quantity tiers, and showcase slots on a
 * supplier's showroom and the home page.
 */
export {
  type AdCreditSource,
  grantAdCredit,
  grantMonthlyAdCredit,
  registerAdCreditSource,
} from './ad-credit.js';
export { adRules, dayOf, monthOf } from './ad-rules.js';
export { type AuctionBid, type AuctionRules, type AuctionWinner, clickPrice, runAuction } from './auction.js';
export { getCampaign, listCampaigns } from './campaign-view.js';
export { createCampaign, updateCampaign } from './campaigns.js';
export { installAdsHooks } from './install.js';
export { adTokens, keywordMatches } from './keywords.js';
export { adsPolicy, advertisers } from './policy.js';
export { createPromotion, getPromotion, listPromotions, updatePromotion } from './promotions.js';
export { type ListingFacts, listingPoints, qualityScore, relevancePoints } from './quality-score.js';
export { recordClick } from './record-click.js';
export { campaignReport } from './report.js';
export { registerAdsRoutes } from './routes.js';
export * from './schema.js';
export { getShowcase, homeShowcase, setHomeSlots, setShowcase } from './showcase.js';
export { sponsoredFor } from './sponsored-results.js';
export { getWallet, topUpWallet, walletAvailable } from './wallet.js';
