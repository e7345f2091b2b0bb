import { readCsv } from '../../../core/csv.js';
import { lazy } from '../../../core/lazy.js';
import { dataFile } from '../../../core/paths.js';
import type { Language } from '../../search/index.js';
import { englishWords } from './english-words.js';
import { isSpanishFunctionWord, spanishWords } from './spanish-words.js';

// The words a query may use and what they mean in English: the trade glossary
// (data/glossary.csv, the search module's) and this module's supplement
// (data/trade/hs-synonyms.csv), read once per process.

export type { Language };

/** What a term of the query says in English, and which file said so. */
export type Rendering = { english: string; via: 'glossary' | 'synonym' };

/** A dictionary keyed by normalised phrase, with the longest key's length (characters or words). */
export type PhraseBook = { entries: Map<string, Rendering>; longest: number };

export type Vocabulary = {
  /** Chinese terms by their lower-case text (glossary Latin letters such as "LED灯泡" included). */
  zh: PhraseBook;
  /** Spanish terms by their folded singular words joined with spaces. */
  es: PhraseBook;
  /** English glossary terms, so a query's phrases stay whole ("stainless steel"). */
  en: PhraseBook;
  /**
   * English product words (keyed like `en`) → the HS nomenclature's own words
   * for them (chair → seat), alternatives separated by "|".
   */
  hsWording: PhraseBook;
  /** Words only one of the two Latin-script languages uses, for language detection. */
  onlySpanish: Set<string>;
  onlyEnglish: Set<string>;
};

type SynonymRow = { term: string; lang: string; en: string };

const readSynonyms = (): SynonymRow[] => {
  const file = 'trade/hs-synonyms.csv';
  return readCsv<SynonymRow>(dataFile(file)).map((row, i) => {
    if (!['en', 'zh', 'es'].includes(row.lang)) {
      throw new Error(`data/${file} row ${i + 2}: unknown language ${row.lang}`);
    }
    if (!row.term || !row.en) throw new Error(`data/${file} row ${i + 2}: term and en are required`);
    return row;
  });
};

const emptyBook = (): PhraseBook => ({ entries: new Map(), longest: 0 });

// A term in both files reads as the supplement says: it is written for the
// HS wording (灯泡 → "light bulb lamp", where the glossary has "bulb", which
// HS uses for flower bulbs).
const addPhrase = (book: PhraseBook, key: string, size: number, rendering: Rendering) => {
  if (!key) return;
  if (rendering.via === 'glossary' && book.entries.get(key)?.via === 'synonym') return;
  book.entries.set(key, rendering);
  book.longest = Math.max(book.longest, size);
};

export const zhKey = (text: string) => text.normalize('NFKC').toLowerCase();

const han = /\p{Script=Han}/u;

export const vocabulary = lazy((): Vocabulary => {
  const zh = emptyBook();
  const es = emptyBook();
  const en = emptyBook();
  const hsWording = emptyBook();
  const addZh = (term: string, rendering: Rendering) => {
    // Latin-only "Chinese" terms (LED) are read as English words anyway.
    if (han.test(term)) addPhrase(zh, zhKey(term), term.length, rendering);
  };
  const addEs = (term: string, rendering: Rendering) => {
    const words = spanishWords(term);
    addPhrase(es, words.join(' '), words.length, rendering);
  };
  const addEn = (term: string, rendering: Rendering) => {
    const words = englishWords(term);
    addPhrase(en, words.join(' '), words.length, rendering);
  };

  const glossary = readCsv<{ en: string; zh: string; es: string }>(dataFile('glossary.csv'));
  for (const row of glossary) {
    const rendering: Rendering = { english: row.en, via: 'glossary' };
    addEn(row.en, rendering);
    addZh(row.zh, rendering);
    addEs(row.es, rendering);
  }
  const synonyms = readSynonyms();
  for (const row of synonyms) {
    const rendering: Rendering = { english: row.en, via: 'synonym' };
    if (row.lang === 'zh') addZh(row.term, rendering);
    if (row.lang === 'es') addEs(row.term, rendering);
    if (row.lang === 'en') {
      const words = englishWords(row.term);
      addPhrase(hsWording, words.join(' '), words.length, rendering);
    }
  }

  const spanish = new Set(
    [...glossary.map((r) => r.es), ...synonyms.filter((r) => r.lang === 'es').map((r) => r.term)]
      .flatMap(spanishWords)
      .filter((w) => !isSpanishFunctionWord(w)),
  );
  const english = new Set(
    [...glossary.map((r) => r.en), ...synonyms.filter((r) => r.lang === 'en').map((r) => r.term)].flatMap(
      englishWords,
    ),
  );
  return {
    zh,
    es,
    en,
    hsWording,
    onlySpanish: new Set([...spanish].filter((w) => !english.has(w))),
    onlyEnglish: new Set([...english].filter((w) => !spanish.has(w))),
  };
});
