import { englishTerms } from './english-words.js';

export type DescriptionTerms = {
  /** What the goods are: terms of the description outside any exclusion. */
  named: Set<string>;
  /** Terms the description names only to exclude them, e.g. cotton in "(other than cotton)". */
  excluded: Set<string>;
};

// An exclusion runs from its cue to the end of its clause (comma, semicolon or
// closing bracket). "whether or not" and limits ("not exceeding 200W") are not
// exclusions of goods.
const exclusion =
  /\bwhether or not\b|\b(?:other than|excluding|except|not)\b(?!\s+(?:exceeding|exceed|more|less|over|under|elsewhere))([^,;)]*)/g;

/**
 * The terms of an HS description split into those that describe the goods and
 * those it excludes: "T-shirts …; of textile materials (other than cotton)"
 * must not answer a query for cotton T-shirts as well as 6109.10 does.
 */
export const descriptionTerms = (description: string): DescriptionTerms => {
  const excludedText: string[] = [];
  const kept = description
    .toLowerCase()
    .replace(exclusion, (match, span: string | undefined) => {
      if (span === undefined) return match;
      excludedText.push(span);
      return ' ';
    })
    .replace(/\bnon-([\p{L}]+)/gu, (match, word: string) => {
      excludedText.push(word);
      return match;
    });
  const named = new Set(englishTerms(kept));
  const excluded = new Set(englishTerms(excludedText.join(' ')).filter((t) => !named.has(t)));
  return { named, excluded };
};
