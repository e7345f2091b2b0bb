import { minorDigits } from '../../core/money.js';
import { scaleRate } from '../fx/index.js';

// The same arithmetic as core/money's parseMajor and fx's convertMinor, with
// each currency's minor digits looked up once: minorDigits builds an
// Intl.NumberFormat on every call (~11 µs), more than the rest of a row's
// checks together, and an import asks for it on every row. The property test
// holds this file to the originals.

const digitsByCurrency = new Map<string, number>();
const digitsOf = (currency: string) => {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = minorDigits(currency);
    digitsByCurrency.set(currency, digits);
  }
  return digits;
};

const amountPattern = /^(-?)\s*(\d+)(?:\.(\d+))?$/;

/** "-12.5" in USD → -1250n; undefined for anything that is not a decimal with at most the currency's digits. */
export const parseSignedMajor = (value: string, currency: string): bigint | undefined => {
  const digits = digitsOf(currency);
  const match = amountPattern.exec(value);
  if (!match || (match[3]?.length ?? 0) > digits) return undefined;
  const minor =
    BigInt(match[2]!) * 10n ** BigInt(digits) + BigInt((match[3] ?? '').padEnd(digits, '0') || '0');
  return match[1] ? -minor : minor;
};

const usdPerUsd = scaleRate('1');

/**
 * Minor units of `currency` as USD cents at `usdPerUnit` (a scaled rate, as
 * fx's ratesOn returns it), rounded once, half away from zero.
 */
export const toUsdCents = (amount: bigint, currency: string, usdPerUnit: bigint): bigint => {
  if (currency === 'USD') return amount;
  const shift = 2 - digitsOf(currency);
  const numerator = amount * usdPerUnit * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const denominator = usdPerUsd * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (n * 2n + denominator) / (2n * denominator);
  return negative ? -q : q;
};
