import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../core/csv.js';
import { dataFile } from '../../../core/paths.js';
import { taxonomy } from '../../catalog/index.js';
import { suggestHsCodes } from './index.js';

// The demo word bank (data/demo/products.csv) names about 930 products in
// English, Chinese and Spanish, each under a taxonomy subcategory. The engine
// never reads it, so it is a broad check of recall: does the top 5 hold one of
// the HS headings the product's subcategory maps to? Many of its nouns are
// ones neither the HS texts nor the glossary connect to goods (mascara, yoga
// block), so the bar is a floor against regressions, not a target.
type DemoProduct = { subcategory: string; noun_en: string; noun_zh: string; noun_es: string };

const floor = 0.65;

describe('recall over the demo products', () => {
  const products = readCsv<DemoProduct>(dataFile('demo/products.csv'));

  it.each(['en', 'zh', 'es'] as const)(
    'finds a mapped heading in the top 5 for most %s names',
    (language) => {
      let found = 0;
      for (const product of products) {
        const headings = taxonomy().byCode.get(product.subcategory)!.hsHeadings;
        const suggestions = suggestHsCodes(product[`noun_${language}`]);
        if (suggestions.some((s) => headings.includes(s.heading))) found++;
      }
      expect(found / products.length).toBeGreaterThan(floor);
    },
  );
});
