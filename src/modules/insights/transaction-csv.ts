import { isCurrency, parseMajor } from '../../core/money.js';
import { provinceList, taxonomy } from '../catalog/index.js';
import { regionOf } from '../geo/index.js';

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

/** Checks one data row (`line` is the file's 1-based line number); returns the row or its problems. */
export const parseTransactionRow = (
  record: Record<string, string>,
  line: number,
): { row: TransactionRow } | { problems: CsvProblem[] } => {
  const problems: CsvProblem[] = [];
  const bad = (column: string, message: string) => problems.push({ line, column, message });
  const v = (column: (typeof transactionColumns)[number]) => (record[column] ?? '').trim();
  for (const column of ['order_id', 'supplier_id', 'buyer_id'] as const)
    if (!idPattern.test(v(column)))
      bad(column, `"${v(column)}" is not an id (1–64 letters, digits, _ . : -)`);
  const paid = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(v('paid_at'));
  if (
    !paid ||
    Number.isNaN(Date.parse(`${paid[1]}T00:00:00Z`)) ||
    new Date(`${paid[1]}T00:00:00Z`).toISOString().slice(0, 10) !== paid[1]
  )
    bad('paid_at', `"${v('paid_at')}" is not an ISO date (YYYY-MM-DD)`);
  if (!provinceList().byCode.has(v('supplier_province')))
    bad('supplier_province', `"${v('supplier_province')}" is not a GB/T 2260 province code (e.g. 440000)`);
  const industry = taxonomy().byCode.get(v('industry'));
  if (industry?.level !== 'industry') bad('industry', `"${v('industry')}" is not an industry code`);
  const category = taxonomy().byCode.get(v('category'));
  if (category?.level !== 'category') bad('category', `"${v('category')}" is not a category code`);
  else if (industry && category.parent !== industry.code)
    bad('category', `"${v('category')}" is not in the industry "${v('industry')}"`);
  if (!/^[A-Z]{2}$/.test(v('buyer_country')) || !regionOf(v('buyer_country')))
    bad('buyer_country', `"${v('buyer_country')}" is not an ISO 3166 alpha-2 country code`);
  const currency = v('currency');
  let amount = 0n;
  if (!isCurrency(currency)) bad('currency', `"${currency}" is not an ISO 4217 currency code`);
  else {
    const raw = v('amount');
    try {
      const negative = raw.startsWith('-');
      amount = parseMajor(negative ? raw.slice(1) : raw, currency) * (negative ? -1n : 1n);
      if (amount === 0n) bad('amount', 'The amount is zero');
    } catch {
      bad('amount', `"${raw}" is not an amount in ${currency} (a decimal such as 1250.50)`);
    }
  }
  if (problems.length > 0) return { problems };
  return {
    row: {
      orderId: v('order_id'),
      paidOn: paid![1]!,
      supplierId: v('supplier_id'),
      supplierProvince: v('supplier_province'),
      industry: v('industry'),
      category: v('category'),
      buyerId: v('buyer_id'),
      buyerCountry: v('buyer_country'),
      amount,
      currency,
    },
  };
};
