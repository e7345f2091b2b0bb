import { AppError } from '../../core/errors.js';

/** A span of whole months, `YYYY-MM` to `YYYY-MM` inclusive. */
export type Period = { from: string; to: string };

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const assertPeriod = (period: Period): Period => {
  for (const [name, value] of Object.entries(period))
    if (!monthPattern.test(value))
      throw new AppError('VALIDATION_FAILED', `${name} must be a month, YYYY-MM (got "${value}")`, {
        field: name,
      });
  if (period.from > period.to)
    throw new AppError('VALIDATION_FAILED', `from (${period.from}) is after to (${period.to})`, {
      field: 'from',
    });
  return period;
};

/** The same months one year earlier. */
export const yearEarlier = (period: Period): Period => {
  const back = (m: string) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
  return { from: back(period.from), to: back(period.to) };
};

/** First and last day of the period, as dates. */
export const dayRange = (period: Period) => {
  const [y, m] = period.to.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first: `${period.from}-01`, last };
};

/** The first day of each month in the period. */
export const monthsOf = (period: Period): string[] => {
  const months: string[] = [];
  let [y, m] = period.from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(`${month}-01`);
    if (month === period.to) return months;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
};
