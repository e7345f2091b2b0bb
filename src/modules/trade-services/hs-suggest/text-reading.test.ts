import { describe, expect, it } from 'vitest';
import { descriptionTerms } from './description-terms.js';
import { detectLanguage } from './detect-language.js';
import { englishTerms, singularEnglish } from './english-words.js';
import { queryConcepts } from './query-concepts.js';
import { spanishWords } from './spanish-words.js';

describe('English words', () => {
  it.each([
    ['lamps', 'lamp'],
    ['batteries', 'battery'],
    ['boxes', 'box'],
    ['glasses', 'glass'],
    ['knives', 'knife'],
    ['plastics', 'plastic'],
    ['apparatus', 'apparatus'],
    ['wooden', 'wood'],
  ])('folds %s to %s', (word, singular) => {
    expect(singularEnglish(word)).toBe(singular);
  });

  it('keeps hyphenated compounds whole and in parts, drops stopwords and figures', () => {
    expect(englishTerms("Men's T-shirts, 2024 new hot sale, of cotton 100%")).toEqual([
      'man',
      'shirt',
      'tshirt',
      'cotton',
    ]);
    expect(englishTerms('non-electric heaters')).toEqual(['nonelectric', 'heater']);
  });
});

describe('Spanish words', () => {
  it('folds accents and plurals', () => {
    expect(spanishWords('Bombillas LED, luces, paneles solares, camión')).toEqual([
      'bombilla',
      'led',
      'luz',
      'panel',
      'solar',
      'camion',
    ]);
  });
});

describe('descriptionTerms', () => {
  it('separates what a description excludes from what it names', () => {
    const terms = descriptionTerms(
      'T-shirts, singlets and other vests; of textile materials (other than cotton), knitted or crocheted',
    );
    expect(terms.named).toContain('tshirt');
    expect(terms.named).not.toContain('cotton');
    expect(terms.excluded).toEqual(new Set(['cotton']));
  });

  it('reads "whether or not", limits and non- compounds right', () => {
    const seats = descriptionTerms('Seats, whether or not convertible into beds');
    expect(seats.named).toContain('convertible');
    const lamps = descriptionTerms('Lamps; of a power not exceeding 200W, other than tungsten halogen');
    expect(lamps.named).toContain('power');
    expect(lamps.excluded).toEqual(new Set(['tungsten', 'halogen']));
    const heaters = descriptionTerms('Heaters; solar water heaters, non-electric');
    expect(heaters.excluded).toContain('electric');
  });
});

describe('detectLanguage', () => {
  it.each([
    ['LED灯泡', 'zh'],
    ['LED light bulb', 'en'],
    ['bombilla LED', 'es'],
    ['silla de oficina', 'es'],
    ['camión', 'es'],
    ['panel solar', 'es'],
    ['solar panel', 'en'],
    ['E27 9W', 'en'],
  ])('reads %s as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe('queryConcepts', () => {
  const read = (title: string, language: 'en' | 'zh' | 'es') =>
    queryConcepts(title, language).map((c) => ({ english: c.english, via: c.via, weight: c.weight }));

  it('translates Chinese longest term first, and a single character only as a word of its own', () => {
    expect(read('不锈钢水壶', 'zh')).toEqual([
      { english: 'stainless steel', via: 'glossary', weight: 0.6 },
      { english: 'kettle', via: 'synonym', weight: 1 },
    ]);
  });

  it('takes the head noun last in English and Chinese, first in Spanish', () => {
    expect(read('stainless steel kettle with lid', 'en').map((c) => [c.english, c.weight])).toEqual([
      ['stainless steel', 0.6],
      ['kettle', 1],
      ['lid', 0.35],
    ]);
    expect(read('hervidor de acero inoxidable', 'es').map((c) => [c.english, c.weight])).toEqual([
      ['kettle', 1],
      ['stainless steel', 0.6],
    ]);
  });

  it('splits a long glossary phrase into its head and modifiers', () => {
    expect(read('不锈钢电热水壶', 'zh').map((c) => [c.english, c.weight])).toEqual([
      ['stainless steel', 0.6],
      ['electric kettle', 1],
    ]);
  });

  it('never takes who the goods are for as the head', () => {
    expect(read('纯棉T恤 男士', 'zh').map((c) => [c.english, c.weight])).toEqual([
      ['cotton t-shirt', 1],
      ['for men', 0.35],
    ]);
  });

  it('rewords the head in the HS nomenclature, keeping the modifiers', () => {
    const [bulb] = queryConcepts('LED bulb', 'en').filter((c) => c.terms.includes('bulb'));
    expect(bulb?.hsWording).toEqual([['led', 'lamp']]);
    const [kettle] = queryConcepts('kettle', 'en');
    expect(kettle?.hsWording).toEqual([['kitchen', 'household'], ['domestic']]);
    // A modifier keeps its words: a phone case is no telephone.
    expect(queryConcepts('phone case', 'en')[0]?.hsWording).toEqual([]);
  });
});
