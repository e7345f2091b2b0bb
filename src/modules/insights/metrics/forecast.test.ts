import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fitHoltWinters,
  forecastFullYear,
  holtWinters,
  holtWintersGrid,
  seasonalRatioForecast,
} from './forecast.js';

const repeat = <T>(pattern: readonly T[], times: number): T[] =>
  Array.from({ length: times }, () => pattern).flat();
const expectAllClose = (actual: readonly number[], expected: readonly number[], tolerance: number) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    expect(Math.abs(value - expected[i]!)).toBeLessThan(tolerance);
  });
};

// A demand-like monthly pattern: a spring fair peak and a summer lull. Its mean is not 1 on purpose:
// (60+70+130+150+110+90+70+80+120+140+160+120) ÷ 12 = 1300 ÷ 12 ≈ 108.3
const monthlyPattern = [60, 70, 130, 150, 110, 90, 70, 80, 120, 140, 160, 120];

describe('seasonalRatioForecast', () => {
  it('divides the year so far by the share of the year the prior year had reached', () => {
    // Prior year: Jan–Mar 200 of 1000, i.e. 20 %. This year Jan–Mar 300 → 300 ÷ 0.2 = 1500.
    expect(seasonalRatioForecast({ yearToDate: 300, priorYearSameWindow: 200, priorYearFull: 1000 })).toBe(
      1500,
    );
  });

  it('works on daily sums too', () => {
    // Days 1–90 last year: 4500 of 18250 buyer-days; this year 5400 → 5400 × 18250 ÷ 4500 = 21900.
    expect(
      seasonalRatioForecast({ yearToDate: 5400, priorYearSameWindow: 4500, priorYearFull: 18_250 }),
    ).toBe(21_900);
  });

  it('is null when the prior year’s window is 0', () => {
    expect(
      seasonalRatioForecast({ yearToDate: 300, priorYearSameWindow: 0, priorYearFull: 1000 }),
    ).toBeNull();
  });

  it('refuses a window larger than the year it is part of, or negative counts', () => {
    expect(() =>
      seasonalRatioForecast({ yearToDate: 1, priorYearSameWindow: 20, priorYearFull: 10 }),
    ).toThrow(RangeError);
    expect(() =>
      seasonalRatioForecast({ yearToDate: -1, priorYearSameWindow: 1, priorYearFull: 10 }),
    ).toThrow(RangeError);
  });
});

