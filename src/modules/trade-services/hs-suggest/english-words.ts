// English text as the HS nomenclature and the queries are both read: the same
// folding on both sides, so "Lamps" in a description meets "lamp" in a title.

// Words the suffix rules would get wrong (HS writes "knives", titles "knife").
const irregular: Record<string, string> = {
  knives: 'knife',
  shelves: 'shelf',
  leaves: 'leaf',
  loaves: 'loaf',
  halves: 'half',
  calves: 'calf',
  wolves: 'wolf',
  men: 'man',
  women: 'woman',
  children: 'child',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
  dice: 'die',
  // Adjectives of material HS uses where titles say the noun ("wooden furniture", "wood table").
  wooden: 'wood',
  woollen: 'wool',
};

// Singular nouns ending in -s that must stay as they are.
const keepsFinalS = /(?:ss|us|is)$/;

/** The singular of an English word; crude on purpose, applied alike to the HS text and the query. */
export const singularEnglish = (word: string): string => {
  const known = irregular[word];
  if (known) return known;
  if (word.length < 4 || !word.endsWith('s') || keepsFinalS.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:sses|xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
};

// Words that say nothing about what the goods are: grammar, the nomenclature's
// own cross-references ("n.e.c. in heading no."), and the marketing words of
// B2B titles ("2024 new hot sale factory price wholesale custom logo").
const stopwords = new Set(
  [
    'a an and or of the for with without in on to by from at as into onto per its their thereof therefor',
    'whether not other than excluding including include kind used use such like similar thereto also only',
    'be being been is are was which that this those these all any each both either neither',
    'nec heading headings subheading subheadings chapter chapters item items no eg ie etc',
    'new hot sale sales selling best top quality high-quality cheap price factory wholesale custom',
    'customized customised oem odm logo free sample supplier manufacturer brand style fashion',
    'popular design designs latest premium',
  ]
    .join(' ')
    .split(' '),
);

export const isEnglishStopword = (word: string) => stopwords.has(word);

const rawTokens = (text: string): string[] =>
  text
    .normalize('NFKC')
    .toLowerCase()
    // Possessives: "men's", "boys'" read as men, boys.
    .replace(/(\p{L})['’]s?\b/gu, '$1')
    .match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];

// Figures (1.7L, 200W, E27, heading numbers) are specifications, not goods.
const keepsTerm = (word: string) => word.length >= 2 && !/\d/.test(word) && !stopwords.has(word);

/**
 * The words of a text in order, for phrase lookup: lower case, singular, a
 * hyphenated compound as one word ("T-shirts" → tshirt). Stopwords stay, so
 * phrases and the boundaries between them survive.
 */
export const englishWords = (text: string): string[] =>
  rawTokens(text).map((token) => singularEnglish(token.replaceAll('-', '')));

/**
 * The index terms of a text: its words without stopwords or figures, and
 * each hyphenated compound also as its parts ("light-emitting" → light,
 * emitting, lightemitting), so "suit-cases" meets "suitcase" and "case" alike.
 */
export const englishTerms = (text: string): string[] => {
  const terms: string[] = [];
  for (const token of rawTokens(text)) {
    const parts = token.split('-');
    // "non-electric" means not electric: only the compound is a term. The
    // compound comes last: it is the head ("t-shirt" → shirt, tshirt).
    if (parts.length === 1 || parts[0] !== 'non') terms.push(...parts.map(singularEnglish));
    if (parts.length > 1) terms.push(singularEnglish(parts.join('')));
  }
  return terms.filter(keepsTerm);
};
