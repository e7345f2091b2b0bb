import type { Language } from './vocabulary.js';

export type HsSuggestLanguage = Language;

/**
 * The evidence behind a suggestion: the HS texts themselves, the product
 * taxonomy's HS mapping, a glossary translation, or this module's supplement
 * (data/trade/hs-synonyms.csv: a translation, or the HS wording of a word).
 */
export type HsEvidence = 'hs-text' | 'taxonomy' | 'glossary' | 'synonym';

export type HsSuggestOptions = {
  /** The title's language; detected when absent (Chinese characters → zh, Spanish words → es, else en). */
  lang?: HsSuggestLanguage;
  /** How many suggestions at most, 1 to 20; 5 by default. */
  limit?: number;
};

export type HsSuggestion = {
  /** Six-digit HS 2022 subheading. */
  code: string;
  /** Its four-digit heading. */
  heading: string;
  description: string;
  headingDescription: string;
  /**
   * In [0, 1]: its heading's confidence, discounted when a sibling subheading
   * fits the title better; siblings the title cannot tell apart share it. See confidence.ts.
   */
  confidence: number;
  /** Probability-like confidence in its heading; headings are exclusive, so these sum to at most 1. */
  headingConfidence: number;
  /** The kinds of evidence behind it. */
  via: HsEvidence[];
  /** Short English lines naming that evidence, e.g. `glossary: LED灯泡 → led bulb`, `HS wording: bulb → lamp`. */
  reasons: string[];
};
