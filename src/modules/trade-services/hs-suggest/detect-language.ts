import { hasHan } from '../../search/index.js';
import { englishWords } from './english-words.js';
import { isSpanishFunctionWord, spanishWords } from './spanish-words.js';
import { type Language, vocabulary } from './vocabulary.js';

const spanishLetters = /[ñáéíóúü¿¡]/i;
const englishFunctionWords = new Set('of for with and the in on to by from without'.split(' '));

const pairs = (words: string[]) => words.slice(1).map((w, i) => `${words[i]} ${w}`);

/**
 * The language a product title is written in: any Chinese character makes it
 * Chinese (titles mix in Latin model names, "LED灯泡 E27"); Spanish letters or
 * more Spanish-only than English-only words make it Spanish; else English.
 */
export const detectLanguage = (text: string): Language => {
  if (hasHan(text)) return 'zh';
  if (spanishLetters.test(text)) return 'es';
  const { onlySpanish, onlyEnglish } = vocabulary();
  let spanish = 0;
  let english = 0;
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const [asSpanish] = spanishWords(word);
    const [asEnglish] = englishWords(word);
    if (asSpanish && (onlySpanish.has(asSpanish) || isSpanishFunctionWord(asSpanish))) spanish++;
    if (asEnglish && (onlyEnglish.has(asEnglish) || englishFunctionWords.has(asEnglish))) english++;
  }
  if (spanish !== english) return spanish > english ? 'es' : 'en';
  // Words both languages share: their order tells ("panel solar", "solar panel").
  return pairs(spanishWords(text)).some((p) => vocabulary().es.entries.has(p)) &&
    !pairs(englishWords(text)).some((p) => vocabulary().en.entries.has(p))
    ? 'es'
    : 'en';
};
