/** Money is integer minor units (bigint) with an ISO 4217 code; never floats. */
export type Money = { amount: bigint; currency: string };

const supportedCurrencies = new Set(Intl.supportedValuesOf('currency'));

export const isCurrency = (code: string) => /^[A-Z]{3}$/.test(code) && supportedCurrencies.has(code);

/** Digits after the decimal point in `currency` (USD 2, JPY 0, KWD 3). */
export const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** "12.5" in USD → 1250n. Refuses more decimals than the currency has. */
export const parseMajor = (value: string, currency: string): bigint => {
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match || (match[2]?.length ?? 0) > digits)
    throw new RangeError(`${value} is not an amount in ${currency}`);
  return BigInt(match[1]!) * 10n ** BigInt(digits) + BigInt((match[2] ?? '').padEnd(digits, '0') || '0');
};

/** 1250n in USD → "12.50". */
export const formatMajor = (amount: bigint, currency: string): string => {
  const digits = minorDigits(currency);
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString();
  const fraction = digits > 0 ? `.${(abs % scale).toString().padStart(digits, '0')}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
};

/** The wire form: amount as a decimal string of minor units, so no JSON number loses precision. */
export const moneyJson = (amount: bigint, currency: string) => ({ amount: amount.toString(), currency });

/** The smaller of two amounts (Math.min does not take bigint). */
export const minAmount = (a: bigint, b: bigint): bigint => (a < b ? a : b);
