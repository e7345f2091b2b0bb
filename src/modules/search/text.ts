// Pure text analysis for the search index: no I/O.

const han = /\p{Script=Han}/u;
const hanRun = /\p{Script=Han}+/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export const hasHan = (text: string) => han.test(text);

/**
 * The tokens a Chinese text is indexed under: the segmenter's words, plus
 * every single character and every bigram of each run of Han characters.
 * The segmenter alone splits some words differently in titles and queries
 * (供应商 → 供应|商); characters and bigrams give the recall back.
 */
export const chineseIndexTokens = (text: string): string[] => {
  const tokens = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike && han.test(segment)) tokens.add(segment);
  }
  for (const [run] of text.matchAll(hanRun)) {
    for (let i = 0; i < run.length; i++) {
      tokens.add(run[i]!);
      if (i + 1 < run.length) tokens.add(run.slice(i, i + 2));
    }
  }
  return [...tokens];
};

/** The words of a Chinese query, each as the alternatives that match it. */
export const chineseQueryWords = (text: string): string[][] => {
  const words: string[][] = [];
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike || !han.test(segment)) continue;
    const bigrams: string[] = [];
    for (let i = 0; i + 1 < segment.length; i++) bigrams.push(segment.slice(i, i + 2));
    words.push([segment, ...bigrams]);
  }
  return words;
};

/** A lexeme quoted for a tsquery literal: the text stays as it is, unparsed. */
const quoteLexeme = (lexeme: string) => `'${lexeme.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;

/**
 * A tsquery literal for a Chinese query: every word must match (or, with
 * `anyWord`, at least one), either as itself or as all of its bigrams.
 */
export const chineseTsquery = (text: string, { anyWord = false } = {}): string | null => {
  const words = chineseQueryWords(text);
  if (words.length === 0) return null;
  return words
    .map(([word, ...bigrams]) =>
      bigrams.length > 1
        ? `(${quoteLexeme(word!)} | (${bigrams.map(quoteLexeme).join(' & ')}))`
        : quoteLexeme(word!),
    )
    .join(anyWord ? ' | ' : ' & ');
};

/**
 * Spanish and English plurals folded to the singular the glossary lists
 * ("bombas sumergibles" → "bomba sumergible"): crude on purpose, used only
 * to find glossary terms, never to index.
 */
export const singularize = (text: string): string =>
  text.replace(/[\p{L}]{4,}/gu, (word) => (/[^s]s$/u.test(word) ? word.slice(0, -1) : word));

/** Lower-case Latin words (letters and digits, accents kept) of a text. */
export const latinWords = (text: string): string[] =>
  (
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => !han.test(w));
