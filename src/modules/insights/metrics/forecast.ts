import { growth } from './growth.js';

const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);
const mean = (values: readonly number[]): number => sum(values) / values.length;

const assertCount = (name: string, value: number) => {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${name} must be a finite number ≥ 0, not ${value}`);
};

/**
 * Full-year forecast by the prior year's seasonality:
 *
 *   yearToDate ÷ (priorYearSameWindow ÷ priorYearFull)
 *
 * i.e. this year so far, scaled up by the share of its full year the prior
 * year had reached by the same date. If Jan–Mar was 20 % of last year and
 * Jan–Mar this year is 300, the year should end near 300 ÷ 0.2 = 1500.
 * Computed as yearToDate × priorYearFull ÷ priorYearSameWindow (one rounding
 * fewer). Null when the prior year's window is 0: it tells nothing about the
 * share. Sums of any series (daily or monthly) work, as long as both windows
 * cover the same days of the year.
 */
export const seasonalRatioForecast = (input: {
  yearToDate: number;
  priorYearSameWindow: number;
  priorYearFull: number;
}): number | null => {
  const { yearToDate, priorYearSameWindow, priorYearFull } = input;
  assertCount('yearToDate', yearToDate);
  assertCount('priorYearSameWindow', priorYearSameWindow);
  assertCount('priorYearFull', priorYearFull);
  if (priorYearSameWindow > priorYearFull) {
    throw new RangeError(
      `priorYearSameWindow (${priorYearSameWindow}) is part of priorYearFull (${priorYearFull}) and cannot exceed it`,
    );
  }
  if (priorYearSameWindow === 0) return null;
  return (yearToDate * priorYearFull) / priorYearSameWindow;
};

/** Smoothing parameters of Holt-Winters, each in 0..1 (FPP's α, β*, γ). */
export type SmoothingParams = { alpha: number; beta: number; gamma: number };

export type HoltWintersFit = {
  /** Forecasts for the `horizon` periods after the series. */
  forecast: number[];
  /** Sum of squared one-step-ahead errors from the second season on (the first one seeds the state). */
  sse: number;
  params: SmoothingParams;
};

/**
 * Initial state from the first two seasons, Hyndman et al.'s heuristic
 * ("Forecasting with Exponential Smoothing", 2008, §2.6.1) cut down to the two
 * seasons we require:
 *
 * - trend b = (mean of season 2 − mean of season 1) ÷ m, the slope of the line
 *   through the two seasons' means, which sit at t = (m+1)/2 and (3m+1)/2;
 * - seasonal indices: each of the 2m values divided by that line at its time,
 *   the two ratios of a season position averaged, then normalised to mean 1;
 *   should the line not stay positive over both seasons (roughly: a second
 *   year over three times or under a third of the first), each value is
 *   divided by its own season's mean instead;
 * - level at t = m (the recursion starts at m+1, as R's HoltWinters does):
 *   the line's value there, which is always positive.
 *
 * A series that is exactly (a + b·t) × pattern with a flat pattern, or a
 * constant × pattern, is then reproduced exactly from the first step.
 */
const initialState = (y: readonly number[], m: number) => {
  const first = y.slice(0, m);
  const second = y.slice(m, 2 * m);
  const mean1 = mean(first);
  const mean2 = mean(second);
  const trend = (mean2 - mean1) / m;
  const line = (t: number) => mean1 + trend * (t - (m + 1) / 2);
  const linePositive = line(1) > 0 && line(2 * m) > 0;
  const raw = first.map((value, i) => {
    const t = i + 1;
    const later = second[i]!;
    return linePositive ? (value / line(t) + later / line(t + m)) / 2 : (value / mean1 + later / mean2) / 2;
  });
  const scale = m / sum(raw);
  // season[t % m] holds the latest index for the season position of time t (1-based).
  const season = new Array<number>(m);
  raw.forEach((s, i) => {
    season[(i + 1) % m] = s * scale;
  });
  return { level: line(m), trend, season };
};

const assertParam = (name: string, value: number) => {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`Holt-Winters ${name} must be in 0..1, not ${value}`);
};

/**
 * Multiplicative Holt-Winters (triple exponential smoothing), in the
 * component form of Hyndman & Athanasopoulos, "Forecasting: principles and
 * practice" (§8.3 of the 3rd edition):
 *
 *   ŷ(t+h|t) = (ℓt + h·bt) · s(t+h−m(k+1)),  k = ⌊(h−1)/m⌋
 *   ℓt = α·yt / s(t−m) + (1−α)(ℓ(t−1) + b(t−1))
 *   bt = β*(ℓt − ℓ(t−1)) + (1−β*)·b(t−1)
 *   st = γ·yt / (ℓ(t−1) + b(t−1)) + (1−γ)·s(t−m)
 *
 * Multiplicative, not additive, because demand's seasonal swing grows with
 * its level: a category twice as busy has a December peak twice as tall. It
 * therefore needs every value > 0 (a month with no activity has no seasonal
 * ratio) and at least two full seasons for the initial state (see above).
 * Forecasts are the model's and may dip below 0 on a steep decline; callers
 * forecasting counts clamp them.
 */
export const holtWinters = (
  series: readonly number[],
  seasonLength: number,
  params: SmoothingParams,
  horizon: number,
): HoltWintersFit => {
  const m = seasonLength;
  if (!Number.isInteger(m) || m < 1)
    throw new RangeError(`seasonLength must be a whole number ≥ 1, not ${m}`);
  if (!Number.isInteger(horizon) || horizon < 0) {
    throw new RangeError(`horizon must be a whole number ≥ 0, not ${horizon}`);
  }
  if (series.length < 2 * m) {
    throw new RangeError(`Holt-Winters needs two full seasons (${2 * m} values), got ${series.length}`);
  }
  for (const [index, value] of series.entries()) {
    if (!(value > 0 && Number.isFinite(value))) {
      throw new RangeError(`multiplicative Holt-Winters needs values > 0; value ${index} is ${value}`);
    }
  }
  const { alpha, beta, gamma } = params;
  assertParam('alpha', alpha);
  assertParam('beta', beta);
  assertParam('gamma', gamma);

  const { season, ...start } = initialState(series, m);
  let { level, trend } = start;
  let sse = 0;
  for (let t = m + 1; t <= series.length; t++) {
    const y = series[t - 1]!;
    const previousSeason = season[t % m]!;
    const base = level + trend;
    const error = y - base * previousSeason;
    sse += error * error;
    const nextLevel = (alpha * y) / previousSeason + (1 - alpha) * base;
    trend = beta * (nextLevel - level) + (1 - beta) * trend;
    season[t % m] = (gamma * y) / base + (1 - gamma) * previousSeason;
    level = nextLevel;
  }
  const n = series.length;
  const forecast = Array.from({ length: horizon }, (_, i) => {
    const h = i + 1;
    // season[(n+h) % m] is the latest estimate for that position: s(n+h−m(k+1)).
    return (level + h * trend) * season[(n + h) % m]!;
  });
  return { forecast, sse, params: { alpha, beta, gamma } };
};

/**
 * The grid `fitHoltWinters` searches. Small on purpose (342 fits with γ ≤ 1 − α, each
 * one pass over the series): a coarse optimum forecasts about as well as a
 * fine one, and an exhaustive grid is deterministic where a numeric
 * optimiser's result depends on its start.
 */
export const holtWintersGrid = {
  alpha: [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
  beta: [0, 0.01, 0.05, 0.1, 0.2, 0.3],
  gamma: [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7],
} as const;

/**
 * Holt-Winters with α, β*, γ chosen from `holtWintersGrid` to minimise the
 * sum of squared one-step-ahead errors. Keeps FPP's usual restriction
 * γ ≤ 1 − α. Equal SSEs (within 1e-12 of the series' sum of squares) keep
 * the first in grid order, the smoothest, so the choice is deterministic and
 * not decided by rounding. Fits whose state turns non-finite are skipped.
 */
export const fitHoltWinters = (
  series: readonly number[],
  seasonLength: number,
  horizon: number,
): HoltWintersFit => {
  // SSEs closer than this are float noise (a perfect series scores 1e-27 or
  // 1e-25 depending on the parameters): they count as equal.
  const tolerance = 1e-12 * sum(series.map((y) => y * y));
  let best: HoltWintersFit | null = null;
  for (const alpha of holtWintersGrid.alpha) {
    for (const beta of holtWintersGrid.beta) {
      for (const gamma of holtWintersGrid.gamma) {
        if (gamma > 1 - alpha + 1e-12) continue;
        const fit = holtWinters(series, seasonLength, { alpha, beta, gamma }, horizon);
        if (!Number.isFinite(fit.sse) || !fit.forecast.every(Number.isFinite)) continue;
        if (best === null || fit.sse < best.sse - tolerance) best = fit;
      }
    }
  }
  // With γ = 0 the seasonal indices stay those of the (positive) initial
  // state, so every such fit is finite and `best` is set.
  return best!;
};

export type ForecastMethod = 'holt-winters' | 'seasonal-ratio';

export type FullYearForecast = {
  /** The forecast total for `year`; null when there is no prior year to scale by. */
  value: number | null;
  method: ForecastMethod;
  /** The prior year's actual total; null when the series does not cover it. */
  priorYear: number | null;
  /** Growth of the forecast over the prior year (see `growth`). */
  growth: number | null;
  /** The forecast of each month after `month` to December (what `value` adds to the year so far); null with `value`. */
  remaining: number[] | null;
};

/** Months of history before the forecast year that Holt-Winters needs ("two full years"). */
export const holtWintersMinMonths = 24;

/**
 * Full-year forecast of a monthly series (sums of a daily series by month
 * work too), for `year` after its last complete `month` (0..12; 0 is "none
 * yet", 12 gives the actual total).
 *
 * `monthly[0]` is January of `firstYear`. Without `firstYear`, the series must
 * end at `month` of `year`, which fixes where it starts. Months after `month`
 * of `year` are ignored, so a partial current month can stay in the series.
 *
 * With at least 24 months before January of `year` and every month > 0,
 * Holt-Winters (`fitHoltWinters`, season 12) forecasts the remaining months
 * and the year is the months so far plus those forecasts (each clamped at 0);
 * otherwise the seasonal ratio of `seasonalRatioForecast` with the prior year.
 */
export const forecastFullYear = (input: {
  monthly: readonly number[];
  year: number;
  month: number;
  firstYear?: number;
}): FullYearForecast => {
  const { monthly, year, month } = input;
  if (!Number.isInteger(month) || month < 0 || month > 12) {
    throw new RangeError(`month must be a whole number in 0..12, not ${month}`);
  }
  const firstYear = input.firstYear ?? year - (monthly.length - month) / 12;
  if (!Number.isInteger(firstYear)) {
    throw new RangeError(
      `a series ending in month ${month} of ${year} must hold whole years before it; it holds ${monthly.length} months`,
    );
  }
  const yearStart = (year - firstYear) * 12; // index of January of `year`
  if (yearStart < 0 || yearStart + month > monthly.length) {
    throw new RangeError(`the series from ${firstYear} does not reach month ${month} of ${year}`);
  }
  const history = monthly.slice(0, yearStart + month);
  for (const [index, value] of history.entries()) assertCount(`monthly[${index}]`, value);
  const yearToDate = sum(history.slice(yearStart));
  const priorYear = yearStart >= 12 ? sum(history.slice(yearStart - 12, yearStart)) : null;
  const withGrowth = (
    value: number | null,
    method: ForecastMethod,
    remaining: number[] | null,
  ): FullYearForecast => ({
    value,
    method,
    priorYear,
    growth: value === null || priorYear === null ? null : growth(value, priorYear),
    remaining: value === null ? null : remaining,
  });

  if (yearStart >= holtWintersMinMonths && history.every((v) => v > 0)) {
    const remaining = fitHoltWinters(history, 12, 12 - month).forecast.map((v) => Math.max(0, v));
    return withGrowth(yearToDate + sum(remaining), 'holt-winters', remaining);
  }
  if (priorYear === null) return withGrowth(null, 'seasonal-ratio', null);
  const priorYearSameWindow = sum(history.slice(yearStart - 12, yearStart - 12 + month));
  // The rest of the year follows the prior year's months, scaled as the total is.
  const scale = priorYearSameWindow === 0 ? 0 : yearToDate / priorYearSameWindow;
  const remaining = history.slice(yearStart - 12 + month, yearStart).map((v) => v * scale);
  return withGrowth(
    seasonalRatioForecast({ yearToDate, priorYearSameWindow, priorYearFull: priorYear }),
    'seasonal-ratio',
    remaining,
  );
};
