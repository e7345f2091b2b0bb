/**
 * Bank statement parsers: pure functions from an uploaded MT940 or camt.053
 * file to its booked entries in exact minor units, for matching payments.
 */
export { parseCamt053 } from './camt053.js';
export { parseMt940 } from './mt940.js';
export { maxStatementBytes, parseStatementFile } from './parse-statement.js';
export type { Balance, BankStatement, StatementEntry, StatementProblem } from './statement.js';
