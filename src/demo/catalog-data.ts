import { readCsv } from '../core/csv.js';
import { dataFile } from '../core/paths.js';
import { hsCodeList, taxonomy } from '../modules/catalog/index.js';

export type DemoNoun = {
  subcategory: string;
  en: string;
  zh: string;
  es: string;
  unit: string;
  priceMin: number;
  priceMax: number;
  moqMin: number;
  moqMax: number;
};
export type DemoModifier = { en: string; zh: string; es: string; esAfter: boolean };

let banks: ReturnType<typeof readWordBanks> | undefined;

/** The word banks in data/demo/ that product titles and company names are made from (read once). */
export const demoWordBanks = () => {
  banks ??= readWordBanks();
  return banks;
};

const readWordBanks = () => {
  const nouns: DemoNoun[] = readCsv<Record<string, string>>(dataFile('demo/products.csv')).map((r) => ({
    subcategory: r.subcategory!,
    en: r.noun_en!,
    zh: r.noun_zh!,
    es: r.noun_es!,
    unit: r.unit!,
    priceMin: Number(r.price_usd_min),
    priceMax: Number(r.price_usd_max),
    moqMin: Number(r.moq_min),
    moqMax: Number(r.moq_max),
  }));
  const modifiers: DemoModifier[] = readCsv<Record<string, string>>(dataFile('demo/modifiers.csv')).map(
    (r) => ({
      en: r.en!,
      zh: r.zh!,
      es: r.es!,
      esAfter: r.es_position === 'after',
    }),
  );
  const names = readCsv<{ kind: string; en: string; zh: string }>(dataFile('demo/company-names.csv'));
  const byIndustry = new Map<string, DemoNoun[]>();
  for (const noun of nouns) {
    const industry = noun.subcategory.split('/')[0]!;
    byIndustry.set(industry, [...(byIndustry.get(industry) ?? []), noun]);
  }
  return {
    nouns,
    modifiers,
    byIndustry,
    industries: taxonomy()
      .nodes.filter((n) => n.level === 'industry')
      .map((n) => n.code),
    supplierPrefixes: names.filter((n) => n.kind === 'supplier_prefix'),
    supplierSuffixes: names.filter((n) => n.kind === 'supplier_suffix'),
    buyerWords: names.filter((n) => n.kind === 'buyer_word').map((n) => n.en),
  };
};

const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];

/**
 * A real six-digit HS subheading for a demo product: among the subheadings of
 * the headings its sub-category maps to, the one whose description shares
 * most words with the product noun, preferring residual ("n.e.c.", "other")
 * subheadings to specific ones and never "parts". Good enough for demo data
 * that later feeds customs documents; real listings name their own code.
 */
export const hsCodeFor = (subcategory: string, noun = ''): string => {
  const headings = taxonomy().byCode.get(subcategory)?.hsHeadings ?? [];
  const nounWords = new Set(words(noun).flatMap((w) => [w, `${w}s`, w.replace(/s$/, '')]));
  let best: { code: string; score: number } | undefined;
  for (const heading of headings) {
    for (const child of hsCodeList().codes.filter((c) => c.level === 6 && c.parent === heading)) {
      const text = child.description.toLowerCase();
      const overlap = [...new Set(words(text))].filter((w) => nounWords.has(w)).length;
      const residual = /n\.e\.c/.test(text) ? 0.75 : /\bother\b/.test(text) ? 0.5 : 0;
      const score = overlap + residual - (/\bparts?\b/.test(text) ? 10 : 0);
      if (!best || score > best.score) best = { code: child.code, score };
    }
  }
  return best?.code ?? '847989';
};
