/**
 * The trade index (新外贸指数): the platform's own trade facts and buyer
 * activity, rolled up by day, province, industry, category and buyer market,
 * and read as metrics against the same period a year earlier.
 */
export { importActivity, recordActivity } from './activity.js';
export { type IndexLang, indexLangs, isIndexLang } from './charts/index.js';
export { industryAndCategory, recordFact } from './facts.js';
export { importTransactions, type TransactionImport } from './import-transactions.js';
export { recordOrderPaid, recordOrderRefund } from './order-facts.js';
export { assertPeriod, type Period, yearEarlier } from './period.js';
export { buildIndexReport, type IndexReport } from './report.js';
export { renderIndexPdf } from './report-pdf/index-pdf.js';
export { applyFactsToRollups, rebuildRollups } from './rollups.js';
export * from './schema.js';
export { type CsvProblem, transactionColumns } from './transaction-csv.js';
