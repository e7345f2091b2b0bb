import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

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