describe('holtWinters (multiplicative)', () => {
  const params = { alpha: 0.4, beta: 0.1, gamma: 0.3 };

  it('follows the recursion on a hand-computed example (m = 2)', () => {
    // Seasons 1 and 2: [10, 30], [10, 30] → means 20 and 20, trend (20 − 20) ÷ 2 = 0, level ℓ₂ = 20,
    // seasonal indices 10/20 = 0.5 and 30/20 = 1.5 (they already average 1).
    // t = 3, 4 are forecast exactly (20 × 0.5 = 10, 20 × 1.5 = 30). t = 5: y = 22, ŷ = 20 × 0.5 = 10,
    // error 12, SSE = 144. With α = β* = γ = 0.5:
    //   ℓ₅ = 0.5 × 22 ÷ 0.5 + 0.5 × (20 + 0) = 22 + 10 = 32
    //   b₅ = 0.5 × (32 − 20) + 0.5 × 0 = 6
    //   s₅ = 0.5 × 22 ÷ (20 + 0) + 0.5 × 0.5 = 0.55 + 0.25 = 0.8
    // Forecasts: h = 1 (position of 1.5): (32 + 6) × 1.5 = 57; h = 2: (32 + 12) × 0.8 = 35.2;
    // h = 3: (32 + 18) × 1.5 = 75.
    const fit = holtWinters([10, 30, 10, 30, 22], 2, { alpha: 0.5, beta: 0.5, gamma: 0.5 }, 3);
    expect(fit.sse).toBeCloseTo(144, 9);
    expectAllClose(fit.forecast, [57, 35.2, 75], 1e-9);
  });

  it('seeds the seasons from their own means when the series more than triples in a year', () => {
    // [10, 30] then [100, 300]: means 20 and 200, trend 180 ÷ 2 = 90; the line through (1.5, 20) and
    // (3.5, 200) is 20 + 90 × (1 − 1.5) = −25 at t = 1, so indices come from season means instead:
    // (10/20 + 100/200) ÷ 2 = 0.5 and (30/20 + 300/200) ÷ 2 = 1.5; level at t = 2: 20 + 90 × 0.5 = 65.
    // With α = β* = γ = 0 that state only moves along the trend:
    //   t = 3: (65 + 90) × 0.5 = 77.5, error 22.5; t = 4: (155 + 90) × 1.5 = 367.5, error −67.5
    //   SSE = 506.25 + 4556.25 = 5062.5; level at t = 4: 245
    //   h = 1: (245 + 90) × 0.5 = 167.5; h = 2: (245 + 180) × 1.5 = 637.5
    const fit = holtWinters([10, 30, 100, 300], 2, { alpha: 0, beta: 0, gamma: 0 }, 2);
    expect(fit.sse).toBeCloseTo(5062.5, 9);
    expectAllClose(fit.forecast, [167.5, 637.5], 1e-9);
  });

  it('reproduces a perfectly seasonal series exactly', () => {
    // y = 3 × pattern for three years: level 3 × 108.3, no trend, indices pattern ÷ 108.3,
    // so every forecast is 3 × pattern again, whatever the smoothing.
    const series = repeat(
      monthlyPattern.map((v) => 3 * v),
      3,
    );
    const fit = holtWinters(series, 12, params, 24);
    expectAllClose(
      fit.forecast,
      repeat(
        monthlyPattern.map((v) => 3 * v),
        2,
      ),
      1e-6,
    );
    expect(fit.sse).toBeLessThan(1e-12);
  });

  it('reproduces a linear trend exactly', () => {
    // y_t = 50 + 3t for t = 1..24 (season 12, flat pattern): means 69.5 and 105.5, trend 36 ÷ 12 = 3,
    // level at t = 12: 69.5 + 3 × (12 − 6.5) = 86 = y₁₂, indices all 1. Forecast h: 50 + 3 × (24 + h).
    const series = Array.from({ length: 24 }, (_, i) => 50 + 3 * (i + 1));
    const fit = holtWinters(series, 12, params, 6);
    expectAllClose(fit.forecast, [125, 128, 131, 134, 137, 140], 1e-6);
  });

  it('follows a trend under a seasonal pattern closely', () => {
    // y_t = (100 + 2t) × pattern; the first-two-seasons start is not exact here (the pattern tilts
    // the seasons' means, leaving the indices 0.15 % off), yet every forecast is within 0.5 %.
    const trendLine = (t: number) => 100 + 2 * t;
    const series = Array.from({ length: 48 }, (_, i) => trendLine(i + 1) * monthlyPattern[i % 12]!);
    const truth = Array.from({ length: 12 }, (_, i) => trendLine(49 + i) * monthlyPattern[i]!);
    const fit = fitHoltWinters(series, 12, 12);
    fit.forecast.forEach((value, i) => {
      expect(Math.abs(value / truth[i]! - 1)).toBeLessThan(0.005);
    });
  });

  it('needs two full seasons, values > 0, and parameters in 0..1', () => {
    expect(() => holtWinters([1, 2, 3], 2, params, 1)).toThrow(/two full seasons/);
    expect(() => holtWinters([1, 2, 0, 4], 2, params, 1)).toThrow(/values > 0/);
    expect(() => holtWinters([1, 2, 3, 4], 2, { ...params, alpha: 1.5 }, 1)).toThrow(/alpha/);
    expect(() => holtWinters([1, 2, 3, 4], 0, params, 1)).toThrow(/seasonLength/);
    expect(() => holtWinters([1, 2, 3, 4], 2, params, -1)).toThrow(/horizon/);
  });
});

