import { lazy } from '../../../core/lazy.js';
import { taxonomy } from '../../catalog/index.js';
import { englishTerms } from './english-words.js';
import type { Concept } from './query-concepts.js';
import { isSpanishFunctionWord, spanishWords } from './spanish-words.js';
import { type Language, zhKey } from './vocabulary.js';

// The product taxonomy names its nodes in three languages and lists the HS
// headings each maps to: a title that names a node ("LED Bulbs", "办公椅",
// "Paneles solares") points at those headings even where the HS text uses
// other words (a kettle is nowhere in HS 8516).

type TaxonomyNode = ReturnType<typeof taxonomy>['nodes'][number];

/** One name of a node split at "&" / "与" / "y": "Phone Cases & Screen Protectors" names two things. */
type NamePart = { node: TaxonomyNode; words: string[]; weights: number[] };

const idfWeights = (parts: { words: string[] }[], headFirst: boolean) => {
  const df = new Map<string, number>();
  for (const p of parts) for (const w of new Set(p.words)) df.set(w, (df.get(w) ?? 0) + 1);
  // The head of a name ("Kettles" in "Electric Kettles", "Bombillas" in
  // "Bombillas LED") decides what it is, so it counts half again.
  return (words: string[]) =>
    words.map(
      (w, i) =>
        Math.log(1 + parts.length / (df.get(w) ?? 1)) * (i === (headFirst ? 0 : words.length - 1) ? 1.5 : 1),
    );
};

const parts = (node: TaxonomyNode, name: string, split: RegExp, words: (part: string) => string[]) =>
  name
    .split(split)
    .map((label) => ({ node, words: [...new Set(words(label))] }))
    .filter((p) => p.words.length > 0);

const names = lazy(() => {
  const { nodes } = taxonomy();
  const en = nodes.flatMap((n) => parts(n, n.name.en, /\s*(?:&|,|\band\b)\s*/, englishTerms));
  const es = nodes.flatMap((n) =>
    parts(n, n.name.es, /\s*(?:,|\by\b|\be\b)\s*/, (p) =>
      spanishWords(p).filter((w) => !isSpanishFunctionWord(w)),
    ),
  );
  const zh = nodes.flatMap((n) => parts(n, n.name.zh, /[与和、及,，]/, (p) => [zhKey(p.trim())]));
  const weighEn = idfWeights(en, false);
  const weighEs = idfWeights(es, true);
  return {
    en: en.map((p): NamePart => ({ ...p, weights: weighEn(p.words) })),
    es: es.map((p): NamePart => ({ ...p, weights: weighEs(p.words) })),
    zh: zh.map((p): NamePart => ({ ...p, weights: [1] })),
  };
});

const nameWords = lazy(() => {
  const { en, es, zh } = names();
  return {
    en: new Set(en.flatMap((p) => p.words)),
    es: new Set(es.flatMap((p) => p.words)),
    zh: zh.map((p) => p.words[0]!),
  };
});

/** Whether a concept is a word the taxonomy's names use (in English, or natively). */
export const namedInTaxonomy = (concept: Concept, language: Language) => {
  const words = nameWords();
  if (concept.terms.some((t) => words.en.has(t))) return true;
  if (language === 'es') return concept.native.some((w) => words.es.has(w));
  const word = concept.native[0] ?? '';
  return language === 'zh' && word.length > 1 && words.zh.some((name) => name.includes(word));
};

export type TaxonomyEvidence = { node: TaxonomyNode; strength: number };

/**
 * How well a name part matches the query: the share of the name the query
 * covers times the share of the query (by concept weight) the name explains.
 * "Stainless Steel", fully covered by "不锈钢水壶", explains only its modifier
 * and counts less than "Electric Kettles", half covered but naming the head.
 */
const strength = (nameCovered: number, conceptShares: number[], concepts: Concept[]) => {
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  const explained = concepts.reduce((sum, c, i) => sum + c.weight * (conceptShares[i] ?? 0), 0);
  return total > 0 ? (nameCovered * explained) / total : 0;
};

