import type { Readable } from 'node:stream';
import { AppError } from '../../core/errors.js';
import { splitCsv, UnclosedQuote } from './csv-split.js';
import type { CsvProblem } from './transaction-csv.js';

/**
 * One data row: its fields in the header's order and the file's 1-based line
 * number where it ends, or the problem that keeps it from being one.
 */
export type CsvRecord = { fields: string[]; line: number } | { problem: CsvProblem };

/**
 * The data rows of a CSV file whose header must be exactly `columns`
 * (trimmed); a wrong header is refused before any row is read. A row with
 * another number of fields, or a quote never closed, is a problem of its line.
 */
export async function* csvRecords(source: Readable, columns: readonly string[]): AsyncGenerator<CsvRecord> {
  let header = true;
  try {
    for await (const { fields, line } of splitCsv(source)) {
      if (header) {
        const got = fields.map((h) => h.trim()).join(',');
        if (got !== columns.join(','))
          throw new AppError('VALIDATION_FAILED', `The header must be exactly: ${columns.join(',')}`, {
            got,
          });
        header = false;
      } else if (fields.length !== columns.length)
        yield {
          problem: {
            line,
            column: null,
            message: `${fields.length} fields where the header has ${columns.length}`,
          },
        };
      else yield { fields, line };
    }
  } catch (error) {
    if (!(error instanceof UnclosedQuote)) throw error;
    yield { problem: { line: error.line, column: null, message: error.message } };
  }
}
