import { describe, expect, it } from 'vitest';
import { amountInWords, integerInWords } from './amount-in-words.js';

describe('amount in words', () => {
  it('spells whole numbers in groups of three', () => {
    expect(integerInWords(0n)).toBe('ZERO');
    expect(integerInWords(15n)).toBe('FIFTEEN');
    expect(integerInWords(40n)).toBe('FORTY');
    expect(integerInWords(101n)).toBe('ONE HUNDRED ONE');
    expect(integerInWords(12_345n)).toBe('TWELVE THOUSAND THREE HUNDRED FORTY-FIVE');
    expect(integerInWords(2_000_070n)).toBe('TWO MILLION SEVENTY');
    expect(integerInWords(10n ** 21n)).toBe('1000000000000000000000');
  });

  it('says the currency and the minor part as a fraction of the currency’s subunit', () => {
    expect(amountInWords('1234567', 'USD')).toBe(
      'SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED FORTY-FIVE AND 67/100 ONLY',
    );
    expect(amountInWords('100', 'EUR')).toBe('SAY EUROS ONE AND 00/100 ONLY');
    expect(amountInWords('5000', 'JPY')).toBe('SAY JAPANESE YEN FIVE THOUSAND ONLY');
    expect(amountInWords('1005', 'KWD')).toBe('SAY KUWAITI DINARS ONE AND 005/1000 ONLY');
  });
});
