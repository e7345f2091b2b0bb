import { readCsv } from '../../core/csv.js';
import { lazy } from '../../core/lazy.js';
import { dataFile } from '../../core/paths.js';

// The shipped reference data, read once per process from data/: validation and
// display names need no database round trip. The same files fill the
// reference tables (reference-data.ts) for SQL joins.

export type LocalizedName = { en: string; zh: string; es: string };
export type TaxonomyLevel = 'industry' | 'category' | 'subcategory';
export type TaxonomyNode = {
  code: string;
  level: TaxonomyLevel;
  parent: string | null;
  name: LocalizedName;
  hsHeadings: string[];
};
export type HsCode = {
  code: string;
  section: string;
  description: string;
  parent: string | null;
  level: number;
};
export type Province = { code: string; name: LocalizedName };

export const taxonomy = lazy(() => {
  const nodes: TaxonomyNode[] = readCsv<Record<string, string>>(dataFile('taxonomy.csv')).map((r) => ({
    code: r.code!,
    level: r.level as TaxonomyLevel,
    parent: r.parent || null,
    name: { en: r.name_en!, zh: r.name_zh!, es: r.name_es! },
    hsHeadings: r.hs_headings!.split(/\s+/).filter(Boolean),
  }));
  return { nodes, byCode: new Map(nodes.map((n) => [n.code, n])) };
});

/**
 * HS 2022 chapters, headings and subheadings. The source's `TOTAL` rows
 * (chapter 99 "commodities not specified according to kind" and the grand
 * total) are UN Comtrade's reporting codes, not HS: no product or
 * declaration may use them.
 */
export const hsCodeList = lazy(() => {
  const rows = readCsv<Record<string, string>>(dataFile('hs/harmonized-system.csv')).filter(
    (r) => r.section !== 'TOTAL',
  );
  const codes: HsCode[] = rows.map((r) => ({
    code: r.hscode!,
    section: r.section!,
    description: r.description!,
    parent: r.parent === 'TOTAL' ? null : r.parent!,
    level: Number(r.level),
  }));
  return { codes, byCode: new Map(codes.map((c) => [c.code, c])) };
});

export const provinceList = lazy(() => {
  const list: Province[] = readCsv<Record<string, string>>(dataFile('provinces.csv')).map((r) => ({
    code: r.code!,
    // Pinyin names read the same in Spanish.
    name: { en: r.name_en!, zh: r.name_zh!, es: r.name_en! },
  }));
  return { list, byCode: new Map(list.map((p) => [p.code, p])) };
});

/** The industry, category and sub-category a taxonomy code sits under (itself included). */
export const taxonomyPath = (code: string) => {
  const path: TaxonomyNode[] = [];
  let node = taxonomy().byCode.get(code);
  while (node) {
    path.unshift(node);
    node = node.parent ? taxonomy().byCode.get(node.parent) : undefined;
  }
  return {
    nodes: path,
    industry: path.find((n) => n.level === 'industry'),
    category: path.find((n) => n.level === 'category'),
    subcategory: path.find((n) => n.level === 'subcategory'),
  };
};
