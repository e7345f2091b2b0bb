import { Badge, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHomeShowcase } from '../../api/ads-queries';
import { ProductCard } from '../../components/product-card';

const COLS = { base: 1, xs: 2, md: 3, lg: 4 };

/**
 * The home page's featured products (the operator's showcase slots). The strip
 * is an extra: while it loads, when it is empty or fails, the page simply has none.
 */
export const FeaturedStrip = () => {
  const { t } = useTranslation();
  const showcase = useHomeShowcase();
  const items = showcase.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack
      component="section"
      aria-labelledby="featured-heading"
      gap="md"
      mb="xl"
      data-testid="home-featured"
    >
      <div>
        <Title order={2} id="featured-heading">
          {t('home.featured.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('home.featured.subtitle')}
        </Text>
      </div>
      <SimpleGrid cols={COLS} spacing="md">
        {items.map((slot) => (
          <Stack key={slot.position} gap={4} data-testid="featured-slot" data-product-id={slot.product.id}>
            <Badge
              size="sm"
              radius="sm"
              tt="none"
              styles={{
                root: { background: 'var(--mantine-color-lane-0)', color: 'var(--mantine-color-lane-8)' },
              }}
              style={{ alignSelf: 'flex-start' }}
            >
              {slot.label ?? t('home.featured.label')}
            </Badge>
            <div style={{ flex: 1 }}>
              <ProductCard product={slot.product} headingOrder={3} />
            </div>
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
};
