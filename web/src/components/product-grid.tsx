import { Card, SimpleGrid, Skeleton } from '@mantine/core';
import type { ProductSummary } from '../api/types';
import { ProductCard } from './product-card';

type Cols = Partial<Record<'base' | 'xs' | 'sm' | 'md' | 'lg' | 'xl', number>>;

const GRID_COLS: Cols = { base: 1, xs: 2, md: 3, lg: 4 };

type Props = {
  items: ProductSummary[];
  headingOrder?: 2 | 3;
  dimmed?: boolean;
  cols?: Cols;
  showSupplier?: boolean;
};

export const ProductGrid = ({ items, headingOrder, dimmed, cols = GRID_COLS, showSupplier }: Props) => (
  <SimpleGrid cols={cols} spacing="md" style={{ opacity: dimmed ? 0.6 : 1, transition: 'opacity 120ms' }}>
    {items.map((product) => (
      <ProductCard
        key={product.id}
        product={product}
        headingOrder={headingOrder}
        showSupplier={showSupplier}
      />
    ))}
  </SimpleGrid>
);

export const ProductGridSkeleton = ({ count = 8, cols = GRID_COLS }: { count?: number; cols?: Cols }) => (
  <SimpleGrid cols={cols} spacing="md" aria-hidden="true">
    {Array.from({ length: count }, (_, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
      <Card key={i} withBorder padding="sm">
        <Card.Section>
          <Skeleton height={150} radius={0} />
        </Card.Section>
        <Skeleton height={16} mt="sm" />
        <Skeleton height={16} mt={6} width="70%" />
        <Skeleton height={22} mt="sm" width="50%" />
        <Skeleton height={12} mt="sm" width="40%" />
        <Skeleton height={12} mt="md" width="80%" />
      </Card>
    ))}
  </SimpleGrid>
);
