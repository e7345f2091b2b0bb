/** Dated exchange rates and exact conversion between currencies in minor units. */
export { convertMinor, scaleRate } from './convert.js';
export { type FxCsvProblem, fxCsvColumns, parseFxCsv } from './fx-csv.js';
export { converterOn, type FxRate, loadShippedRates, ratesOn, saveRates } from './rates.js';
export * from './schema.js';
