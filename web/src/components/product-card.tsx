import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProductSummary } from '../api/types';
import { useFormat } from '../format/use-format';
import { useReference } from '../reference/use-reference';
import { ProductImage } from './product-image';
import { VerificationBadge } from './verification-badge';

type Props = {
  product: ProductSummary;
  headingOrder?: 2 | 3;
  /** Off in a supplier's own showroom, where every card would repeat the page's header. */
  showSupplier?: boolean;
};

export const ProductCard = ({ product, headingOrder = 2, showSupplier = true }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const title = format.localized(product.title);
  const Heading = `h${headingOrder}` as const;
  const place = [
    product.supplier.province ? ref.provinceName(product.supplier.province) : null,
    format.country(product.supplier.country),
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <Card withBorder padding={0} radius="md" h="100%" className="product-card" data-testid="product-card">
      {/* The title link below is the accessible one; the image link is a mouse convenience. */}
      <Link
        to={`/products/${product.id}`}
        tabIndex={-1}
        aria-hidden="true"
        className="image-link product-card-media"
      >
        <ProductImage url={product.imageUrl} alt={title} />
      </Link>
      <Stack gap={6} p="sm" className="product-card-body">
        <Heading style={{ margin: 0, fontSize: 'var(--mantine-font-size-md)', lineHeight: 1.3 }}>
          <Link to={`/products/${product.id}`} className="card-link">
            <span className="card-title" lang={format.localizedLang(product.title)}>
              {title}
            </span>
          </Link>
        </Heading>
        <Text fw={700} c="lane.8" fz="lg">
          {format.moneyRange(product.price.min, product.price.max)}
          <Text span fz="xs" fw={400} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {' '}
            {t('product.perUnit', { unit: ref.unitLabel(product.unit, 1) })}
          </Text>
        </Text>
        <Text fz="sm">
          {t('product.moqShort', {
            quantity: format.number(product.moq),
            unit: ref.unitLabel(product.unit, product.moq),
          })}
        </Text>
        {showSupplier && (
          <Stack gap={4} mt="auto" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Link to={`/suppliers/${product.supplier.id}`} className="card-link">
              <Text fz="sm" fw={600} className="card-title" lineClamp={1}>
                {product.supplier.name}
              </Text>
            </Link>
            <Group gap={4} justify="space-between" wrap="wrap">
              <Text fz="xs" c="dimmed">
                {place}
              </Text>
              <VerificationBadge level={product.supplier.verificationLevel} />
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
};
