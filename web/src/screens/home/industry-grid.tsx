import { Card, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTaxonomy } from '../../api/queries';
import { QueryError } from '../../components/query-error';
import { useFormat } from '../../format/use-format';

const COLS = { base: 1, xs: 2, sm: 3, lg: 4 };

export const IndustryGrid = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const taxonomy = useTaxonomy();
  const nodes = taxonomy.data?.nodes ?? [];
  const industries = nodes.filter((node) => node.level === 'industry');

  return (
    <Stack component="section" aria-labelledby="industries-heading" gap="md">
      <Title order={2} id="industries-heading">
        {t('home.industries')}
      </Title>
      {taxonomy.isError && <QueryError error={taxonomy.error} onRetry={() => taxonomy.refetch()} />}
      {taxonomy.isPending && (
        <SimpleGrid cols={COLS} aria-hidden="true">
          {Array.from({ length: 8 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
            <Skeleton key={i} height={88} />
          ))}
        </SimpleGrid>
      )}
      <SimpleGrid cols={COLS} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {industries.map((industry) => {
          const categories = nodes.filter((node) => node.parent === industry.code);
          return (
            <li key={industry.code}>
              <Card
                component={Link}
                to={`/search?category=${encodeURIComponent(industry.code)}`}
                withBorder
                padding="md"
                h="100%"
                className="card-link"
                data-testid="industry-card"
              >
                <Text fw={700} className="card-title">
                  {format.localized(industry.name)}
                </Text>
                {categories.length > 0 && (
                  <Text fz="sm" c="dimmed" lineClamp={2} mt={4}>
                    {categories.map((category) => format.localized(category.name)).join(' · ')}
                  </Text>
                )}
              </Card>
            </li>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
};
