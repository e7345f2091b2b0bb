import { lazy } from '../../../core/lazy.js';
import { hsCodeList } from '../../catalog/index.js';
import { descriptionTerms } from './description-terms.js';

export type Subheading = {
  code: string;
  heading: string;
  chapter: string;
  description: string;
  /** Terms of its own text that describe the goods, and those it names only to exclude. */
  named: Set<string>;
  excluded: Set<string>;
};

type Group = { code: string; description: string; named: Set<string>; members: number[] };

export type HsIndex = {
  /** The level-6 subheadings of HS 2022, the codes suggested. */
  subheadings: Subheading[];
  headings: Map<string, Group>;
  chapters: Map<string, Group>;
  /** term → the subheadings (indexes) whose own text names it. */
  subheadingsNaming: Map<string, number[]>;
  /** term → the headings and chapters whose text names it. */
  headingsNaming: Map<string, string[]>;
  chaptersNaming: Map<string, string[]>;
  /** Inverse document frequency over subheadings (their text, heading's and chapter's together). */
  idf: Map<string, number>;
};

const post = <K>(index: Map<string, K[]>, terms: Iterable<string>, key: K) => {
  for (const term of terms) {
    const list = index.get(term);
    if (list) list.push(key);
    else index.set(term, [key]);
  }
};

/** The HS 2022 subheadings indexed by the terms of their descriptions, built once per process (~100 ms). */
export const hsIndex = lazy((): HsIndex => {
  const headings = new Map<string, Group>();
  const chapters = new Map<string, Group>();
  const subheadings: Subheading[] = [];
  for (const hs of hsCodeList().codes) {
    const { named, excluded } = descriptionTerms(hs.description);
    if (hs.level === 2)
      chapters.set(hs.code, { code: hs.code, description: hs.description, named, members: [] });
    if (hs.level === 4)
      headings.set(hs.code, { code: hs.code, description: hs.description, named, members: [] });
    if (hs.level === 6) {
      subheadings.push({
        code: hs.code,
        heading: hs.code.slice(0, 4),
        chapter: hs.code.slice(0, 2),
        description: hs.description,
        named,
        excluded,
      });
    }
  }
  const subheadingsNaming = new Map<string, number[]>();
  const documentFrequency = new Map<string, number>();
  subheadings.forEach((s, i) => {
    headings.get(s.heading)?.members.push(i);
    chapters.get(s.chapter)?.members.push(i);
    post(subheadingsNaming, s.named, i);
    const document = new Set([
      ...s.named,
      ...(headings.get(s.heading)?.named ?? []),
      ...(chapters.get(s.chapter)?.named ?? []),
    ]);
    for (const term of document) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  });
  const headingsNaming = new Map<string, string[]>();
  for (const h of headings.values()) post(headingsNaming, h.named, h.code);
  const chaptersNaming = new Map<string, string[]>();
  for (const c of chapters.values()) post(chaptersNaming, c.named, c.code);
  // ln(1 + N/df): "tshirt" (named by 2 subheadings) weighs 7.9, "lamp" 4.1,
  // "article" 1.5; a term every subheading shares still counts a little.
  const idf = new Map(
    [...documentFrequency].map(([term, df]) => [term, Math.log(1 + subheadings.length / df)] as const),
  );
  return { subheadings, headings, chapters, subheadingsNaming, headingsNaming, chaptersNaming, idf };
});
