import { AppError } from '../../../core/errors.js';
import { confidences } from './confidence.js';
import { detectLanguage } from './detect-language.js';
import { hsIndex } from './hs-index.js';
import { type Concept, queryConcepts } from './query-concepts.js';
import { type ScoredSubheading, scoreSubheadings } from './score-subheadings.js';
import { namedInTaxonomy, type TaxonomyEvidence, taxonomyHeadings } from './taxonomy-match.js';
import type { HsEvidence, HsSuggestion, HsSuggestOptions } from './types.js';
import { type Language, zhKey } from './vocabulary.js';

const defaultLimit = 5;
const maxLimit = 20;
// Titles name the goods first; a long description adds little but time.
const maxQueryLength = 300;
// Below this a candidate matched only stray words (a chapter's "other").
const weakestScore = 0.15;
// The split of a heading into subheadings mostly turns on facts a title does
// not state (material, power, size): two siblings are worth showing, a third
// crowds out another heading.
const perHeading = 2;

const reasonsFor = (candidate: ScoredSubheading, concepts: Concept[]) => {
  const index = hsIndex();
  const subheading = index.subheadings[candidate.index]!;
  const heading = index.headings.get(subheading.heading)!;
  const inText = (term: string) => subheading.named.has(term) || heading.named.has(term);
  const via = new Set<HsEvidence>();
  const reasons: string[] = [];
  const textTerms = new Set<string>();
  const wordings = new Set<string>();
  const translations = new Set<string>();
  for (const c of concepts) {
    const own = c.terms.filter(inText);
    const wording = [...new Set(c.hsWording.flat().filter((t) => !c.terms.includes(t) && inText(t)))];
    for (const t of own) textTerms.add(t);
    if (wording.length) wordings.add(`${c.hsWordingFrom.join(', ')} → ${wording.join(' ')}`);
    const used = own.length > 0 || wording.length > 0 || (candidate.taxonomy && c.terms.length > 0);
    if (used && c.via !== 'query') {
      translations.add(`${c.via}: ${c.surface} → ${c.english}`);
      via.add(c.via);
    }
  }
  if (textTerms.size || wordings.size) via.add('hs-text');
  if (textTerms.size) reasons.push(`HS text: ${[...textTerms].join(', ')}`);
  for (const w of wordings) {
    reasons.push(`HS wording: ${w}`);
    via.add('synonym');
  }
  if (candidate.taxonomy) {
    via.add('taxonomy');
    reasons.push(taxonomyReason(candidate.taxonomy, subheading.heading));
  }
  reasons.push(...translations);
  return { via: [...via], reasons };
};

const taxonomyReason = ({ node }: TaxonomyEvidence, heading: string) =>
  `taxonomy: ${node.name.en} (${node.code}) → ${heading}`;

/** The share of the title (by concept weight) understood: translated, or words the HS texts or taxonomy use. */
const understoodShare = (concepts: Concept[], language: Language) => {
  const { idf } = hsIndex();
  const understood = (c: Concept) =>
    (c.terms.length > 0 && c.via !== 'query') ||
    [...c.terms, ...c.hsWording.flat()].some((t) => idf.has(t)) ||
    namedInTaxonomy(c, language);
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  const read = concepts.reduce((sum, c) => sum + (understood(c) ? c.weight : 0), 0);
  return total > 0 ? read / total : 0;
};

/**
 * HS 2022 subheadings for a product title or description in English, Chinese
 * or Spanish, most likely first, at most `limit` (5 by default) and at most
 * two per heading. A title with nothing recognisable in it (blank, a model
 * number, gibberish) yields an empty list rather than an error: it is an
 * answer ("no idea"), and callers show it as such. Only a bad `limit` throws
 * (VALIDATION_FAILED).
 */
export const suggestHsCodes = (query: string, options: HsSuggestOptions = {}): HsSuggestion[] => {
  const limit = options.limit ?? defaultLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw new AppError('VALIDATION_FAILED', `limit must be a whole number from 1 to ${maxLimit}`, { limit });
  }
  const title = query.slice(0, maxQueryLength).trim();
  if (!title) return [];
  const language = options.lang ?? detectLanguage(title);
  const concepts = queryConcepts(title, language);
  if (concepts.length === 0) return [];
  const headings = taxonomyHeadings(concepts, language, zhKey(title.normalize('NFKC')));
  const scored = scoreSubheadings(concepts, headings).filter((s) => s.score >= weakestScore);
  if (scored.length === 0) return [];

  const index = hsIndex();
  const confidence = confidences(
    scored.map((s) => ({ heading: index.subheadings[s.index]!.heading, score: s.score })),
    understoodShare(concepts, language),
  );
  const ranked = scored
    .map((candidate, i) => ({ candidate, confidence: confidence.subheading[i]! }))
    .sort(
      (a, b) =>
        b.confidence - a.confidence ||
        index.subheadings[a.candidate.index]!.code.localeCompare(index.subheadings[b.candidate.index]!.code),
    );

  const shown = new Map<string, number>();
  const suggestions: HsSuggestion[] = [];
  for (const { candidate, confidence: share } of ranked) {
    if (suggestions.length === limit) break;
    const subheading = index.subheadings[candidate.index]!;
    const count = shown.get(subheading.heading) ?? 0;
    if (count === perHeading) continue;
    shown.set(subheading.heading, count + 1);
    suggestions.push({
      code: subheading.code,
      heading: subheading.heading,
      description: subheading.description,
      headingDescription: index.headings.get(subheading.heading)!.description,
      confidence: round(share),
      headingConfidence: round(confidence.heading.get(subheading.heading)!),
      ...reasonsFor(candidate, concepts),
    });
  }
  return suggestions;
};

const round = (value: number) => Math.round(value * 1000) / 1000;
