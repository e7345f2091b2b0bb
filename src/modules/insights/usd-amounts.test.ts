import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMajor } from '../../core/money.js';
import { convertMinor, scaleRate } from '../fx/index.js';
import { parseSignedMajor, toUsdCents } from './usd-amounts.js';

// Currencies with 0, 2 and 3 minor digits.
const currency = fc.constantFrom('USD', 'EUR', 'CNY', 'JPY', 'KRW', 'KWD', 'BHD');
const rate = fc
  .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 999_999 }))
  .filter(([whole, fraction]) => whole + fraction > 0)
  .map(([whole, fraction]) => scaleRate(`${whole}.${String(fraction).padStart(6, '0')}`));

/** What the import did before: parseMajor behind a leading minus, undefined where it threw. */
const viaParseMajor = (raw: string, code: string) => {
  try {
    const negative = raw.startsWith('-');
    return parseMajor(negative ? raw.slice(1) : raw, code) * (negative ? -1n : 1n);
  } catch {
    return undefined;
  }
};

describe('usd amounts', () => {
  it('parses every amount as parseMajor does, refusing the same ones', () => {
    const amount = fc.oneof(
      fc
        .tuple(fc.boolean(), fc.nat(), fc.option(fc.stringMatching(/^\d{0,4}$/)))
        .map(
          ([minus, whole, fraction]) =>
            `${minus ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`,
        ),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(amount, currency, (raw, code) => {
        expect(parseSignedMajor(raw, code)).toBe(viaParseMajor(raw, code));
      }),
    );
  });

  it('converts to USD cents exactly as convertMinor does', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        currency,
        rate,
        (amount, code, usdPerUnit) => {
          expect(toUsdCents(amount, code, usdPerUnit)).toBe(
            convertMinor(
              amount,
              { currency: code, usdPerUnit: code === 'USD' ? scaleRate('1') : usdPerUnit },
              { currency: 'USD', usdPerUnit: scaleRate('1') },
            ),
          );
        },
      ),
    );
  });
});
