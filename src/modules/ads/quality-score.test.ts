import { describe, expect, it } from 'vitest';
import { adTokens, keywordMatches } from './keywords.js';
import { type ListingFacts, listingPoints, qualityScore, relevancePoints } from './quality-score.js';

const facts = (overrides: Partial<ListingFacts> = {}): ListingFacts => ({
  titles: { en: 'Centrifugal water pump 1.5 kW', zh: '离心水泵', es: null },
  categoryNames: ['Machinery', 'Pumps', 'Water pumps', '机械', '泵', '水泵', 'Maquinaria', 'Bombas'],
  descriptionLength: 0,
  imageCount: 0,
  priceTierCount: 0,
  attributeCount: 0,
  certificationCount: 0,
  verificationLevel: 'unverified',
  ...overrides,
});

describe('keyword matching', () => {
  const q = (text: string) => adTokens(text);

  it('folds case and plurals, keeps order, and segments Chinese', () => {
    expect(adTokens('Water Pumps')).toEqual(['water', 'pump']);
    expect(adTokens('不锈钢水泵')).toEqual(['不锈钢', '水泵']);
  });

  it('exact: the query is the keyword', () => {
    const keyword = { tokens: adTokens('water pump'), matchType: 'exact' as const };
    expect(keywordMatches(keyword, q('Water pumps'))).toBe(true);
    expect(keywordMatches(keyword, q('stainless water pump'))).toBe(false);
    expect(keywordMatches(keyword, q('pump water'))).toBe(false);
  });

  it('phrase: the keyword together and in order within the query', () => {
    const keyword = { tokens: adTokens('water pump'), matchType: 'phrase' as const };
    expect(keywordMatches(keyword, q('stainless water pumps for irrigation'))).toBe(true);
    expect(keywordMatches(keyword, q('pump for water'))).toBe(false);
    expect(keywordMatches(keyword, q('water garden pump'))).toBe(false);
  });

  it('broad: every keyword word anywhere in the query', () => {
    const keyword = { tokens: adTokens('water pump'), matchType: 'broad' as const };
    expect(keywordMatches(keyword, q('pump for clean water'))).toBe(true);
    expect(keywordMatches(keyword, q('water heater'))).toBe(false);
  });
});

describe('quality score', () => {
  it('counts relevance: 2 points a word in a title, 1 in the category only', () => {
    expect(relevancePoints(adTokens('water pump'), facts())).toEqual({ points: 4, outOf: 4 });
    expect(relevancePoints(adTokens('pumps machinery'), facts())).toEqual({ points: 3, outOf: 4 });
    expect(relevancePoints(adTokens('水泵'), facts())).toEqual({ points: 2, outOf: 2 });
    expect(relevancePoints(adTokens('solar panel'), facts())).toEqual({ points: 0, outOf: 4 });
  });

  it('counts listing quality out of 100', () => {
    expect(listingPoints(facts())).toBe(0);
    const complete = facts({
      imageCount: 3,
      descriptionLength: 300,
      priceTierCount: 3,
      attributeCount: 3,
      certificationCount: 1,
      verificationLevel: 'onsite_audited',
    });
    expect(listingPoints(complete)).toBe(100);
    expect(
      listingPoints(facts({ imageCount: 1, descriptionLength: 80, priceTierCount: 1, attributeCount: 1 })),
    ).toBe(15 + 10 + 5 + 5);
    expect(listingPoints(facts({ verificationLevel: 'licence_checked' }))).toBe(15);
  });

  it('is 5 × relevance × (0.4 + 0.6 × listing), in tenths rounded half up', () => {
    const keyword = adTokens('water pump');
    // Fully relevant, empty listing: 5 × 1 × 0.4 = 2.0.
    expect(qualityScore(keyword, facts())).toBe(20);
    // Fully relevant, perfect listing: 5.0.
    const perfect = facts({
      imageCount: 5,
      descriptionLength: 1000,
      priceTierCount: 2,
      attributeCount: 4,
      certificationCount: 2,
      verificationLevel: 'onsite_audited',
    });
    expect(qualityScore(keyword, perfect)).toBe(50);
    // Listing 40 (image 15, description 10, tiers 15): 5 × (0.4 + 0.24) = 3.2.
    const forty = facts({ imageCount: 1, descriptionLength: 100, priceTierCount: 2 });
    expect(qualityScore(keyword, forty)).toBe(32);
    // Relevance 3/4 with listing 40: 3.2 × 0.75 = 2.4.
    expect(qualityScore(adTokens('pumps machinery'), forty)).toBe(24);
    // Around the top slots' 3.0: listing 30 gives 2.9, listing 35 gives 3.05, rounded up to 3.1.
    const thirty = facts({ imageCount: 1, verificationLevel: 'licence_checked' });
    expect(qualityScore(keyword, thirty)).toBe(29);
    expect(qualityScore(keyword, { ...thirty, certificationCount: 1 })).toBe(31);
    // Not relevant: 0 whatever the listing.
    expect(qualityScore(adTokens('solar panel'), perfect)).toBe(0);
    expect(qualityScore([], perfect)).toBe(0);
  });
});