describe('fitHoltWinters', () => {
  it('keeps the first grid point among equal SSEs, so the choice is deterministic', () => {
    // A perfect series has SSE 0 for every parameter set: the first of the grid wins.
    const fit = fitHoltWinters(repeat(monthlyPattern, 2), 12, 12);
    expect(fit.params).toEqual({ alpha: 0.05, beta: 0, gamma: 0 });
    expectAllClose(fit.forecast, monthlyPattern, 1e-6);
  });

  it('never does worse than any grid point it could have chosen (property)', () => {
    const noisySeries = fc.array(fc.integer({ min: 50, max: 150 }), { minLength: 8, maxLength: 16 });
    fc.assert(
      fc.property(
        noisySeries,
        fc.constantFrom(...holtWintersGrid.alpha),
        fc.constantFrom(...holtWintersGrid.beta),
        fc.constantFrom(0, 0.05, 0.1),
        (series, alpha, beta, gamma) => {
          const best = fitHoltWinters(series, 4, 2);
          expect(best.sse).toBeLessThanOrEqual(holtWinters(series, 4, { alpha, beta, gamma }, 2).sse);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('forecastFullYear', () => {
  // 2023 (12 months): Jan–Mar 50 + 50 + 100 = 200 of 50×4 + 100×8 = 1000, i.e. 20 %.
  const year2023 = [50, 50, 100, 100, 100, 100, 100, 100, 100, 100, 50, 50];

  it('uses the seasonal ratio with under 24 months of history', () => {
    // 2024 Jan–Mar: 60 + 90 + 150 = 300 → 300 ÷ (200 ÷ 1000) = 1500; growth (1500 − 1000) ÷ 1000 = 0.5.
    const result = forecastFullYear({ monthly: [...year2023, 60, 90, 150], year: 2024, month: 3 });
    // The other nine months follow 2023's, scaled by 300 ÷ 200 = 1.5: 150 × 7, then 75 × 2 (sum 1200).
    expect(result).toEqual({
      value: 1500,
      method: 'seasonal-ratio',
      priorYear: 1000,
      growth: 0.5,
      remaining: [150, 150, 150, 150, 150, 150, 150, 75, 75],
    });
  });

  it('has nothing to scale by without a prior year', () => {
    expect(forecastFullYear({ monthly: [60, 90, 150], year: 2024, month: 3 })).toEqual({
      value: null,
      method: 'seasonal-ratio',
      priorYear: null,
      growth: null,
      remaining: null,
    });
  });

  it('uses Holt-Winters once two full years precede the forecast year', () => {
    // 2022 and 2023 follow the pattern exactly, as do 2024's first four months, so the year
    // ends at the pattern's total: 1300, and growth over 2023 (1300) is 0.
    const monthly = [...repeat(monthlyPattern, 2), ...monthlyPattern.slice(0, 4)];
    const result = forecastFullYear({ monthly, year: 2024, month: 4 });
    expect(result.method).toBe('holt-winters');
    expect(result.value).toBeCloseTo(1300, 6);
    expect(result.priorYear).toBe(1300);
    expect(result.growth).toBeCloseTo(0, 9);
    // The eight forecast months are the pattern's May–December.
    expect(result.remaining).toHaveLength(8);
    result.remaining!.forEach((value, i) => {
      expect(value).toBeCloseTo(monthlyPattern[4 + i]!, 6);
    });
  });

  it('falls back to the seasonal ratio when a month is 0 (no multiplicative seasonality)', () => {
    const monthly = [...repeat(monthlyPattern, 2), ...monthlyPattern.slice(0, 4)];
    monthly[5] = 0; // June 2022
    // 2023 Jan–Apr: 60 + 70 + 130 + 150 = 410 of 1300; 2024 Jan–Apr the same → 410 × 1300 ÷ 410 = 1300.
    expect(forecastFullYear({ monthly, year: 2024, month: 4 })).toMatchObject({
      value: 1300,
      method: 'seasonal-ratio',
    });
  });

  it('places the year by firstYear and ignores months after the last complete one', () => {
    // From Jan 2023, year 2024, March complete; April (999, partial) is left out.
    const result = forecastFullYear({
      monthly: [...year2023, 60, 90, 150, 999],
      firstYear: 2023,
      year: 2024,
      month: 3,
    });
    expect(result).toMatchObject({ value: 1500, method: 'seasonal-ratio' });
  });

  it('gives the actual total once the year is complete, by either method', () => {
    const year2024 = year2023.map((v) => v * 2); // 2000
    expect(forecastFullYear({ monthly: [...year2023, ...year2024], year: 2024, month: 12 }).value).toBe(2000);
    const threeYears = [...repeat(monthlyPattern, 2), ...monthlyPattern.map((v) => v * 2)]; // 2600
    const complete = forecastFullYear({ monthly: threeYears, year: 2024, month: 12 });
    expect(complete).toMatchObject({
      value: 2600,
      method: 'holt-winters',
      priorYear: 1300,
      growth: 1,
      remaining: [],
    });
  });

  it('forecasts a whole year from history alone at month 0', () => {
    const result = forecastFullYear({ monthly: repeat(monthlyPattern, 2), year: 2024, month: 0 });
    expect(result.method).toBe('holt-winters');
    expect(result.value).toBeCloseTo(1300, 6);
  });

  it('refuses a series that cannot start in January, or does not reach the month', () => {
    expect(() => forecastFullYear({ monthly: [1, 2, 3, 4], year: 2024, month: 3 })).toThrow(/whole years/);
    expect(() => forecastFullYear({ monthly: [1, 2], firstYear: 2024, year: 2024, month: 3 })).toThrow(
      /does not reach/,
    );
    expect(() => forecastFullYear({ monthly: [], year: 2024, month: 13 })).toThrow(/0\.\.12/);
  });
});
