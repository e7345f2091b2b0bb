/** Geography: ISO 3166-1 alpha-2 country codes mapped to world trade regions (after UN M49). */
export { countriesIn, type RegionId, regionIds, regionNames, regionOf } from './regions.js';
