import { Anchor, Card, Container, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAllCompanyProducts, usePromotions, useUpdatePromotion } from '../../api/ads-queries';
import type { PromotedSummary, Promotion } from '../../api/ads-types';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError } from '../../components/form-error';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { PromotionForm } from './promotion-form';
import { PromotionStateBadge } from './promotion-parts';
import { ShowcaseEditor } from './showcase-editor';

/** A supplier's promotions (time-limited tier discounts) and its showroom's featured products. */
export const PromotionsScreen = () => <SignedInGate>{(me) => <Promotions me={me} />}</SignedInGate>;

const Promotions = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const supplier = me.company.kind === 'supplier';
  const promotions = usePromotions(supplier);
  const products = useAllCompanyProducts(supplier ? me.company.id : undefined);
  useDocumentTitle(t('promotions.title'));

  if (!supplier) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('promotions.title')}
        </Title>
        <Text mt="sm">{t('promotions.suppliersOnly')}</Text>
      </Container>
    );
  }

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('promotions.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('promotions.subtitle')}{' '}
            <Anchor component={Link} to={`/suppliers/${me.company.id}`} fz="sm">
              {t('promotions.showroomLink')}
            </Anchor>
          </Text>
        </div>
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <Stack gap="sm" component="section" aria-labelledby="promotions-list">
                <Title order={2} fz="h4" id="promotions-list">
                  {t('promotions.listTitle')}
                </Title>
                {promotions.isError && (
                  <QueryError error={promotions.error} onRetry={() => promotions.refetch()} />
                )}
                {promotions.isPending && <Skeleton height={120} aria-busy="true" />}
                {promotions.data && promotions.data.length === 0 && (
                  <Card withBorder padding="lg" data-testid="promotions-empty">
                    <Text c="dimmed" ta="center">
                      {t('promotions.empty')}
                    </Text>
                  </Card>
                )}
                {promotions.data?.map((p) => (
                  <PromotionRow key={p.id} promotion={p} products={products.data ?? []} />
                ))}
              </Stack>
              {products.isError && <QueryError error={products.error} onRetry={() => products.refetch()} />}
              {products.isPending && <Skeleton height={240} aria-busy="true" />}
              {products.data && <PromotionForm products={products.data} />}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            {products.data && <ShowcaseEditor companyId={me.company.id} products={products.data} />}
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
};

const PromotionRow = ({ promotion, products }: { promotion: Promotion; products: PromotedSummary[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdatePromotion();
  const product = products.find((p) => p.id === promotion.productId);
  const live = promotion.state === 'scheduled' || promotion.state === 'running';
  return (
    <Card withBorder padding="md" data-testid="promotion-row" data-promotion-id={promotion.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
              {promotion.name}
            </Text>
            <Anchor
              component={Link}
              to={`/products/${promotion.productId}`}
              fz="sm"
              style={{ overflowWrap: 'anywhere' }}
            >
              {product ? format.localized(product.title) : promotion.productId}
            </Anchor>
          </Stack>
          <PromotionStateBadge state={promotion.state} />
        </Group>
        <Text fz="sm">
          {t('promotions.window', {
            from: format.dateTime(promotion.startsAt),
            to: format.dateTime(promotion.endsAt),
          })}
        </Text>
        <Text fz="sm" c="red.9" fw={600}>
          {promotion.tiers
            .map((tier) =>
              t('promotions.tierLine', {
                percent: format.percent(tier.percentOff / 100),
                quantity: format.number(tier.minQuantity),
              }),
            )
            .join(' · ')}
        </Text>
        {live && (
          <Group justify="flex-end">
            <ConfirmButton
              size="xs"
              variant="default"
              color="red.9"
              title={t('promotions.cancelTitle')}
              body={t('promotions.cancelBody', { name: promotion.name })}
              confirmLabel={t('promotions.cancel')}
              onConfirm={() => update.mutate({ id: promotion.id, patch: { status: 'cancelled' } })}
              loading={update.isPending}
              data-testid="promotion-cancel"
            >
              {t('promotions.cancel')}
            </ConfirmButton>
          </Group>
        )}
        <FormError error={update.error} />
      </Stack>
    </Card>
  );
};
