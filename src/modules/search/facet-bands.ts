/** Lower bounds (USD) of the price facet's bands; the last band is open. */
export const priceBucketsUsd = [0, 1, 5, 20, 100, 500] as const;
/** The "MOQ at most N" facet's limits. */
export const moqLimits = [10, 100, 500, 1000, 5000] as const;

/**
 * The SQL (over `search_products` columns) of a listing's facet tokens:
 * `p:<province>`, `v:1` / `v:2` (at least licence checked / audited), its
 * price band `b:<low>`, every MOQ limit it is within `m:<n>`, and each
 * certification. One GIN index over them turns any filter combination into
 * an intersection of posting lists.
 */
export const facetTokensSql = (): string => {
  const band = [...priceBucketsUsd]
    .reverse()
    .map((low) => `when min_price_usd_cents >= ${low * 100} then 'b:${low}'`)
    .join(' ');
  const moq = moqLimits.map((n) => `case when moq <= ${n} then 'm:${n}' end`).join(', ');
  return `array_remove(array['p:' || province, case when verification_rank >= 1 then 'v:1' end, case when verification_rank >= 2 then 'v:2' end, case ${band} end, ${moq}], null) || certifications`;
};

/** The price bands a [min, max] range (US cents) overlaps. */
export const bandsOverlapping = (minCents: number | undefined, maxCents: number | undefined): string[] =>
  priceBucketsUsd
    .filter((low, i) => {
      const high = priceBucketsUsd[i + 1];
      const bandLow = low * 100;
      const bandHigh = high === undefined ? Number.POSITIVE_INFINITY : high * 100;
      return (
        (maxCents === undefined || bandLow <= maxCents) && (minCents === undefined || bandHigh > minCents)
      );
    })
    .map((low) => `b:${low}`);

/** The smallest facet limit at or above `maxMoq` (its token is a superset of the filter), if any. */
export const moqLimitCovering = (maxMoq: number): number | undefined => moqLimits.find((n) => n >= maxMoq);
