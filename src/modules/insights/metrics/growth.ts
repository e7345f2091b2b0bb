/**
 * Growth of `current` over `base` (the same period one year earlier) as a
 * fraction: 1.2006 is +120.06 %, -0.25 is -25 %. Null when the base is 0 (or
 * not a finite number): growth from nothing has no size, and 0 or Infinity
 * would rank it wrongly. Unrounded, so that it can feed further maths; round
 * with `round4` when it is shown or stored.
 */
export const growth = (current: number, base: number): number | null => {
  if (base === 0 || !Number.isFinite(base) || !Number.isFinite(current)) return null;
  const fraction = (current - base) / base;
  return fraction === 0 ? 0 : fraction; // no -0 from a negative base
};

/**
 * Rounds half away from zero to 4 decimals (the precision growth and shares
 * are reported in). Decimal ties survive binary floating point: 1.00005 is
 * stored as 1.0000499…, and a one-part-in-2^51 nudge rounds it up as a person
 * would, while staying far below any real difference at 4 decimals.
 */
export const round4 = (value: number): number => roundTo(value, 4);

/** Rounds half away from zero to `digits` decimals (see `round4`). */
export const roundTo = (value: number, digits: number): number => {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  const rounded = Math.round(Math.abs(value) * scale * (1 + 2 * Number.EPSILON)) / scale;
  // `|| 0` folds -0 into 0, so a rounded -0.00001 prints as 0.
  return Math.sign(value) * rounded || 0;
};

/**
 * `part` as a fraction of `total` (0.25 is 25 %); null when the total is 0, as
 * with growth. Shares of parts that sum to the total sum to 1.
 */
export const share = (part: number, total: number): number | null => {
  if (total === 0 || !Number.isFinite(total) || !Number.isFinite(part)) return null;
  return part / total;
};
