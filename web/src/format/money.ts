import type { Money } from '../api/types';

const digitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO currency (USD 2, JPY 0, KWD 3), as Intl knows them. */
export const minorDigits = (currency: string): number => {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsCache.set(currency, digits);
  }
  return digits;
};

// Money never passes through a float: the minor-unit integer string becomes a
// decimal string ('1250' → '12.50'), which Intl formats exactly.
export const toDecimalString = (amount: string, digits: number): `${number}` => {
  const negative = amount.startsWith('-');
  const digitsOnly = (negative ? amount.slice(1) : amount).replace(/^0+(?=\d)/, '');
  if (digits === 0) return `${negative ? '-' : ''}${digitsOnly}` as `${number}`;
  const padded = digitsOnly.padStart(digits + 1, '0');
  const whole = padded.slice(0, -digits);
  const fraction = padded.slice(-digits);
  return `${negative ? '-' : ''}${whole}.${fraction}` as `${number}`;
};

export const formatMoney = (money: Money, locale: string): string => {
  const digits = minorDigits(money.currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toDecimalString(money.amount, digits));
};

export const formatMoneyRange = (min: Money, max: Money, locale: string): string => {
  if (min.amount === max.amount && min.currency === max.currency) return formatMoney(min, locale);
  return `${formatMoney(min, locale)} – ${formatMoney(max, locale)}`;
};

/** Whole major units (facet bounds such as '500' USD) in the locale's currency style. */
export const formatMajor = (value: number, currency: string, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);

/**
 * A typed amount in major units ('12.5', '12,50', '1250') → minor units as a
 * decimal string for the API ('1250' in USD), without floats. Either '.' or ','
 * is the decimal mark (Spanish and Chinese keyboards differ); thousands
 * separators are not accepted, so '1,250' is one and a quarter, never ambiguous.
 * Null when the text is not an amount or has more decimals than the currency.
 */
export const toMinorUnits = (typed: string, currency: string): string | null => {
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(typed.trim().replace(/\s+/g, ''));
  if (!match) return null;
  const digits = minorDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = `${match[1]}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  return minor;
};

/** Minor units → the plain decimal a form field starts with ('1250' USD → '12.50'). */
export const toMajorInput = (money: Money): string =>
  toDecimalString(money.amount, minorDigits(money.currency));
