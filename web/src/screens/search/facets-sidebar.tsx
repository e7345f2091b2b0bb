import { Anchor, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchFacets } from '../../api/types';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';
import { FacetGroup, type FacetOption } from './facet-group';
import type { useSearchFilters } from './use-search-filters';

type Filters = ReturnType<typeof useSearchFilters>;
type Props = { facets: SearchFacets; filters: Filters };

// Price buckets arrive as 'min-max' with an open end written as '' ('500-').
const parseRange = (value: string) => {
  const [min = '', max = ''] = value.split('-');
  return { min: min || null, max: max || null };
};

export const FacetsSidebar = ({ facets, filters }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();

  const simple =
    (key: 'category' | 'province' | 'certification' | 'verified', label: (value: string) => string) =>
    (bucket: { value: string; count: number }): FacetOption => {
      const selected = filters[key] === bucket.value;
      return {
        key: bucket.value,
        label: label(bucket.value),
        count: bucket.count,
        selected,
        href: filters.hrefWith({ [key]: selected ? null : bucket.value }),
      };
    };

  const priceLabel = (value: string) => {
    const { min, max } = parseRange(value);
    if (min && max) return `${format.major(Number(min), 'USD')} – ${format.major(Number(max), 'USD')}`;
    if (min) return t('search.facets.priceFrom', { price: format.major(Number(min), 'USD') });
    return t('search.facets.priceUpTo', { price: format.major(Number(max ?? 0), 'USD') });
  };

  const price = facets.price.map((bucket): FacetOption => {
    const { min, max } = parseRange(bucket.value);
    const selected = (filters.minPrice ?? null) === min && (filters.maxPrice ?? null) === max;
    return {
      key: bucket.value,
      label: priceLabel(bucket.value),
      count: bucket.count,
      selected,
      href: filters.hrefWith(
        selected ? { minPrice: null, maxPrice: null } : { minPrice: min, maxPrice: max },
      ),
    };
  });

  const moq = facets.maxMoq.map((bucket): FacetOption => {
    const selected = filters.maxMoq === bucket.value;
    return {
      key: bucket.value,
      label: t('search.facets.moqAtMost', { quantity: format.number(Number(bucket.value)) }),
      count: bucket.count,
      selected,
      href: filters.hrefWith({ maxMoq: selected ? null : bucket.value }),
    };
  });

  // The filter only narrows to a minimum level, so 'unverified' is not a choice.
  const verification = facets.verification
    .filter((bucket) => bucket.value !== 'unverified')
    .map(simple('verified', (value) => t(`verification.${value}`, { defaultValue: value })));

  return (
    <Stack component="aside" aria-labelledby="filters-heading" gap="lg">
      <Group justify="space-between" align="baseline">
        <Title order={2} id="filters-heading" fz="lg">
          {t('search.facets.title')}
        </Title>
        {filters.activeFilters.length > 0 && (
          <Anchor
            component={Link}
            to={filters.hrefWith(Object.fromEntries(filters.activeFilters.map((key) => [key, null])))}
            fz="sm"
          >
            {t('search.facets.clearAll')}
          </Anchor>
        )}
      </Group>
      <FacetGroup
        id="facet-category"
        title={t('search.facets.category')}
        options={facets.category.map(simple('category', ref.categoryName))}
      />
      <FacetGroup id="facet-price" title={t('search.facets.price')} options={price} />
      <FacetGroup id="facet-moq" title={t('search.facets.maxMoq')} options={moq} />
      <FacetGroup
        id="facet-province"
        title={t('search.facets.province')}
        options={facets.province.map(simple('province', ref.provinceName))}
      />
      <FacetGroup id="facet-verification" title={t('search.facets.verification')} options={verification} />
      <FacetGroup
        id="facet-certification"
        title={t('search.facets.certification')}
        options={facets.certification.map(simple('certification', (value) => value))}
      />
    </Stack>
  );
};
