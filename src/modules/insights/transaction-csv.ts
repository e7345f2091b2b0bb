import { isCurrency } from '../../core/money.js';
import { provinceList, taxonomy } from '../catalog/index.js';
import { regionOf } from '../geo/index.js';
import { parseSignedMajor } from './usd-amounts.js';

/** The exact header `tradelane import transactions` takes, in order. */
export const transactionColumns = [
  'order_id',
  'paid_at',
  'supplier_id',
  'supplier_province',
  'industry',
  'category',
  'buyer_id',
  'buyer_country',
  'amount',
  'currency',
] as const;

export type TransactionRow = {
  orderId: string;
  paidOn: string;
  supplierId: string;
  supplierProvince: string;
  industry: string;
  category: string;
  buyerId: string;
  buyerCountry: string;
  /** Minor units of `currency`; negative for a refund. */
  amount: bigint;
  currency: string;
};

export type CsvProblem = { line: number; column: string | null; message: string };

const idPattern = /^[\w.:-]{1,64}$/;

const calendarDays = new Map<string, boolean>();
/** Whether `YYYY-MM-DD` is a day of the calendar (2021-02-30 is not); remembered, since a file repeats its days. */
const isCalendarDay = (day: string) => {
  let valid = calendarDays.get(day);
  if (valid === undefined) {
    const at = new Date(`${day}T00:00:00Z`);
    valid = !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === day;
    // Bounded: a file of garbage dates must not grow it without end.
    if (calendarDays.size < 100_000) calendarDays.set(day, valid);
  }
  return valid;
};

/**
 * Checks one data row, its fields in `transactionColumns` order (`line` is
 * the file's 1-based line number); returns the row or its problems.
 */
export const parseTransactionRow = (
  fields: readonly string[],
  line: number,
): { row: TransactionRow } | { problems: CsvProblem[] } => {
  const problems: CsvProblem[] = [];
  const bad = (name: string, message: string) => problems.push({ line, column: name, message });
  const [
    orderId,
    paidAt,
    supplierId,
    province,
    industryCode,
    categoryCode,
    buyerId,
    buyerCountry,
    raw,
    currency,
  ] = transactionColumns.map((_, i) => (fields[i] ?? '').trim()) as string[];
  const ids = { order_id: orderId!, supplier_id: supplierId!, buyer_id: buyerId! };
  for (const [name, id] of Object.entries(ids))
    if (!idPattern.test(id)) bad(name, `"${id}" is not an id (1–64 letters, digits, _ . : -)`);
  const paid = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(paidAt!);
  if (!paid || !isCalendarDay(paid[1]!)) bad('paid_at', `"${paidAt}" is not an ISO date (YYYY-MM-DD)`);
  if (!provinceList().byCode.has(province!))
    bad('supplier_province', `"${province}" is not a GB/T 2260 province code (e.g. 440000)`);
  const industry = taxonomy().byCode.get(industryCode!);
  if (industry?.level !== 'industry') bad('industry', `"${industryCode}" is not an industry code`);
  const category = taxonomy().byCode.get(categoryCode!);
  if (category?.level !== 'category') bad('category', `"${categoryCode}" is not a category code`);
  else if (industry && category.parent !== industry.code)
    bad('category', `"${categoryCode}" is not in the industry "${industryCode}"`);
  if (!/^[A-Z]{2}$/.test(buyerCountry!) || !regionOf(buyerCountry!))
    bad('buyer_country', `"${buyerCountry}" is not an ISO 3166 alpha-2 country code`);
  let amount = 0n;
  if (!isCurrency(currency!)) bad('currency', `"${currency}" is not an ISO 4217 currency code`);
  else {
    const parsed = parseSignedMajor(raw!, currency!);
    if (parsed === undefined)
      bad('amount', `"${raw}" is not an amount in ${currency} (a decimal such as 1250.50)`);
    else if (parsed === 0n) bad('amount', 'The amount is zero');
    else amount = parsed;
  }
  if (problems.length > 0) return { problems };
  return {
    row: {
      orderId: orderId!,
      paidOn: paid![1]!,
      supplierId: supplierId!,
      supplierProvince: province!,
      industry: industryCode!,
      category: categoryCode!,
      buyerId: buyerId!,
      buyerCountry: buyerCountry!,
      amount,
      currency: currency!,
    },
  };
};
