import { describe, expect, it } from 'vitest';
import { convertMinor, scaleRate } from './convert.js';
import { parseFxCsv } from './fx-csv.js';

const usd = { currency: 'USD', usdPerUnit: scaleRate('1') };
const cny = { currency: 'CNY', usdPerUnit: scaleRate('0.14') };
const jpy = { currency: 'JPY', usdPerUnit: scaleRate('0.0067') };

describe('convertMinor', () => {
  it('converts through USD and rounds once, half away from zero', () => {
    expect(convertMinor(100_00n, cny, usd)).toBe(14_00n);
    expect(convertMinor(1n, cny, usd)).toBe(0n); // 0.14 cent
    expect(convertMinor(4n, cny, usd)).toBe(1n); // 0.56 cent
    expect(convertMinor(-4n, cny, usd)).toBe(-1n);
  });

  it('shifts between currencies with different minor digits', () => {
    // 1,000 JPY (no minor unit) = 6.70 USD
    expect(convertMinor(1000n, jpy, usd)).toBe(670n);
    expect(convertMinor(670n, usd, jpy)).toBe(1000n);
  });

  it('keeps large amounts exact', () => {
    expect(convertMinor(123_456_789_012_34n, usd, usd)).toBe(123_456_789_012_34n);
    expect(convertMinor(1_000_000_000_00n, cny, usd)).toBe(140_000_000_00n);
  });
});

describe('parseFxCsv', () => {
  it('reads dated rates', () => {
    const { rates, problems } = parseFxCsv('day,currency,usd_per_unit\n2026-01-02,eur,1.0812\n');
    expect(problems).toEqual([]);
    expect(rates).toEqual([{ day: '2026-01-02', currency: 'EUR', usdPerUnit: '1.0812' }]);
  });

  it('names every bad line and column and returns no rate', () => {
    const { rates, problems } = parseFxCsv(
      'day,currency,usd_per_unit\n2026-01-02,EUR,1.08\n2026-13-40,XXX,-1\n2026-01-02,EUR,1.09\n',
    );
    expect(rates).toEqual([]);
    expect(problems).toEqual([
      { line: 3, column: 'day', message: expect.any(String) },
      { line: 3, column: 'currency', message: expect.any(String) },
      { line: 3, column: 'usd_per_unit', message: expect.any(String) },
      { line: 4, message: 'A second rate for EUR on 2026-01-02' },
    ]);
  });
});
