import { parse } from 'csv-parse/sync';
import { AppError } from '../../core/errors.js';

/**
 * One problem of an uploaded file: its line as an editor shows it, the column
 * at fault, and for a line refused when applied, the error code the API gives.
 */
export type CsvProblem = { line: number; column?: string; message: string; code?: string };

export type CsvRow = { line: number; cells: Record<string, string> };

/**
 * Reads a CSV file (UTF-8, optional BOM, a header line naming the columns in
 * any order) into rows with their line numbers, cells trimmed. A missing
 * required column, or a file that is not CSV, is a problem of line 1.
 */
export const readCsvRows = (
  text: string,
  options: { required: readonly string[]; what: string },
): { rows: CsvRow[]; header: string[]; problems: CsvProblem[] } => {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (names: string[]) => names.map((n) => n.trim().toLowerCase()),
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch (error) {
    const e = error as Error & { lines?: number };
    return { rows: [], header: [], problems: [{ line: e.lines ?? 1, message: e.message }] };
  }
  const header = Object.keys(records[0]?.record ?? {});
  if (records.length === 0)
    return { rows: [], header, problems: [{ line: 1, message: `The file has no ${options.what} rows` }] };
  const missing = options.required.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return { rows: [], header, problems: [{ line: 1, message: `Missing columns: ${missing.join(', ')}` }] };
  return { rows: records.map((r) => ({ line: r.info.lines, cells: r.record })), header, problems: [] };
};

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
