/**
 * Thresholds of the US DOJ/FTC Horizontal Merger Guidelines of 2010 (§5.3):
 * unconcentrated below 1500, moderately concentrated from 1500 to 2500,
 * highly concentrated above 2500. The 2023 Merger Guidelines lowered them to
 * 1000 and 1800; we keep 2010's because they are the ones most trade and
 * economics literature (and most readers' intuition) still quotes, and a
 * supplier base on a marketplace is not a merger review.
 */
export const hhiThresholds = { moderate: 1500, high: 2500 } as const;

export type ConcentrationLevel = 'unconcentrated' | 'moderate' | 'high';

/**
 * Herfindahl–Hirschman Index of supplier concentration: the sum of the
 * squared market shares in percent, Σ(shareᵢ × 100)², from 10000/n (n equal
 * suppliers) to 10000 (a monopoly). One supplier with GMV 60 and two with 20:
 * 60² + 20² + 20² = 4400.
 *
 * Null when there is nothing to share (no suppliers or a total of 0).
 * Suppliers with a GMV of 0 count for nothing. GMVs must be finite and ≥ 0:
 * a negative one (more refunded than sold) has no market share, so the caller
 * clamps or leaves it out, and it throws here rather than skew the index.
 */
export const hhi = (gmvs: readonly number[]): number | null => {
  let total = 0;
  let squares = 0;
  for (const [index, gmv] of gmvs.entries()) {
    if (!Number.isFinite(gmv) || gmv < 0) {
      throw new RangeError(`hhi: GMV ${index} must be a finite number ≥ 0, not ${gmv}`);
    }
    total += gmv;
    squares += gmv * gmv;
  }
  if (total === 0) return null;
  // Σ(100·gᵢ/T)² = 10000·Σgᵢ²/T²: one division, so equal suppliers come out exact.
  return (10_000 * squares) / (total * total);
};

/** The 2010 guidelines' label for an HHI (see `hhiThresholds`): 1500 and 2500 themselves are moderate. */
export const concentrationLevel = (index: number): ConcentrationLevel => {
  if (index < hhiThresholds.moderate) return 'unconcentrated';
  if (index <= hhiThresholds.high) return 'moderate';
  return 'high';
};

/** HHI and its label together, as a province's or an industry's row shows them; null as for `hhi`. */
export const supplierConcentration = (
  gmvs: readonly number[],
): { hhi: number; level: ConcentrationLevel; suppliers: number } | null => {
  const index = hhi(gmvs);
  if (index === null) return null;
  return { hhi: index, level: concentrationLevel(index), suppliers: gmvs.filter((g) => g > 0).length };
};
