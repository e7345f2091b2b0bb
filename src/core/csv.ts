import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError } from './errors.js';

/** Reads a shipped CSV file (header row, UTF-8, optional BOM) into records. */
export const readCsv = <T extends Record<string, string>>(path: string): T[] =>
  parse(readFileSync(path, 'utf8'), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as T[];

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab
 * or carriage return first) is prefixed with a quote so it shows as text:
 * exported CSV must never execute what a user typed (CSV injection).
 */
export const inertCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Records as CSV text (header row, RFC 4180 quoting), every cell made inert. */
export const writeCsv = <C extends string>(
  columns: readonly C[],
  rows: readonly Record<C, string>[],
): string =>
  stringify(
    rows.map((row) => columns.map((c) => inertCell(row[c]))),
    { header: true, columns: [...columns], record_delimiter: '\r\n' },
  );

/**
 * One problem of an uploaded file: its line as an editor shows it, the column
 * at fault, and for a line refused when applied, the error code the API gives.
 */
export type CsvProblem = { line: number; column?: string; message: string; code?: string };

/**
 * A refused file: every problem in `details.problems`, the first in the
 * message. Nothing of the file was written.
 */
export const csvRefused = (fileName: string, problems: readonly CsvProblem[]) => {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError(
    'VALIDATION_FAILED',
    `${fileName} line ${first.line}${first.column ? `, column ${first.column}` : ''}: ${first.message}${more}. Nothing was imported.`,
    { problems },
  );
};
