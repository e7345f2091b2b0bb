import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useShowcase } from '../../api/ads-queries';
import { ProductGrid } from '../../components/product-grid';

/**
 * The products a supplier features at the top of its showroom (its showcase
 * slots). An extra: while it loads, when it is empty or fails, the showroom
 * simply has none.
 */
export const ShowcaseStrip = ({ companyId }: { companyId: string }) => {
  const { t } = useTranslation();
  const showcase = useShowcase(companyId);
  const items = showcase.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby="showroom-featured" gap="md" data-testid="showroom-featured">
      <Title order={2} id="showroom-featured">
        {t('showroom.featured')}
      </Title>
      <ProductGrid items={items} headingOrder={3} showSupplier={false} />
    </Stack>
  );
};
