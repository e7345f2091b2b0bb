const hour = 60 * 60 * 1000;

/**
 * The rules of the ad marketplace, in one place. Advertising is priced and
 * paid in US dollars only: one currency lets every bid compete in one
 * auction without an exchange rate, and a supplier's wallet is one account.
 */
export const adRules = {
  currency: 'USD',
  /** 0.10 USD: a lone bidder pays this, and no click costs less; a bid below it never shows. */
  reservePrice: 10n,
  /** The "+ 0.01" of the second-price formula: one minor unit. */
  increment: 1n,
  maxBid: 10_000n,
  minDailyBudget: 100n,
  maxDailyBudget: 100_000_000n,
  /** Sponsored results above the organic ones; only quality ≥ 3.0 may take them. */
  topSlots: 2,
  /** Sponsored results after the organic ones, open to any quality from `minQuality`. */
  otherSlots: 2,
  /** Quality scores are integers in tenths: 30 is 3.0. */
  topMinQuality: 30,
  minQuality: 10,
  /** An impression can be clicked (and charged) for this long after it was shown. */
  clickWindowMs: hour,
  /** The same clicker on the same campaign's product is charged once in this window. */
  chargeOnceWithinMs: 24 * hour,
  /** Inquiries and orders by the clicking buyer for the clicked product within this many days. */
  attributionDays: 7,
  /** Candidates read per search before the auction (the highest bids first). */
  maxCandidates: 200,
  maxKeywordsPerCampaign: 100,
  maxProductsPerCampaign: 50,
  maxShowcaseSlots: 6,
  maxHomeSlots: 12,
} as const;

/** The UTC day of a moment: campaign budgets run per UTC day. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** Advertising credit runs per calendar month in UTC. */
export const monthOf = (at: Date) => at.toISOString().slice(0, 7);
