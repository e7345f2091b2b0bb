import { readCsv } from '../../core/csv.js';
import { dataFile } from '../../core/paths.js';

// World trade regions after the UN M49 geographic regions (data/regions.csv),
// with the Americas split into North America (M49 Northern America) and Latin
// America and the Caribbean, as trade statistics usually report buyer markets.

export const regionIds = [
  'europe',
  'north-america',
  'latin-america',
  'east-asia',
  'southeast-asia',
  'south-asia',
  'central-asia',
  'middle-east',
  'africa',
  'oceania',
  'antarctica',
] as const;

export type RegionId = (typeof regionIds)[number];

export const regionNames: Record<RegionId, { en: string; zh: string; es: string }> = {
  europe: { en: 'Europe', zh: '欧洲', es: 'Europa' },
  'north-america': { en: 'North America', zh: '北美洲', es: 'América del Norte' },
  'latin-america': { en: 'Latin America', zh: '拉丁美洲', es: 'América Latina' },
  'east-asia': { en: 'East Asia', zh: '东亚', es: 'Asia Oriental' },
  'southeast-asia': { en: 'Southeast Asia', zh: '东南亚', es: 'Sudeste Asiático' },
  'south-asia': { en: 'South Asia', zh: '南亚', es: 'Asia del Sur' },
  'central-asia': { en: 'Central Asia', zh: '中亚', es: 'Asia Central' },
  'middle-east': { en: 'Middle East', zh: '中东', es: 'Oriente Medio' },
  africa: { en: 'Africa', zh: '非洲', es: 'África' },
  oceania: { en: 'Oceania', zh: '大洋洲', es: 'Oceanía' },
  antarctica: { en: 'Antarctica', zh: '南极洲', es: 'Antártida' },
};

const isRegionId = (value: string): value is RegionId => (regionIds as readonly string[]).includes(value);

let loaded: { byCountry: Map<string, RegionId>; byRegion: Map<RegionId, string[]> } | undefined;

// Read once per process; a region id outside `regionIds` is a broken data file,
// so it fails loudly rather than leaving a country without a region.
const regions = () => {
  loaded ??= (() => {
    const byCountry = new Map<string, RegionId>();
    const byRegion = new Map<RegionId, string[]>(regionIds.map((id) => [id, []]));
    for (const row of readCsv<{ country: string; region: string }>(dataFile('regions.csv'))) {
      if (!isRegionId(row.region)) throw new Error(`data/regions.csv: unknown region '${row.region}'`);
      byCountry.set(row.country, row.region);
      byRegion.get(row.region)!.push(row.country);
    }
    return { byCountry, byRegion };
  })();
  return loaded;
};

/** The trade region of an ISO 3166-1 alpha-2 code (any case), or undefined for an unknown code. */
export const regionOf = (country: string): RegionId | undefined =>
  regions().byCountry.get(country.toUpperCase());

/** The alpha-2 codes in a region, in the file's (alphabetical) order. */
export const countriesIn = (region: RegionId): string[] => [...(regions().byRegion.get(region) ?? [])];
