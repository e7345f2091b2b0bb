/**
 * HS code suggestion: the likely HS 2022 subheadings of a product from its
 * title in English, Chinese or Spanish, from the HS texts, the product
 * taxonomy's HS mapping and the trade glossary. Pure and in memory: the index
 * is built on first use (about a quarter of a second) and a query then takes
 * about a millisecond.
 */
export { suggestHsCodes } from './suggest-hs-codes.js';
export type { HsEvidence, HsSuggestion, HsSuggestLanguage, HsSuggestOptions } from './types.js';
