/**
 * A bounded in-process cache of read results, dropped whole by `invalidate()`.
 *
 * Race-free against writes: a load that began before an invalidation is
 * returned to its caller but never stored, so a slow read of old rows cannot
 * land after the change that made them old. Entries also lapse at their own
 * `until` (the caller's clock), for what depends on time rather than on rows,
 * such as a promotion that starts.
 *
 * Values are shared between callers: treat them as read-only.
 */
export type ReadCache = {
  get: <T>(key: string, now: Date, load: () => Promise<{ value: T; until: Date }>) => Promise<T>;
  invalidate: () => void;
  /** Hits and misses since the cache was made, and the entries held now. */
  stats: () => { hits: number; misses: number; size: number };
};

export const createReadCache = (options: { maxEntries: number }): ReadCache => {
  const entries = new Map<string, { value: unknown; from: number; until: number }>();
  let generation = 0;
  let hits = 0;
  let misses = 0;
  return {
    get: async <T>(key: string, now: Date, load: () => Promise<{ value: T; until: Date }>) => {
      const at = now.getTime();
      const entry = entries.get(key);
      // A clock moved back (tests do) reads the entry as from the future: load again.
      if (entry && entry.from <= at && at < entry.until) {
        hits++;
        // Most recently used last: the oldest go first when the cache is full.
        entries.delete(key);
        entries.set(key, entry);
        return entry.value as T;
      }
      misses++;
      const startedIn = generation;
      const { value, until } = await load();
      if (generation === startedIn) {
        entries.delete(key);
        entries.set(key, { value, from: at, until: until.getTime() });
        if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
      }
      return value;
    },
    invalidate: () => {
      generation++;
      entries.clear();
    },
    stats: () => ({ hits, misses, size: entries.size }),
  };
};
