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
