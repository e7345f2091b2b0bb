import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { recordAdClick } from '../../api/ads-queries';
import type { SponsoredResult } from '../../api/ads-types';
import { ProductImage } from '../../components/product-image';
import { VerificationBadge } from '../../components/verification-badge';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';

type Cols = Partial<Record<'base' | 'xs' | 'sm' | 'md' | 'lg' | 'xl', number>>;

/**
 * Keyword ads of the query, labelled as such and kept apart from the organic
 * results. A click records the ad's click (naming the impression the search
 * recorded), then opens the product; a click that cannot be recorded still
 * opens it. Opening in a new tab (middle click, ⌘-click) skips the record.
 */
export const SponsoredResults = ({
  items,
  placement,
  cols,
}: {
  items: SponsoredResult[];
  placement: 'top' | 'other';
  cols: Cols;
}) => {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section
      aria-label={t('sponsored.region')}
      data-testid="sponsored-results"
      data-placement={placement}
      style={{ marginBottom: placement === 'top' ? 'var(--mantine-spacing-md)' : 0 }}
    >
      <SimpleGrid cols={cols} spacing="md">
        {items.map((item) => (
          <SponsoredCard key={item.impressionId} item={item} />
        ))}
      </SimpleGrid>
    </section>
  );
};

const SponsoredCard = ({ item }: { item: SponsoredResult }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const navigate = useNavigate();
  const title = format.localized(item.title);
  const href = `/products/${item.id}`;
  const promoted = item.promotedPrice ?? null;
  const place = [
    item.supplier.province ? ref.provinceName(item.supplier.province) : null,
    format.country(item.supplier.country),
  ]
    .filter(Boolean)
    .join(', ');

  const follow = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    try {
      await recordAdClick(item.impressionId);
    } catch {
      // The reader came for the product: a click the server could not count must not stop them.
    }
    navigate(href);
  };

  return (
    <Card
      withBorder
      padding={0}
      radius="md"
      h="100%"
      className="product-card"
      data-testid="sponsored-result"
      data-product-id={item.id}
      data-impression-id={item.impressionId}
      style={{ borderColor: 'var(--mantine-color-yellow-5)', background: 'var(--mantine-color-yellow-0)' }}
    >
      <Link
        to={href}
        tabIndex={-1}
        aria-hidden="true"
        className="image-link product-card-media"
        onClick={follow}
      >
        <ProductImage url={item.imageUrl} alt={title} />
      </Link>
      <Stack gap={6} p="sm" className="product-card-body">
        <Group gap={6} wrap="nowrap">
          <Badge
            size="sm"
            radius="sm"
            tt="none"
            styles={{
              root: { background: 'var(--mantine-color-yellow-2)', color: 'var(--mantine-color-dark-9)' },
            }}
            data-testid="sponsored-label"
          >
            {t('sponsored.label')}
          </Badge>
        </Group>
        <h3 style={{ margin: 0, fontSize: 'var(--mantine-font-size-md)', lineHeight: 1.3 }}>
          <Link to={href} className="card-link" onClick={follow} data-testid="sponsored-link">
            <span className="card-title" lang={format.localizedLang(item.title)}>
              {title}
            </span>
          </Link>
        </h3>
        <Text fw={700} c="lane.8" fz="lg">
          {promoted
            ? format.moneyRange(promoted.min, promoted.max)
            : format.moneyRange(item.price.min, item.price.max)}
          <Text span fz="xs" fw={400} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {' '}
            {t('product.perUnit', { unit: ref.unitLabel(item.unit, 1) })}
          </Text>
        </Text>
        {promoted && (
          <Text fz="xs" c="red.9" fw={600} data-testid="sponsored-promotion">
            {t('promotions.until', { date: format.date(promoted.endsAt) })}
          </Text>
        )}
        <Text fz="sm">
          {t('product.moqShort', {
            quantity: format.number(item.moq),
            unit: ref.unitLabel(item.unit, item.moq),
          })}
        </Text>
        <Stack gap={4} mt="auto" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Text fz="sm" fw={600} lineClamp={1}>
            {item.supplier.name}
          </Text>
          <Group gap={4} justify="space-between" wrap="wrap">
            <Text fz="xs" c="dimmed">
              {place}
            </Text>
            <VerificationBadge level={item.supplier.verificationLevel} />
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
};
