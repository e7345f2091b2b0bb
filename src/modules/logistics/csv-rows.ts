import { parse } from 'csv-parse/sync';
import type { CsvProblem } from '../../core/csv.js';

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
