/**
 * The trade index's metric maths: pure functions over numbers the insights
 * queries gather (no database here). Growth is a fraction (1.2006 = +120.06 %)
 * and null when the base is 0, throughout.
 */

export {
  type BlueOceanCandidate,
  type BlueOceanScore,
  blueOceanScores,
  type DemandSignals,
  demandOf,
  growthPoints,
  ratioPoints,
} from './blue-ocean.js';
export {
  type ForecastMethod,
  type FullYearForecast,
  fitHoltWinters,
  forecastFullYear,
  type HoltWintersFit,
  holtWinters,
  holtWintersGrid,
  holtWintersMinMonths,
  type SmoothingParams,
  seasonalRatioForecast,
} from './forecast.js';
export { growth, round4, roundTo, share } from './growth.js';
export {
  type ConcentrationLevel,
  concentrationLevel,
  hhi,
  hhiThresholds,
  supplierConcentration,
} from './hhi.js';
export { type Ranked, type RankOptions, rankBy, top } from './rank.js';
