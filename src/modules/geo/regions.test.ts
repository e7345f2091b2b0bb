import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../core/csv.js';
import { dataFile } from '../../core/paths.js';
import { countriesIn, type RegionId, regionIds, regionNames, regionOf } from './regions.js';

// The code list the rest of the product validates country fields against.
const alpha2 = Object.keys(countries.getAlpha2Codes()).sort();

describe('trade regions', () => {
  it('gives every alpha-2 code of i18n-iso-countries exactly one region, and no other code', () => {
    const rows = readCsv<{ country: string; region: string; subregion: string }>(dataFile('regions.csv'));
    const codes = rows.map((r) => r.country);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(alpha2);
    for (const row of rows) {
      expect(regionIds).toContain(row.region);
      expect(row.subregion).not.toBe('');
    }
    for (const code of alpha2) expect(regionOf(code), code).toBeDefined();
  });

  it('lists each country under its own region only', () => {
    const listed = regionIds.flatMap((id) => countriesIn(id));
    expect(listed.sort()).toEqual(alpha2);
    for (const id of regionIds) for (const code of countriesIn(id)) expect(regionOf(code)).toBe(id);
  });

  it.each<[string, RegionId]>([
    ['ES', 'europe'],
    ['US', 'north-america'],
    ['BR', 'latin-america'],
    ['MX', 'latin-america'],
    ['CN', 'east-asia'],
    ['EG', 'africa'],
    ['AE', 'middle-east'],
    ['AU', 'oceania'],
    ['IN', 'south-asia'],
    ['VN', 'southeast-asia'],
    ['KZ', 'central-asia'],
  ])('%s is in %s', (country, region) => {
    expect(regionOf(country)).toBe(region);
  });

  it('accepts lower case and rejects unknown codes', () => {
    expect(regionOf('de')).toBe('europe');
    expect(regionOf('ZZ')).toBeUndefined();
  });

  it('names every region in English, Chinese and Spanish', () => {
    for (const id of regionIds) {
      const name = regionNames[id];
      expect([name.en, name.zh, name.es].every(Boolean)).toBe(true);
    }
  });
});
