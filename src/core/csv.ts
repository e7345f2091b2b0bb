import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Reads a shipped CSV file (header row, UTF-8, optional BOM) into records. */
export const readCsv = <T extends Record<string, string>>(path: string): T[] =>
  parse(readFileSync(path, 'utf8'), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as T[];
