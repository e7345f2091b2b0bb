import { englishTerms, isEnglishStopword } from './english-words.js';
import { englishWord, phraseSpans, type Word, walk, wordsOf } from './phrases.js';
import { type Reading, readTitle } from './read-title.js';
import { type Language, vocabulary } from './vocabulary.js';

/**
 * One thing a title names ("stainless steel", "kettle"), read into English.
 * The parts of one phrase share its surface, span and way into English.
 */
export type Concept = Omit<Reading, 'clause'> & {
  /** English index terms of this concept; empty when nothing could translate it. */
  terms: string[];
  /**
   * The concept in the HS nomenclature's own words, each an alternative list of
   * terms (kettle → [kitchen, household] or [domestic]): weaker evidence than `terms`.
   */
  hsWording: string[][];
  /** The English phrase that `hsWording` rewords, for the reasons shown. */
  hsWordingFrom: string[];
  /** How many concepts share the surface: a phrase split into its parts. */
  siblings: number;
  /** The head noun of the title weighs 1, its modifiers less, later details least. */
  weight: number;
};

/**
 * A reading's English split into the glossary phrases it is made of, so the
 * head stands apart from its modifiers: "stainless steel electric kettle" →
 * stainless steel, electric kettle. Two words stay one concept ("solar
 * panel", "light bulb"): split, they would lose what they name together.
 */
const conceptsOf = (reading: Reading) => {
  const words = wordsOf(reading.english, 0, englishWord);
  // The supplement's readings list near-synonyms, the HS word last ("light bulb lamp"): one concept.
  if (words.length < 3 || reading.via === 'synonym') {
    return [{ english: reading.english, terms: englishTerms(reading.english) }];
  }
  const parts: string[] = [];
  walk(
    words,
    phraseSpans(words, vocabulary().en, isEnglishStopword, words.length - 1),
    (w) => parts.push(w.raw),
    (s) =>
      parts.push(
        words
          .slice(s.start, s.end)
          .map((w) => w.raw)
          .join(' '),
      ),
  );
  const named = parts
    .map((english) => ({ english, terms: englishTerms(english) }))
    .filter((p) => p.terms.length);
  return named.length ? named : [{ english: reading.english, terms: [] }];
};

/**
 * The concept reworded in the HS nomenclature's terms: its head word (or a
 * phrase ending in it) replaced by each listed wording, the modifiers kept:
 * "led bulb" → led lamp; "office chair" → seat swivel height adjustment. A
 * modifier keeps its words: a phone case is no telephone.
 */
const hsWordingOf = (terms: string[]) => {
  const words: Word[] = terms.map((word, i) => ({ word, raw: word, start: i, end: i + 1 }));
  const head = phraseSpans(words, vocabulary().hsWording, () => false).find((s) => s.end === terms.length);
  if (!head) return { hsWording: [], hsWordingFrom: [] };
  const kept = terms.slice(0, head.start);
  const hsWording = head.rendering.english
    .split('|')
    .map((alternative) => [...new Set([...kept, ...englishTerms(alternative)])])
    .filter((alternative) => alternative.some((t) => !terms.includes(t)));
  return { hsWording, hsWordingFrom: hsWording.length ? [terms.slice(head.start).join(' ')] : [] };
};

// Who or when the goods are for: never the head ("纯棉T恤 男士" is a T-shirt),
// and no more than a detail (HS splits some garments by sex, most goods not).
const attributes = new Set(
  'man woman boy girl kid child lady baby adult unisex summer winter spring autumn'.split(' '),
);
const isAttribute = (terms: string[]) => terms.every((t) => attributes.has(t));

const headWeight = 1;
const modifierWeight = 0.6;
const detailWeight = 0.35;

/**
 * A title read as concepts in English. The head noun weighs most, since it
 * says what the goods are: the last thing named in the first clause in English
 * and Chinese ("stainless steel kettle", "不锈钢水壶"), the first in Spanish
 * ("hervidor de acero"; a glossary phrase is read in its English order).
 * Materials and uses refine it; what follows a comma or "for" describes it.
 */
export const queryConcepts = (query: string, language: Language): Concept[] => {
  const split = readTitle(query, language).map((reading) => ({ reading, parts: conceptsOf(reading) }));
  const named = split.filter((s) => s.parts.some((p) => p.terms.length));
  const headClause = named[0]?.reading.clause;
  const inHeadClause = named.filter((s) => s.reading.clause === headClause);
  const nouns = inHeadClause.filter((s) => !isAttribute(s.parts.at(-1)!.terms));
  const candidates = nouns.length ? nouns : inHeadClause;
  const headReading = language === 'es' ? candidates[0] : candidates.at(-1);
  return split.flatMap(({ reading, parts }) => {
    const { clause, ...shared } = reading;
    const role = (i: number) => {
      if (clause !== headClause || isAttribute(parts[i]!.terms)) return detailWeight;
      return reading === headReading?.reading && i === parts.length - 1 ? headWeight : modifierWeight;
    };
    return parts.map((part, i) => ({
      ...shared,
      ...part,
      ...hsWordingOf(part.terms),
      siblings: parts.length,
      weight: role(i),
    }));
  });
};
