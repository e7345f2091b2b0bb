import { englishTerms, isEnglishStopword } from './english-words.js';
import {
  englishWord,
  longestFirst,
  phraseSpans,
  type Span,
  spanishWord,
  type Word,
  walk,
  wordsOf,
} from './phrases.js';
import { isSpanishFunctionWord } from './spanish-words.js';
import { type Language, vocabulary, zhKey } from './vocabulary.js';

/** A phrase of a title and the English it was read as, before it is split into concepts. */
export type Reading = {
  /** The words as typed. */
  surface: string;
  /** Its English ("" when nothing could translate it). */
  english: string;
  /** How it reached English: typed in English, or through the glossary or the supplement. */
  via: 'query' | 'glossary' | 'synonym';
  /** Its words in the title's language (its lower-case text for Chinese). */
  native: string[];
  /** Character span in the lower-case title. */
  start: number;
  end: number;
  /** Which clause of the title it is in (0 first). */
  clause: number;
};

// A title's clauses: what comes after a separator or a preposition describes
// the goods ("LED bulb, E27, for home") rather than naming them.
const clauseBreak: Record<Language, RegExp> = {
  en: /[,;|/()[\]]+|\s[-–]\s|\b(?:with|for|from|by|in|on|without|including|to)\b/gu,
  es: /[,;|/()[\]]+|\s[-–]\s|\b(?:para|con|sin|en|por)\b/gu,
  zh: /[,;|/()[\]（）【】，；、。！？]+|用于|适用于|适合/gu,
};

const clauses = (text: string, language: Language) => {
  const found: { text: string; offset: number }[] = [];
  let cursor = 0;
  for (const m of text.matchAll(clauseBreak[language])) {
    found.push({ text: text.slice(cursor, m.index), offset: cursor });
    cursor = m.index + m[0].length;
  }
  found.push({ text: text.slice(cursor), offset: cursor });
  return found.filter((c) => c.text.trim());
};

const readingOf = (
  words: Word[],
  original: string,
  clause: number,
  english: string,
  via: Reading['via'],
) => ({
  surface: original.slice(words[0]!.start, words.at(-1)!.end),
  english,
  via,
  native: words.map((w) => w.word),
  start: words[0]!.start,
  end: words.at(-1)!.end,
  clause,
});

const readEnglish = (text: string, offset: number, original: string, clause: number): Reading[] => {
  const words = wordsOf(text, offset, englishWord);
  const readings: Reading[] = [];
  walk(
    words,
    phraseSpans(words, vocabulary().en, isEnglishStopword),
    (w) => {
      if (englishTerms(w.raw).length) readings.push(readingOf([w], original, clause, w.raw, 'query'));
    },
    (s) => {
      const phrase = words.slice(s.start, s.end);
      readings.push(readingOf(phrase, original, clause, phrase.map((w) => w.raw).join(' '), 'query'));
    },
  );
  return readings;
};

// Latin words a Spanish title borrows as they are: acronyms and model names
// (LED, USB), and words the English glossary knows.
const borrowed = (w: Word) => /^\p{Lu}{2,}$/u.test(w.raw) || vocabulary().en.entries.has(englishWord(w.raw));

const readSpanish = (text: string, offset: number, original: string, clause: number): Reading[] => {
  const words = wordsOf(text, offset, spanishWord);
  const readings: Reading[] = [];
  walk(
    words,
    phraseSpans(words, vocabulary().es, isSpanishFunctionWord),
    (w) => {
      if (isSpanishFunctionWord(w.word) || /\d/.test(w.raw)) return;
      readings.push(readingOf([w], original, clause, borrowed(w) ? w.raw : '', 'query'));
    },
    (s) =>
      readings.push(
        readingOf(words.slice(s.start, s.end), original, clause, s.rendering.english, s.rendering.via),
      ),
  );
  return readings;
};

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const latinOrDigit = /[\p{Script=Latin}\p{N}]/u;

const readChinese = (text: string, offset: number, original: string, clause: number): Reading[] => {
  const book = vocabulary().zh;
  // The segmenter does not know trade terms (手机壳 → 手机|壳), so glossary
  // terms are matched across its boundaries, longest first; but a
  // one-character term (水 water, 灯 lamp) counts only where the segmenter also
  // sees a word of its own, not a character of an unknown word (水 in 水壶).
  const oneCharacterWords = new Set(
    [...segmenter.segment(text)].filter((s) => s.isWordLike && s.segment.length === 1).map((s) => s.index),
  );
  const spans: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    for (let n = Math.min(book.longest, text.length - i); n >= 1; n--) {
      const key = text.slice(i, i + n);
      const rendering = book.entries.get(key);
      if (!rendering || (n === 1 && !oneCharacterWords.has(i))) continue;
      // The Latin edge of a mixed term (LED灯泡) must not cut an English word.
      if (latinOrDigit.test(key[0]!) && latinOrDigit.test(text[i - 1] ?? '')) continue;
      if (latinOrDigit.test(key.at(-1)!) && latinOrDigit.test(text[i + n] ?? '')) continue;
      spans.push({ start: i, end: i + n, rendering });
    }
  }
  const readings: Reading[] = [];
  const at = (from: number, to: number) => ({
    surface: original.slice(offset + from, offset + to),
    native: [text.slice(from, to)],
    start: offset + from,
    end: offset + to,
    clause,
  });
  const uncovered = (from: number, to: number) => {
    // Latin runs are English (model names, LED); Han runs no term covers are
    // unknown words, kept so that taxonomy names may still match them.
    for (const m of text.slice(from, to).matchAll(/\p{Script=Han}+|[^\p{Script=Han}]+/gu)) {
      const start = from + m.index;
      if (!/\p{Script=Han}/u.test(m[0])) {
        readings.push(...readEnglish(m[0], offset + start, original, clause));
        continue;
      }
      for (const s of segmenter.segment(m[0])) {
        if (s.isWordLike)
          readings.push({
            ...at(start + s.index, start + s.index + s.segment.length),
            english: '',
            via: 'query',
          });
      }
    }
  };
  let cursor = 0;
  for (const span of longestFirst(spans)) {
    uncovered(cursor, span.start);
    readings.push({ ...at(span.start, span.end), english: span.rendering.english, via: span.rendering.via });
    cursor = span.end;
  }
  uncovered(cursor, text.length);
  return readings;
};

/** A title's phrases in order, each read into English, the way its language is written. */
export const readTitle = (title: string, language: Language): Reading[] => {
  const original = title.normalize('NFKC');
  const text = zhKey(original);
  const read = { en: readEnglish, es: readSpanish, zh: readChinese }[language];
  return clauses(text, language).flatMap((c, i) => read(c.text, c.offset, original, i));
};
