import { hsIndex, type Subheading } from './hs-index.js';
import type { Concept } from './query-concepts.js';
import type { TaxonomyEvidence } from './taxonomy-match.js';

// Where a term is found: the subheading's own text says most; its heading's
// text applies to every subheading under it; its chapter's, to all of those.
const fieldWeight = { subheading: 1, heading: 0.6, chapter: 0.3 };
// An HS wording of a word (chair → seat) is a translation of it, not the word.
const wordingWeight = 0.8;
// A word of the title the HS texts never use ("phone" in "phone case") still
// says something: it weighs as a fairly specific term no subheading matches,
// so "case" alone cannot pass for the whole concept.
const unknownIdf = 5;
// A term the subheading excludes ("other than cotton") counts against it.
const excludedPenalty = 0.5;
// Parts of goods are classified apart from the goods: a subheading of parts
// ("Lamps; parts of the lamps of heading 8539") suits a title only if it asks
// for parts.
const partsPenalty = 0.15;
const asksForParts = new Set(['part', 'component', 'accessory', 'spare']);
// Among siblings that match a title equally, the one whose own text names
// least beyond its heading and the title is the safer guess: the residual
// subheading ("n.e.c. in heading 8516") for a kettle, not microwave ovens;
// LED lamps, not LED modules, for a bulb. A tie-breaker, at most this much.
const specificityPenalty = 0.05;
// How much a taxonomy mapping adds next to the text score (both in [0, 1]):
// a node's name is product language, closer to a title than HS legal text.
const taxonomyWeight = 0.8;

export type ScoredSubheading = {
  index: number;
  /** Share of the title's weighted concepts the subheading's texts match, in [0, 1] less penalties. */
  text: number;
  /** The taxonomy's pointer at its heading, if any. */
  taxonomy: TaxonomyEvidence | undefined;
  score: number;
};

// The head of a concept's phrase ("earbud" in "wireless earbud", or the HS
// wording that replaced it) counts double against its modifiers.
const headTermWeight = 2;

/** A way of saying a concept: its terms with their weights (idf × head weight), and their sum. */
type Rendering = { terms: { term: string; weight: number }[]; weight: number; total: number };

/** Field weight of a term for a subheading: its own text, its heading's, its chapter's, or 0. */
const fieldOf = (term: string, s: Subheading) => {
  const index = hsIndex();
  if (s.named.has(term)) return fieldWeight.subheading;
  if (index.headings.get(s.heading)?.named.has(term)) return fieldWeight.heading;
  if (index.chapters.get(s.chapter)?.named.has(term)) return fieldWeight.chapter;
  return 0;
};

/** Every subheading a term reaches through its own, its heading's or its chapter's text. */
const reach = (term: string, into: Set<number>) => {
  const index = hsIndex();
  for (const i of index.subheadingsNaming.get(term) ?? []) into.add(i);
  for (const code of index.headingsNaming.get(term) ?? []) {
    for (const i of index.headings.get(code)!.members) into.add(i);
  }
  for (const code of index.chaptersNaming.get(term) ?? []) {
    for (const i of index.chapters.get(code)!.members) into.add(i);
  }
};

/**
 * Every subheading the title's terms or the taxonomy reach, scored: the
 * weighted mean over the title's concepts (head 1, modifiers less) of the
 * share of each concept its texts match, IDF-weighted, in the best of the
 * concept's renderings: its own words, or (at 0.8) one of its HS wordings, so
 * "kettle" → kitchen household or → domestic can each match fully but not add up.
 */
export const scoreSubheadings = (
  concepts: Concept[],
  taxonomyHeadings: Map<string, TaxonomyEvidence>,
): ScoredSubheading[] => {
  const index = hsIndex();
  const idf = (term: string) => index.idf.get(term) ?? 0;
  const rendering = (terms: string[], isHead: (term: string, i: number) => boolean, weight: number) => {
    const weighted = terms.map((term, i) => ({ term, weight: isHead(term, i) ? headTermWeight : 1 }));
    const total = weighted.reduce((sum, t) => sum + t.weight * (index.idf.get(t.term) ?? unknownIdf), 0);
    return { terms: weighted.filter((t) => index.idf.has(t.term)), weight, total };
  };
  const prepared = concepts.map((c) => {
    const renderings: Rendering[] = [
      rendering(c.terms, (_, i) => i === c.terms.length - 1, 1),
      ...c.hsWording.map((terms) =>
        // The wording's own terms stand for the head; unknown ones are left out.
        rendering(
          terms.filter((t) => index.idf.has(t)),
          (t) => !c.terms.includes(t),
          wordingWeight,
        ),
      ),
    ].filter((r) => r.terms.length > 0);
    // Nothing the HS texts know: the concept cannot be matched, only the taxonomy may use it.
    return { weight: renderings.length ? c.weight : 0, renderings };
  });
  const totalWeight = prepared.reduce((sum, c) => sum + c.weight, 0);
  const queryTerms = new Set(
    prepared.flatMap((c) => c.renderings.flatMap((r) => r.terms.map((t) => t.term))),
  );
  const wantsParts = concepts.some((c) => c.terms.some((t) => asksForParts.has(t)));

  const candidates = new Set<number>();
  for (const term of queryTerms) reach(term, candidates);
  for (const heading of taxonomyHeadings.keys()) {
    for (const i of index.headings.get(heading)?.members ?? []) candidates.add(i);
  }

  const specificity = (s: Subheading) => {
    const heading = index.headings.get(s.heading)?.named;
    let all = 0;
    let beyond = 0;
    for (const term of s.named) {
      all += idf(term);
      if (!queryTerms.has(term) && !heading?.has(term)) beyond += idf(term);
    }
    return all > 0 ? beyond / all : 0;
  };

  return [...candidates].map((i) => {
    const subheading = index.subheadings[i]!;
    let text = 0;
    if (totalWeight > 0) {
      for (const c of prepared) {
        if (c.weight === 0) continue;
        let share = 0;
        let excluded = 0;
        for (const r of c.renderings) {
          let matched = 0;
          for (const { term, weight } of r.terms) {
            matched += weight * idf(term) * fieldOf(term, subheading);
            if (subheading.excluded.has(term)) {
              excluded = Math.max(excluded, (r.weight * weight * idf(term)) / r.total);
            }
          }
          share = Math.max(share, (r.weight * matched) / r.total);
        }
        text += c.weight * (share - excludedPenalty * excluded);
      }
      text /= totalWeight;
    }
    if (!wantsParts && subheading.named.has('part')) text -= partsPenalty;
    text -= specificityPenalty * specificity(subheading);
    const taxonomy = taxonomyHeadings.get(subheading.heading);
    return { index: i, text, taxonomy, score: text + taxonomyWeight * (taxonomy?.strength ?? 0) };
  });
};
