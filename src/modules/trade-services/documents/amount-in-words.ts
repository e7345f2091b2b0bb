import { minorDigits } from '../../../core/money.js';

// The "SAY … ONLY" line of a commercial invoice: banks check it against the
// figures, so the whole part is spelled out and the minor part is a fraction
// (67/100), as on a cheque, which works for every currency's subunit.

const units = [
  '',
  'ONE',
  'TWO',
  'THREE',
  'FOUR',
  'FIVE',
  'SIX',
  'SEVEN',
  'EIGHT',
  'NINE',
  'TEN',
  'ELEVEN',
  'TWELVE',
  'THIRTEEN',
  'FOURTEEN',
  'FIFTEEN',
  'SIXTEEN',
  'SEVENTEEN',
  'EIGHTEEN',
  'NINETEEN',
];
const tens = ['', '', 'TWENTY', 'THIRTY', 'FORTY', 'FIFTY', 'SIXTY', 'SEVENTY', 'EIGHTY', 'NINETY'];
const scales = ['', 'THOUSAND', 'MILLION', 'BILLION', 'TRILLION', 'QUADRILLION'];

const belowThousand = (n: number): string[] => {
  const words: string[] = [];
  if (n >= 100) words.push(units[Math.floor(n / 100)]!, 'HUNDRED');
  const rest = n % 100;
  if (rest >= 20) words.push(tens[Math.floor(rest / 10)]! + (rest % 10 ? `-${units[rest % 10]}` : ''));
  else if (rest > 0) words.push(units[rest]!);
  return words;
};

/** 12345n → "TWELVE THOUSAND THREE HUNDRED FORTY-FIVE"; past the quadrillions, the digits. */
export const integerInWords = (value: bigint): string => {
  if (value === 0n) return 'ZERO';
  const groups: number[] = [];
  for (let rest = value; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  if (groups.length > scales.length) return value.toString();
  return groups
    .map((group, i) => (group === 0 ? '' : [...belowThousand(group), scales[i]].join(' ').trim()))
    .reverse()
    .filter(Boolean)
    .join(' ');
};

/** The currency's English plural name, as Intl knows it ("US dollars", "Chinese yuan"). */
const currencyPluralName = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'name' })
    .formatToParts(2)
    .find((part) => part.type === 'currency')?.value ?? currency;

/** "1234567" minor USD → "SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED FORTY-FIVE AND 67/100 ONLY". */
export const amountInWords = (minor: string, currency: string): string => {
  const digits = minorDigits(currency);
  const scale = 10n ** BigInt(digits);
  const amount = BigInt(minor);
  const whole = integerInWords(amount / scale);
  const fraction = digits > 0 ? ` AND ${(amount % scale).toString().padStart(digits, '0')}/${scale}` : '';
  return `SAY ${currencyPluralName(currency).toUpperCase()} ${whole}${fraction} ONLY`;
};
