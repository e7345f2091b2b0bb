import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';
import type { FilterChanges, useSearchFilters } from './use-search-filters';

type Filters = ReturnType<typeof useSearchFilters>;

/** The filters in force, each removable, so a narrowed result set never looks like a bug. */
export const ActiveFilters = ({ filters }: { filters: Filters }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const pills: { key: string; label: string; remove: FilterChanges }[] = [];

  if (filters.category)
    pills.push({ key: 'category', label: ref.categoryName(filters.category), remove: { category: null } });
  if (filters.minPrice || filters.maxPrice) {
    const min = filters.minPrice ? format.major(Number(filters.minPrice), 'USD') : null;
    const max = filters.maxPrice ? format.major(Number(filters.maxPrice), 'USD') : null;
    const label =
      min && max
        ? `${min} – ${max}`
        : min
          ? t('search.facets.priceFrom', { price: min })
          : t('search.facets.priceUpTo', { price: max });
    pills.push({ key: 'price', label, remove: { minPrice: null, maxPrice: null } });
  }
  if (filters.maxMoq) {
    pills.push({
      key: 'maxMoq',
      label: t('search.facets.moqAtMost', { quantity: format.number(Number(filters.maxMoq)) }),
      remove: { maxMoq: null },
    });
  }
  if (filters.province)
    pills.push({ key: 'province', label: ref.provinceName(filters.province), remove: { province: null } });
  if (filters.verified)
    pills.push({ key: 'verified', label: t(`verification.${filters.verified}`), remove: { verified: null } });
  if (filters.certification)
    pills.push({ key: 'certification', label: filters.certification, remove: { certification: null } });

  if (pills.length === 0) return null;
  return (
    <Group gap="xs" aria-label={t('search.activeFilters')} role="group">
      {pills.map((pill) => (
        <Badge
          key={pill.key}
          component={Link}
          to={filters.hrefWith(pill.remove)}
          variant="outline"
          size="lg"
          radius="xl"
          tt="none"
          style={{ cursor: 'pointer' }}
          aria-label={t('search.removeFilter', { filter: pill.label })}
          rightSection={<span aria-hidden="true">×</span>}
        >
          {pill.label}
        </Badge>
      ))}
    </Group>
  );
};
