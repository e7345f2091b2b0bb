import { parse } from 'csv-parse/sync';
import type { CsvProblem } from '../../core/csv.js';
import { parseMajor } from '../../core/money.js';
import { CreateProductBody, type CreateProductInput } from './api.js';
import { priceTierProblems } from './pricing.js';

/** The columns of a product CSV file, in order. `price_tiers` reads `10-99:5.00|100-:4.50` (major units). */
export const productCsvColumns = [
  'category',
  'hs_code',
  'title_en',
  'title_zh',
  'title_es',
  'description_en',
  'moq',
  'unit',
  'currency',
  'price_tiers',
  'lead_time_days',
  'certifications',
  'origin_province',
  'monthly_capacity',
  'sample_price',
] as const;

type Row = Record<(typeof productCsvColumns)[number], string>;

export type ParsedProducts = { products: CreateProductInput[]; problems: CsvProblem[] };

const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const integer = (value: string | undefined) => (optional(value) === undefined ? undefined : Number(value));

const parseTiers = (text: string, currency: string) =>
  text.split('|').map((part) => {
    const match = /^\s*(\d+)\s*-\s*(\d*)\s*:\s*([\d.]+)\s*$/.exec(part);
    if (!match) throw new Error(`"${part}" is not min-max:price (e.g. 10-99:5.00, last one 100-:4.50)`);
    return {
      minQuantity: Number(match[1]),
      maxQuantity: match[2] ? Number(match[2]) : null,
      unitPrice: parseMajor(match[3]!, currency).toString(),
    };
  });

const toInput = (row: Row) => {
  const currency = row.currency?.trim().toUpperCase() ?? '';
  const leadDays = integer(row.lead_time_days);
  return {
    categoryCode: row.category?.trim(),
    hsCode: row.hs_code?.trim(),
    title: { en: row.title_en ?? '', zh: optional(row.title_zh) ?? null, es: optional(row.title_es) ?? null },
    description: { en: optional(row.description_en) },
    certifications:
      optional(row.certifications)
        ?.split('|')
        .map((c) => c.trim()) ?? [],
    originProvince: optional(row.origin_province) ?? null,
    moq: integer(row.moq),
    unit: row.unit?.trim(),
    currency,
    priceTiers: parseTiers(row.price_tiers ?? '', currency),
    leadTimeTiers: leadDays === undefined ? [] : [{ maxQuantity: null, days: leadDays }],
    monthlyCapacity: integer(row.monthly_capacity) ?? null,
    samplePrice: optional(row.sample_price) ? parseMajor(row.sample_price, currency).toString() : null,
  };
};

const columnOf: Record<string, string> = {
  categoryCode: 'category',
  hsCode: 'hs_code',
  title: 'title_en',
  moq: 'moq',
  unit: 'unit',
  currency: 'currency',
  priceTiers: 'price_tiers',
  leadTimeTiers: 'lead_time_days',
  certifications: 'certifications',
  originProvince: 'origin_province',
  monthlyCapacity: 'monthly_capacity',
  samplePrice: 'sample_price',
  description: 'description_en',
};

/**
 * Reads and validates a whole product CSV file. Every bad line is reported
 * with its line number (as an editor shows it) and the column at fault, so a
 * supplier fixes the file in one pass.
 */
export const parseProductCsv = (text: string): ParsedProducts => {
  const problems: CsvProblem[] = [];
  let records: { record: Row; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: true,
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    });
  } catch (error) {
    const e = error as Error & { lines?: number };
    return { products: [], problems: [{ line: e.lines ?? 1, message: e.message }] };
  }
  const header = Object.keys(records[0]?.record ?? {});
  const missing = productCsvColumns.filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length > 0) {
    return { products: [], problems: [{ line: 1, message: `missing columns: ${missing.join(', ')}` }] };
  }
  const products: CreateProductInput[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    let input: ReturnType<typeof toInput>;
    try {
      input = toInput(record);
    } catch (error) {
      problems.push({ line, column: 'price_tiers', message: (error as Error).message });
      continue;
    }
    const parsed = CreateProductBody.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        problems.push({ line, column: columnOf[field] ?? field, message: issue.message });
      }
      continue;
    }
    const tierProblems = priceTierProblems(
      parsed.data.moq,
      parsed.data.priceTiers.map((t) => ({ ...t, unitPrice: BigInt(t.unitPrice) })),
    );
    for (const message of tierProblems) problems.push({ line, column: 'price_tiers', message });
    if (tierProblems.length === 0) products.push(parsed.data);
  }
  if (records.length === 0) problems.push({ line: 1, message: 'the file has no product rows' });
  return { products, problems };
};
