import { AppError } from '../../core/errors.js';
import { minorDigits } from '../../core/money.js';

/** Rates are exact decimals; they are scaled to integers with this many digits. */
const rateDigits = 12;
const rateScale = 10n ** BigInt(rateDigits);

/** "0.140000" → 140000000000n (USD per unit × 10¹²). */
export const scaleRate = (usdPerUnit: string): bigint => {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(usdPerUnit.trim());
  if (!match || (match[2]?.length ?? 0) > rateDigits)
    throw new RangeError(`${usdPerUnit} is not a rate with at most ${rateDigits} decimals`);
  return BigInt(match[1]!) * rateScale + BigInt((match[2] ?? '').padEnd(rateDigits, '0'));
};

/** Division rounding half away from zero, in integers. */
const divRound = (numerator: bigint, denominator: bigint) => {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
};

/**
 * Converts minor units of `from` into minor units of `to` through their USD
 * rates, rounding once at the end (half away from zero). Integer arithmetic
 * only: 1,000,000.00 CNY never drifts by a cent through a float.
 */
export const convertMinor = (
  amount: bigint,
  from: { currency: string; usdPerUnit: bigint },
  to: { currency: string; usdPerUnit: bigint },
): bigint => {
  if (from.currency === to.currency) return amount;
  if (to.usdPerUnit <= 0n) throw new AppError('VALIDATION_FAILED', `No usable rate for ${to.currency}`);
  const shift = minorDigits(to.currency) - minorDigits(from.currency);
  const numerator = amount * from.usdPerUnit * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const denominator = to.usdPerUnit * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return divRound(numerator, denominator);
};
