import { englishWords } from './english-words.js';
import { spanishWords } from './spanish-words.js';
import type { PhraseBook, Rendering } from './vocabulary.js';

// Finding a phrase book's phrases in a sequence of words, longest first.

export type Span = { start: number; end: number; rendering: Rendering };

/** Longest phrases first, never overlapping: "stainless steel kettle" → stainless steel, kettle. */
export const longestFirst = (candidates: Span[]): Span[] => {
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Span[] = [];
  for (const c of candidates) {
    if (chosen.every((m) => c.end <= m.start || c.start >= m.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
};

export type Word = { word: string; raw: string; start: number; end: number };

export const wordsOf = (text: string, offset: number, fold: (raw: string) => string): Word[] =>
  [...text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((m) => ({
    word: fold(m[0]),
    raw: m[0],
    start: offset + m.index,
    end: offset + m.index + m[0].length,
  }));

export const englishWord = (raw: string) => englishWords(raw)[0] ?? raw;
export const spanishWord = (raw: string) => spanishWords(raw)[0] ?? raw;

/** Phrases of a word sequence found in a phrase book (at most `longest` words), as word-index spans. */
export const phraseSpans = (
  words: Word[],
  book: PhraseBook,
  skip: (word: string) => boolean,
  longest = book.longest,
) => {
  const spans: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    if (skip(words[i]!.word)) continue;
    for (let n = Math.min(longest, words.length - i); n >= 1; n--) {
      const key = words
        .slice(i, i + n)
        .map((w) => w.word)
        .join(' ');
      const rendering = book.entries.get(key);
      if (rendering) spans.push({ start: i, end: i + n, rendering });
    }
  }
  return longestFirst(spans);
};

/** Word runs between phrase spans, and the spans: every word once, in order. */
export const walk = (words: Word[], spans: Span[], onWord: (w: Word) => void, onSpan: (s: Span) => void) => {
  let cursor = 0;
  for (const span of spans) {
    words.slice(cursor, span.start).forEach(onWord);
    onSpan(span);
    cursor = span.end;
  }
  words.slice(cursor).forEach(onWord);
};
