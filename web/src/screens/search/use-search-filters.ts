import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SearchParams } from '../../api/types';

export const FILTER_KEYS = [
  'category',
  'minPrice',
  'maxPrice',
  'maxMoq',
  'province',
  'verified',
  'certification',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterChanges = Partial<Record<FilterKey | 'q' | 'page', string | null>>;

export const PAGE_SIZE = 20;

const VERIFIED = ['licence_checked', 'onsite_audited'] as const;
type Verified = (typeof VERIFIED)[number];
const isVerified = (value: string | null): value is Verified => VERIFIED.includes(value as Verified);

/** Search state lives in the URL so results can be shared, bookmarked and navigated back to. */
export const useSearchFilters = () => {
  const [params] = useSearchParams();

  const state = useMemo(() => {
    const get = (key: string) => params.get(key) || undefined;
    const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
    const verified = params.get('verified');
    return {
      q: get('q') ?? '',
      category: get('category'),
      minPrice: get('minPrice'),
      maxPrice: get('maxPrice'),
      maxMoq: get('maxMoq'),
      province: get('province'),
      verified: isVerified(verified) ? verified : undefined,
      certification: get('certification'),
      page,
    } satisfies Omit<SearchParams, 'lang'> & { q: string; page: number };
  }, [params]);

  /** URL for the current search with some values changed; any filter change returns to page 1. */
  const hrefWith = useCallback(
    (changes: FilterChanges) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      if (!('page' in changes)) next.delete('page');
      const qs = next.toString();
      return qs ? `/search?${qs}` : '/search';
    },
    [params],
  );

  const activeFilters = FILTER_KEYS.filter((key) => Boolean(state[key]));

  return { ...state, hrefWith, activeFilters };
};
