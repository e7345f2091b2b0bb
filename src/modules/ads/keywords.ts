// Keyword matching: pure, no I/O.

import { chineseQueryWords, latinWords, singularize } from '../search/index.js';
import type { AdMatchType } from './schema.js';

/**
 * The words of a keyword or a query as ads compare them, with the search
 * module's text analysis: Latin words lower-cased with plurals folded
 * ("Water Pumps" → water, pump), then Chinese words as the segmenter cuts
 * them. Within a script the order is kept (phrase and exact match need it);
 * a mixed-script text lists its Latin words first.
 */
export const adTokens = (text: string): string[] => [
  ...latinWords(singularize(text.normalize('NFC'))),
  ...chineseQueryWords(text).map(([word]) => word!),
];

const containsRun = (haystack: readonly string[], needle: readonly string[]) => {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((word, j) => haystack[i + j] === word)) return true;
  }
  return false;
};

/**
 * Whether a keyword applies to a query (both as `adTokens`):
 * - exact: the query is the keyword, word for word;
 * - phrase: the keyword's words appear in the query together and in order;
 * - broad: every word of the keyword appears in the query, in any order.
 * Plurals are folded for all three; other languages are not translated (an
 * advertiser bids on each language's keyword).
 */
export const keywordMatches = (
  keyword: { tokens: readonly string[]; matchType: AdMatchType },
  query: readonly string[],
): boolean => {
  const { tokens } = keyword;
  if (tokens.length === 0) return false;
  switch (keyword.matchType) {
    case 'exact':
      return tokens.length === query.length && tokens.every((word, i) => query[i] === word);
    case 'phrase':
      return containsRun(query, tokens);
    case 'broad': {
      const words = new Set(query);
      return tokens.every((word) => words.has(word));
    }
  }
};
