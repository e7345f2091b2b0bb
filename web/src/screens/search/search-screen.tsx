import { Box, Button, Collapse, Container, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSponsoredSearch } from '../../api/ads-queries';
import { PaginationBar } from '../../components/pagination-bar';
import { ProductGrid, ProductGridSkeleton } from '../../components/product-grid';
import { QueryError } from '../../components/query-error';
import { SearchBox } from '../../components/search-box';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useReference } from '../../reference/use-reference';
import { ActiveFilters } from './active-filters';
import { FacetsSidebar } from './facets-sidebar';
import { InterpretationLine } from './interpretation-line';
import { SponsoredResults } from './sponsored-results';
import { PAGE_SIZE, useSearchFilters } from './use-search-filters';

const RESULT_COLS = { base: 1, xs: 2, lg: 3 };

export const SearchScreen = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const ref = useReference();
  const filters = useSearchFilters();
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);

  const search = useSponsoredSearch({
    // No `lang`: it names the query's language, not the UI's. The server tells Han
    // from Latin text itself, and an English query typed in the Chinese UI must
    // still be translated into Chinese and Spanish.
    q: filters.q || undefined,
    category: filters.category,
    minPrice: filters.minPrice,
    maxPrice: filters.maxPrice,
    maxMoq: filters.maxMoq,
    province: filters.province,
    verified: filters.verified,
    certification: filters.certification,
    page: filters.page,
    pageSize: PAGE_SIZE,
  });

  const heading = filters.q
    ? t('search.titleFor', { query: filters.q })
    : filters.category
      ? ref.categoryName(filters.category)
      : t('search.title');
  useDocumentTitle(heading);

  const data = search.data;
  // Keyword ads come with the first page only: `top` ones above the organic results, `other` ones after.
  const sponsored = data?.sponsored ?? [];
  const sponsoredTop = sponsored.filter((s) => s.placement === 'top');
  const sponsoredOther = sponsored.filter((s) => s.placement !== 'top');
  const sidebar = data ? (
    <FacetsSidebar facets={data.facets} filters={filters} />
  ) : (
    <Stack aria-hidden="true">
      {Array.from({ length: 5 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
        <Skeleton key={i} height={90} />
      ))}
    </Stack>
  );

  return (
    <Container size="xl" py="lg">
      <Stack gap="md">
        <SearchBox initial={filters.q} onSearch={(q) => navigate(filters.hrefWith({ q: q || null }))} />
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {heading}
          </Title>
          {data && (
            <Text fz="sm" c="dimmed" role="status" data-testid="result-count">
              {t('search.resultCount', {
                count: `${format.number(data.total)}${data.totalIsLowerBound ? '+' : ''}`,
              })}
            </Text>
          )}
          {data && <InterpretationLine interpretation={data.interpretation} typed={filters.q} />}
        </div>
        <ActiveFilters filters={filters} />
        <Grid gutter="xl">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Box hiddenFrom="md">
              <Button
                variant="default"
                fullWidth
                onClick={toggleFilters}
                aria-expanded={filtersOpen}
                aria-controls="mobile-filters"
              >
                {filtersOpen ? t('search.hideFilters') : t('search.showFilters')}
              </Button>
              <Collapse in={filtersOpen} id="mobile-filters">
                <Box pt="md">{sidebar}</Box>
              </Collapse>
            </Box>
            <Box visibleFrom="md">{sidebar}</Box>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <section aria-labelledby="results-heading" aria-busy={search.isFetching}>
              <Title order={2} id="results-heading" className="visually-hidden">
                {t('search.results')}
              </Title>
              {search.isError && <QueryError error={search.error} onRetry={() => search.refetch()} />}
              {search.isPending && <ProductGridSkeleton count={6} cols={RESULT_COLS} />}
              {data && !search.isPlaceholderData && (
                <SponsoredResults items={sponsoredTop} placement="top" cols={RESULT_COLS} />
              )}
              {data && data.items.length === 0 && (
                <Stack align="center" py="xl" gap="xs" data-testid="empty-state">
                  <Text fw={700} fz="lg">
                    {t('search.empty.title')}
                  </Text>
                  <Text c="dimmed" ta="center">
                    {t('search.empty.body')}
                  </Text>
                  {filters.activeFilters.length > 0 && (
                    <Group>
                      <Button
                        variant="light"
                        onClick={() =>
                          navigate(
                            filters.hrefWith(
                              Object.fromEntries(filters.activeFilters.map((key) => [key, null])),
                            ),
                          )
                        }
                      >
                        {t('search.facets.clearAll')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              )}
              {data && data.items.length > 0 && (
                <ProductGrid
                  items={data.items}
                  headingOrder={3}
                  dimmed={search.isPlaceholderData}
                  cols={RESULT_COLS}
                />
              )}
              {data && !search.isPlaceholderData && sponsoredOther.length > 0 && (
                <Box mt="md">
                  <SponsoredResults items={sponsoredOther} placement="other" cols={RESULT_COLS} />
                </Box>
              )}
              {data && (
                <PaginationBar
                  total={data.total}
                  page={filters.page}
                  pageSize={PAGE_SIZE}
                  onChange={(page) => {
                    navigate(filters.hrefWith({ page: String(page) }));
                    window.scrollTo({ top: 0 });
                  }}
                />
              )}
            </section>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
};
