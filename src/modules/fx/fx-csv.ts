import { parse } from 'csv-parse/sync';
import { isCurrency } from '../../core/money.js';
import { scaleRate } from './convert.js';
import type { FxRate } from './rates.js';

export const fxCsvColumns = ['day', 'currency', 'usd_per_unit'] as const;

export type FxCsvProblem = { line: number; column?: string; message: string };

const isDay = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/**
 * Parses a dated-rates file (`day,currency,usd_per_unit`, header row). Every
 * bad line is reported with its line number and column; a caller saves the
 * rates only when there is no problem at all.
 */
export const parseFxCsv = (text: string): { rates: FxRate[]; problems: FxCsvProblem[] } => {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    return {
      rates: [],
      problems: [{ line: 1, message: `Not a readable CSV file: ${(error as Error).message}` }],
    };
  }
  const [header, ...body] = records;
  if (!header || header.join(',') !== fxCsvColumns.join(',')) {
    return {
      rates: [],
      problems: [{ line: 1, message: `The header must be exactly: ${fxCsvColumns.join(',')}` }],
    };
  }
  const rates: FxRate[] = [];
  const problems: FxCsvProblem[] = [];
  const seen = new Set<string>();
  body.forEach(([day = '', currency = '', rate = ''], index) => {
    const line = index + 2;
    const code = currency.toUpperCase();
    if (!isDay(day)) problems.push({ line, column: 'day', message: `"${day}" is not a date (YYYY-MM-DD)` });
    if (!isCurrency(code))
      problems.push({ line, column: 'currency', message: `"${currency}" is not an ISO 4217 currency` });
    let valid = true;
    try {
      if (scaleRate(rate) <= 0n) valid = false;
    } catch {
      valid = false;
    }
    if (!valid)
      problems.push({ line, column: 'usd_per_unit', message: `"${rate}" is not a positive decimal rate` });
    const key = `${code}/${day}`;
    if (seen.has(key)) problems.push({ line, message: `A second rate for ${code} on ${day}` });
    seen.add(key);
    rates.push({ day, currency: code, usdPerUnit: rate });
  });
  return { rates: problems.length > 0 ? [] : rates, problems };
};
