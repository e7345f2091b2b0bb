// Spanish words as the glossary and the taxonomy are matched: accents folded
// (titles often drop them) and plurals reduced, "bombillas LED" → bombilla led.

const functionWords = new Set(
  'de del la el los las lo y e o u para con sin en por a al un una unos unas su sus que'.split(' '),
);

export const isSpanishFunctionWord = (word: string) => functionWords.has(word);

/** The singular of a folded Spanish word: luces → luz, paneles → panel, sillas → silla. */
export const singularSpanish = (word: string): string => {
  if (word.length < 4 || !word.endsWith('s')) return word;
  if (word.endsWith('ces')) return `${word.slice(0, -3)}z`;
  if (/[lnrdj]es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
};

const foldAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

/** The folded, singular words of a text in order; function words stay (they join phrases). */
export const spanishWords = (text: string): string[] =>
  (foldAccents(text.normalize('NFKC').toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? []).map(singularSpanish);
