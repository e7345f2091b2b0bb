// The quality score of a product for a keyword: pure, no I/O.

import { chineseIndexTokens, latinWords, singularize } from '../search/index.js';

/** What the score reads about a listing and its supplier. */
export type ListingFacts = {
  titles: { en: string; zh: string | null; es: string | null };
  /** The names of the product's category path, in every language. */
  categoryNames: readonly string[];
  /** The longest of its descriptions, in characters. */
  descriptionLength: number;
  imageCount: number;
  priceTierCount: number;
  attributeCount: number;
  certificationCount: number;
  verificationLevel: string;
};

const wordsOf = (texts: readonly (string | null)[]) => {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of latinWords(singularize(text))) words.add(word);
    for (const token of chineseIndexTokens(text)) words.add(token);
  }
  return words;
};

/**
 * Relevance points of a keyword for a listing: 2 for each keyword word in a
 * title (any language), 1 for one found only in the category's names; out of
 * 2 per keyword word.
 */
export const relevancePoints = (keywordTokens: readonly string[], facts: ListingFacts) => {
  const titles = wordsOf([facts.titles.en, facts.titles.zh, facts.titles.es]);
  const category = wordsOf(facts.categoryNames);
  let points = 0;
  for (const word of keywordTokens) points += titles.has(word) ? 2 : category.has(word) ? 1 : 0;
  return { points, outOf: 2 * keywordTokens.length };
};

/**
 * Listing quality out of 100: what a buyer landing on the listing finds.
 * Images 25 (1–2: 15, 3 or more: 25), description 20 (80 characters: 10,
 * 300: 20), quantity price tiers 15 (one: 5, two or more: 15), attributes 10
 * (one: 5, three or more: 10), a certification 5, and the supplier's
 * verification 25 (licence checked: 15, audited on site: 25).
 */
export const listingPoints = (facts: ListingFacts): number =>
  (facts.imageCount >= 3 ? 25 : facts.imageCount >= 1 ? 15 : 0) +
  (facts.descriptionLength >= 300 ? 20 : facts.descriptionLength >= 80 ? 10 : 0) +
  (facts.priceTierCount >= 2 ? 15 : facts.priceTierCount === 1 ? 5 : 0) +
  (facts.attributeCount >= 3 ? 10 : facts.attributeCount >= 1 ? 5 : 0) +
  (facts.certificationCount >= 1 ? 5 : 0) +
  (facts.verificationLevel === 'onsite_audited'
    ? 25
    : facts.verificationLevel === 'licence_checked'
      ? 15
      : 0);

/**
 * The quality score of a product for a keyword, 0–5 in tenths (an integer
 * 0–50, so the auction computes exactly):
 *
 *   quality = 5 × relevance × (0.4 + 0.6 × listing)
 *
 * with relevance = points / outOf and listing = listingPoints / 100, rounded
 * half up to the tenth. Relevance multiplies: a listing that does not match
 * the keyword scores 0 however good it is. A fully relevant listing with
 * nothing else scores 2.0, so reaching the top slots (3.0) takes a listing
 * of 35 points or more (points come in fives; 30 gives 2.9): say, an image,
 * 80 characters of description and two price tiers (40, quality 3.2).
 */
export const qualityScore = (keywordTokens: readonly string[], facts: ListingFacts): number => {
  const { points, outOf } = relevancePoints(keywordTokens, facts);
  if (outOf === 0) return 0;
  const listing = listingPoints(facts);
  // 50 × (points / outOf) × (40 + 0.6 × listing) / 100 = points × (200 + 3 × listing) / (10 × outOf)
  const numerator = points * (200 + 3 * listing);
  const denominator = 10 * outOf;
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
};

/** Tenths as the 0–5 number the API shows. */
export const qualityOutOfFive = (tenths: number) => tenths / 10;
