import type { Language } from './vocabulary.js';

export type HsSuggestLanguage = Language;

/** The evidence behind a suggestion: the HS texts themselves, the product taxonomy's HS mapping, a translation. */
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
  /** Probability-like share in [0, 1] that this subheading is the one; see confidence.ts. */
  confidence: number;
  /** The same for its heading (all its subheadings together): often sure where the subheading is not. */
  headingConfidence: number;
  /** The kinds of evidence behind it. */
  via: HsEvidence[];
  /** Short English lines naming that evidence, e.g. `glossary: 灯泡 → bulb`, `HS text: lamp, led`. */
  reasons: string[];
};
