import {
  Alert,
  Anchor,
  Breadcrumbs,
  Card,
  Container,
  Grid,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PromotedProduct } from '../../api/ads-types';
import { useCompany, useProduct } from '../../api/queries';
import { useSupplierTier } from '../../api/tier-queries';
import type { PriceQuote } from '../../api/types';
import { CompanyCardView } from '../../components/company-card';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { useFormat } from '../../format/use-format';
import { useLocale } from '../../i18n/use-locale';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useReference } from '../../reference/use-reference';
import { ContactSupplier } from '../inquiries/contact-supplier';
import { OrderNow } from '../orders/order-now';
import { TierBadgeView } from '../tiers/tier-parts';
import { LeadTimeTable } from './lead-time-table';
import { PriceCalculator } from './price-calculator';
import { ProductFacts } from './product-facts';
import { ProductGallery } from './product-gallery';
import { TierPriceTable } from './tier-price-table';

export const ProductScreen = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const { apiLang } = useLocale();
  const product = useProduct(id);
  const company = useCompany(product.data?.companyId ?? product.data?.supplier.id);
  const tier = useSupplierTier(product.data?.companyId ?? product.data?.supplier.id);
  const [quote, setQuote] = useState<PriceQuote | undefined>();
  const onQuote = useCallback((q: PriceQuote | undefined) => setQuote(q), []);

  const title = product.data ? format.localized(product.data.title) : undefined;
  useDocumentTitle(title);

  if (product.isError && isNotFound(product.error)) return <NotFound />;
  if (product.isError) {
    return (
      <Container size="xl" py="lg">
        <QueryError error={product.error} onRetry={() => product.refetch()} />
      </Container>
    );
  }
  if (!product.data || !title) {
    return (
      <Container size="xl" py="lg" aria-busy="true">
        <Grid gutter="xl">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Skeleton height={360} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Skeleton height={32} width="80%" />
            <Skeleton height={20} mt="md" width="40%" />
            <Skeleton height={180} mt="lg" />
          </Grid.Col>
        </Grid>
      </Container>
    );
  }

  const p = product.data;
  const promotion = (p as PromotedProduct).promotion ?? null;
  const prices = p.priceTiers.map((tier) => tier.unitPrice);
  const sortedPrices = [...prices].sort((a, b) => Number(BigInt(a.amount) - BigInt(b.amount)));
  const low = sortedPrices[0];
  const high = sortedPrices[sortedPrices.length - 1];
  const description = format.localized(p.description);
  // Say so when the supplier has not written this listing in the reader's language.
  const translatedMissing = apiLang !== 'en' && !p.title[apiLang]?.trim();

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Breadcrumbs
          separator="›"
          aria-label={t('product.breadcrumb')}
          styles={{ root: { flexWrap: 'wrap' } }}
        >
          <Anchor component={Link} to="/" fz="sm">
            {t('product.breadcrumbHome')}
          </Anchor>
          {ref.categoryPath(p.categoryCode).map((node) => (
            <Anchor
              key={node.code}
              component={Link}
              to={`/search?category=${encodeURIComponent(node.code)}`}
              fz="sm"
            >
              {format.localized(node.name)}
            </Anchor>
          ))}
        </Breadcrumbs>

        <Grid gutter="xl">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <ProductGallery images={p.images} title={title} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <div>
                <Title order={1} fz={{ base: 'h3', sm: 'h2' }} lang={format.localizedLang(p.title)}>
                  {title}
                </Title>
                {translatedMissing && (
                  <Text fz="xs" c="dimmed" mt={4}>
                    {t('product.shownInEnglish')}
                  </Text>
                )}
              </div>
              {low && high && (
                <Text fz={28} fw={800} c="lane.8">
                  {format.moneyRange(low, high)}
                  <Text span fz="sm" fw={400} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {' '}
                    {t('product.perUnit', { unit: ref.unitLabel(p.unit, 1) })}
                  </Text>
                </Text>
              )}
              <Text>
                {t('product.moqShort', {
                  quantity: format.number(p.moq),
                  unit: ref.unitLabel(p.unit, p.moq),
                })}
              </Text>
              {promotion && (
                <Alert color="red" variant="light" p="sm" data-testid="product-promotion">
                  <Text fz="sm" fw={700} c="red.9">
                    {t('promotions.product.label', { name: promotion.name })}
                  </Text>
                  <Text fz="sm">
                    {t('promotions.product.until', { date: format.dateTime(promotion.endsAt) })}
                  </Text>
                </Alert>
              )}
              <TierPriceTable
                tiers={p.priceTiers}
                unitLabel={ref.unitLabel(p.unit, 1)}
                activeMin={quote?.tier.minQuantity}
                promotion={promotion}
              />
              <PriceCalculator productId={p.id} moq={p.moq} unit={p.unit} onQuote={onQuote} />
              <Stack gap="xs" maw={{ base: '100%', sm: 320 }}>
                <OrderNow product={p} />
                <ContactSupplier product={p} />
              </Stack>
            </Stack>
          </Grid.Col>
        </Grid>

        <Grid gutter="xl">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <Card withBorder padding="lg" component="section" aria-labelledby="description-heading">
                <Title order={2} id="description-heading" fz="h3" mb="sm">
                  {t('product.description')}
                </Title>
                <Text style={{ whiteSpace: 'pre-line' }} lang={format.localizedLang(p.description)}>
                  {description}
                </Text>
              </Card>
              <Card withBorder padding="lg" component="section" aria-labelledby="facts-heading">
                <Title order={2} id="facts-heading" fz="h3" mb="sm">
                  {t('product.details')}
                </Title>
                <ProductFacts product={p} />
              </Card>
              {p.attributes.length > 0 && (
                <Card withBorder padding="lg" component="section" aria-labelledby="attributes-heading">
                  <Title order={2} id="attributes-heading" fz="h3" mb="sm">
                    {t('product.attributes')}
                  </Title>
                  <div className="table-scroll">
                    <Table withTableBorder striped>
                      <Table.Tbody>
                        {p.attributes.map((attribute) => (
                          <Table.Tr key={`${attribute.name}:${attribute.value}`}>
                            <Table.Th scope="row" w="40%">
                              {attribute.name}
                            </Table.Th>
                            <Table.Td>{attribute.value}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </div>
                </Card>
              )}
              {p.leadTimeTiers.length > 0 && (
                <Card withBorder padding="lg" component="section" aria-labelledby="lead-heading">
                  <Title order={2} id="lead-heading" fz="h3" mb="sm">
                    {t('product.leadTime.title')}
                  </Title>
                  <LeadTimeTable tiers={p.leadTimeTiers} />
                </Card>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <CompanyCardView
              company={company.data ?? p.supplier}
              detail={company.data}
              headingOrder={2}
              title={t('product.supplier')}
              showroomLink
            />
            {tier.data?.tier.badge && (
              <Group gap="xs" mt="sm" data-testid="supplier-tier">
                <Text fz="sm" c="dimmed">
                  {t('tiers.supplierTier')}
                </Text>
                <TierBadgeView tier={tier.data.tier} size="sm" />
              </Group>
            )}
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
};
