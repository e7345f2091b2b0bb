import { readCsv } from '../src/core/csv.js';
import { dataFile } from '../src/core/paths.js';
import { type DemoNoun, demoWordBanks } from '../src/demo/catalog-data.js';
import { type Random, seededRandom } from '../src/demo/random.js';
import type { SearchProductsInput } from '../src/modules/catalog/search-products.js';
import { moqLimits, priceBucketsUsd } from '../src/modules/search/index.js';

/** What a benchmark query stands for, to read latencies per kind. */
export type QueryKind =
  | 'common-en'
  | 'common-zh'
  | 'common-es'
  | 'multi-word'
  | 'rare-model'
  | 'rare-noun'
  | 'typo'
  | 'cross-lang'
  | 'browse';

export type BenchQuery = { kind: QueryKind; input: SearchProductsInput };

// Terms buyers type most: each matches a large share of a catalog this size.
const commonEn = [
  'pump',
  'led',
  'steel',
  'bag',
  'bottle',
  'cable',
  'light',
  'machine',
  'plastic',
  'box',
  'shirt',
  'glass',
];
const commonZh = ['不锈钢', '泵', '灯', '包', '瓶', '电缆', '机', '塑料', '玻璃'];
const commonEs = ['bomba', 'acero', 'bolsa', 'luz', 'botella', 'cable', 'máquina', 'plástico', 'caja'];
const provinces = [
  '440000',
  '330000',
  '320000',
  '370000',
  '350000',
  '310000',
  '130000',
  '410000',
  '530000',
  '360000',
];

/** A mistyped word: one letter dropped, doubled or two swapped, as fingers do. */
const typo = (random: Random, word: string) => {
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 2)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
};

const typoPhrase = (random: Random, noun: DemoNoun) => {
  const words = noun.en.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
  if (long.length === 0) return `${typo(random, 'stainless')} ${noun.en}`;
  const [word, i] = random.pick(long);
  words[i] = typo(random, word);
  return words.join(' ');
};

const model = (random: Random) => `${String.fromCharCode(65 + random.int(0, 25))}${random.int(10, 990)}`;

const withFilters = (
  random: Random,
  input: SearchProductsInput,
  noun: DemoNoun | undefined,
  atLeast: number,
) => {
  const filters = ['category', 'price', 'moq', 'province', 'verified'] as const;
  const count = Math.max(atLeast, random.chance(0.5) ? random.int(1, 2) : 0);
  for (let i = 0; i < count; i++) {
    switch (random.pick(filters)) {
      case 'category': {
        // Mostly the query's own branch of the taxonomy (narrowing), sometimes any.
        const path = (noun ?? random.pick(demoWordBanks().nouns)).subcategory.split('/');
        input.category = path.slice(0, random.int(1, 3)).join('/');
        break;
      }
      case 'price': {
        const i = random.int(0, priceBucketsUsd.length - 2);
        input.minPrice = priceBucketsUsd[i];
        input.maxPrice = priceBucketsUsd[i + 1]! - 0.01;
        break;
      }
      case 'moq':
        input.maxMoq = random.pick(moqLimits);
        break;
      case 'province':
        input.province = random.pick(provinces);
        break;
      case 'verified':
        input.verified = random.chance(0.5) ? 'true' : 'onsite_audited';
        break;
    }
  }
  return input;
};

/**
 * A fixed, seeded mix of `total` product searches (200 by default): common
 * and rare terms in English, Chinese and Spanish, typos, cross-language
 * glossary terms and browsing by filters alone; about half carry filters.
 */
export const searchQueryMix = (seed: number, total = 200): BenchQuery[] => {
  const random = seededRandom(seed);
  const { nouns, modifiers } = demoWordBanks();
  const glossary = readCsv<{ en: string; zh: string; es: string }>(dataFile('glossary.csv'));
  const shares: [QueryKind, number][] = [
    ['common-en', 36],
    ['common-zh', 18],
    ['common-es', 18],
    ['multi-word', 24],
    ['rare-model', 20],
    ['rare-noun', 24],
    ['typo', 24],
    ['cross-lang', 26],
    ['browse', 10],
  ];
  const queries: BenchQuery[] = [];
  for (const [kind, share] of shares) {
    for (let i = 0; i < Math.round((share * total) / 200); i++) {
      const noun = random.pick(nouns);
      const base = { page: 1, pageSize: 20 };
      let input: SearchProductsInput;
      let related: DemoNoun | undefined;
      switch (kind) {
        case 'common-en':
          input = { ...base, q: random.pick(commonEn) };
          break;
        case 'common-zh':
          input = { ...base, q: random.pick(commonZh), lang: 'zh' };
          break;
        case 'common-es':
          input = {
            ...base,
            q: random.pick(commonEs),
            ...(random.chance(0.5) ? { lang: 'es' as const } : {}),
          };
          break;
        case 'multi-word': {
          const modifier = random.pick(modifiers);
          input = { ...base, q: `${modifier.en} ${noun.en}` };
          related = noun;
          break;
        }
        case 'rare-model':
          // Model numbers appear in ~30 % of titles; a given one in a handful.
          input = { ...base, q: random.chance(0.5) ? model(random) : `${noun.en} ${model(random)}` };
          break;
        case 'rare-noun': {
          const language = random.pick(['en', 'zh', 'es'] as const);
          input = { ...base, q: noun[language], ...(language === 'en' ? {} : { lang: language }) };
          related = noun;
          break;
        }
        case 'typo':
          input = { ...base, q: typoPhrase(random, noun) };
          related = noun;
          break;
        case 'cross-lang': {
          // A glossary concept typed in Spanish or Chinese: most listings are titled in English only.
          const entry = random.pick(glossary);
          input = { ...base, q: random.chance(0.5) ? entry.es : entry.zh };
          break;
        }
        case 'browse':
          input = { ...base, q: '' };
          break;
      }
      queries.push({ kind, input: withFilters(random, input, related, kind === 'browse' ? 1 : 0) });
    }
  }
  // Interleave the kinds, as real traffic does, so no kind runs on a cache warmed by its twin.
  for (let i = queries.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [queries[i], queries[j]] = [queries[j]!, queries[i]!];
  }
  return queries;
};
