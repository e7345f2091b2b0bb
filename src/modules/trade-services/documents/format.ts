import { formatMajor } from '../../../core/money.js';

// Numbers on the documents are grouped the English way (12,345.67) whatever
// the reader's locale: customs and banks read them as printed.

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A minor-unit decimal string as a major amount: "1234567" in USD → "12,345.67". */
export const formatAmount = (minor: string, currency: string): string => {
  const plain = formatMajor(BigInt(minor), currency);
  const [whole = '', fraction] = plain.replace('-', '').split('.');
  const sign = plain.startsWith('-') ? '-' : '';
  return `${sign}${groupThousands(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
};

/** An amount with its currency code: "USD 12,345.67". */
export const formatMoney = (minor: string, currency: string) =>
  `${currency} ${formatAmount(minor, currency)}`;

const weightFormat = new Intl.NumberFormat('en', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const quantityFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

/** Kilograms to the gram, so decimal points line up in a column: 1234.5 → "1,234.500". */
export const formatWeight = (kg: number) => weightFormat.format(kg);

/** A quantity or a count: 1200 → "1,200", 12.25 → "12.25". */
export const formatQuantity = (value: number) => quantityFormat.format(value);
