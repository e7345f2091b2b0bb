/** An item with its 1-based rank. */
export type Ranked<T> = T & { rank: number };

export type RankOptions<T> = {
  /**
   * Orders items with equal values (they still share a rank), so that the
   * order does not depend on how the database happened to return rows: e.g.
   * the province code. Without it, equal items keep their input order.
   */
  tieBreak?: (item: T) => string | number;
};

const compareKeys = (a: string | number, b: string | number): number => {
  // Plain code-unit order, not localeCompare: the same on every machine.
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
};

/**
 * Sorts items by `value`, highest first, and ranks them with competition
 * ranking ("1, 2, 2, 4"): equal values share a rank and the next rank skips
 * as many places as were shared, as SQL's `rank()` does. Items whose value is
 * null (e.g. growth with an empty base) come last and share the rank after
 * every numbered item, like `rank() over (order by v desc nulls last)`.
 * A NaN value is a bug upstream and throws.
 */
export const rankBy = <T extends object>(
  items: readonly T[],
  value: (item: T) => number | null,
  options: RankOptions<T> = {},
): Ranked<T>[] => {
  const { tieBreak } = options;
  const keyed = items.map((item, index) => {
    const v = value(item);
    if (Number.isNaN(v)) throw new RangeError(`rankBy: value of item ${index} is NaN`);
    return { item, v, index, key: tieBreak?.(item) };
  });
  keyed.sort((a, b) => {
    if (a.v !== b.v) {
      if (a.v === null) return 1;
      if (b.v === null) return -1;
      return b.v > a.v ? 1 : -1;
    }
    if (a.key !== undefined && b.key !== undefined) {
      const byKey = compareKeys(a.key, b.key);
      if (byKey !== 0) return byKey;
    }
    return a.index - b.index;
  });
  let rank = 0;
  return keyed.map((entry, position) => {
    if (position === 0 || entry.v !== keyed[position - 1]!.v) rank = position + 1;
    return { ...entry.item, rank };
  });
};

/**
 * The first `n` items in rank order (fewer if there are fewer). Exactly `n`:
 * a tie across the cut is settled by `rankBy`'s tie-break, so the list
 * length is predictable for a "top 5" card.
 */
export const top = <T extends { rank: number }>(items: readonly T[], n: number): T[] => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`top: n must be a whole number ≥ 0, not ${n}`);
  // A stable sort keeps rankBy's tie-break order among equal ranks.
  return [...items].sort((a, b) => a.rank - b.rank).slice(0, n);
};