// The head word of a concept's phrase (English "office chair", Spanish "silla
// de oficina") counts double in the share of the concept a name explains.
const conceptShare = (words: string[], headFirst: boolean, matched: (w: string) => boolean) => {
  let all = 0;
  let hit = 0;
  words.forEach((w, i) => {
    const weight = i === (headFirst ? 0 : words.length - 1) ? 2 : 1;
    all += weight;
    if (matched(w)) hit += weight;
  });
  return all > 0 ? hit / all : 0;
};

/** Match of a word-based name part against each concept's words (English terms or Spanish words). */
const wordMatch = (
  part: NamePart,
  concepts: Concept[],
  conceptWords: string[][],
  anyWord: Set<string>,
  headFirst: boolean,
) => {
  if (!part.words.some((w) => anyWord.has(w))) return 0;
  const covered = part.words.reduce((sum, w, i) => sum + (anyWord.has(w) ? part.weights[i]! : 0), 0);
  const all = part.weights.reduce((a, b) => a + b, 0);
  const shares = conceptWords.map((words) => conceptShare(words, headFirst, (w) => part.words.includes(w)));
  return strength(covered / all, shares, concepts);
};

const matchAll = (
  parts: NamePart[],
  concepts: Concept[],
  wordsOf: (c: Concept) => string[],
  headFirst: boolean,
) => {
  const conceptWords = concepts.map(wordsOf);
  const anyWord = new Set(conceptWords.flat());
  return parts.map((part) => [part, wordMatch(part, concepts, conceptWords, anyWord, headFirst)] as const);
};

/** Match of a Chinese name part: contained in the query, or containing a query word (水壶 in 电热水壶). */
const chineseMatch = (part: NamePart, concepts: Concept[], text: string) => {
  const name = part.words[0]!;
  const at = text.indexOf(name);
  if (at >= 0) {
    const shares = concepts.map((c) => {
      const overlap = Math.min(c.end, at + name.length) - Math.max(c.start, at);
      return overlap > 0 ? overlap / (c.end - c.start) : 0;
    });
    return strength(1, shares, concepts);
  }
  let covered = 0;
  const shares = concepts.map((c) => {
    const word = c.native[0] ?? '';
    if (word.length < 2 || !/\p{Script=Han}/u.test(word) || !name.includes(word)) return 0;
    covered += word.length / c.siblings;
    return 1;
  });
  return covered > 0 ? strength(Math.min(1, covered / name.length), shares, concepts) : 0;
};

const levelWeight = { subcategory: 1, category: 0.85, industry: 0.6 } as const;
const weakest = 0.25;

/**
 * The headings the taxonomy points the query at, each with its strongest
 * node: strength × the node's level weight (an industry is broad) × a decay by
 * the heading's place in the node's list (the first is its main heading).
 */
export const taxonomyHeadings = (concepts: Concept[], language: Language, text: string) => {
  const { en, es, zh } = names();
  const best = new Map<string, TaxonomyEvidence>();
  const consider = (part: NamePart, score: number) => {
    if (score < weakest) return;
    const node = part.node;
    node.hsHeadings.forEach((heading, place) => {
      const boost = score * levelWeight[node.level] * (1 / (1 + 0.2 * place));
      if (boost > (best.get(heading)?.strength ?? 0)) best.set(heading, { node, strength: boost });
    });
  };
  for (const [part, score] of matchAll(en, concepts, (c) => c.terms, false)) consider(part, score);
  if (language === 'es') {
    const spanish = (c: Concept) => c.native.filter((w) => !isSpanishFunctionWord(w));
    for (const [part, score] of matchAll(es, concepts, spanish, true)) consider(part, score);
  }
  if (language === 'zh') for (const part of zh) consider(part, chineseMatch(part, concepts, text));
  return best;
};
