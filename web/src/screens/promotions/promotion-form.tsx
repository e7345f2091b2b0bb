import {
  Alert,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreatePromotion } from '../../api/ads-queries';
import type { PromotedSummary, PromotionTier } from '../../api/ads-types';
import { useProduct } from '../../api/queries';
import type { Money } from '../../api/types';
import { FormError, focusFirstInvalid } from '../../components/form-error';
import { QueryError } from '../../components/query-error';
import { useFormat } from '../../format/use-format';
import { fieldProblems, localInput, toInstant } from './promotion-parts';

type TierDraft = { on: boolean; percentOff: string };
type Errors = Record<string, string | undefined>;

const MAX_DAYS = 90;

/** The list price less `percent` %, rounded half up to the minor unit: a preview; the server prices orders. */
const discounted = (price: Money, percent: number): Money => {
  const amount = BigInt(price.amount);
  const off = BigInt(100 - percent);
  return { amount: ((amount * off * 2n + 100n) / 200n).toString(), currency: price.currency };
};

/** A time-limited discount on some of a product's quantity tiers. */
export const PromotionForm = ({ products }: { products: PromotedSummary[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreatePromotion();
  const formRef = useRef<HTMLFormElement>(null);
  const [productId, setProductId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [startsAt, setStartsAt] = useState(() => localInput(0));
  const [endsAt, setEndsAt] = useState(() => localInput(14));
  const [tiers, setTiers] = useState<Record<number, TierDraft>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const product = useProduct(productId ?? '');
  const listTiers = productId && product.data?.id === productId ? product.data.priceTiers : null;

  const clear = (...keys: string[]) =>
    setErrors((e) => {
      const next = { ...e };
      for (const key of keys) delete next[key];
      return next;
    });
  const tierOf = (min: number): TierDraft => tiers[min] ?? { on: false, percentOff: '10' };
  const setTier = (min: number, patch: Partial<TierDraft>) => {
    setTiers((all) => ({ ...all, [min]: { ...tierOf(min), ...patch } }));
    clear(`tier.${min}`, 'tiers');
  };

  const validate = (): { errors: Errors; chosen: PromotionTier[] } => {
    const next: Errors = {};
    if (!productId) next.productId = t('forms.required');
    if (!name.trim()) next.name = t('forms.required');
    const start = toInstant(startsAt);
    const end = toInstant(endsAt);
    if (!start) next.startsAt = t('forms.required');
    if (!end) next.endsAt = t('forms.required');
    else if (end <= new Date().toISOString()) next.endsAt = t('promotions.errors.endsPast');
    if (start && end) {
      const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
      if (days <= 0) next.endsAt = t('promotions.errors.endsBeforeStart');
      else if (days > MAX_DAYS) next.endsAt = t('promotions.errors.tooLong', { days: MAX_DAYS });
    }
    const chosen: PromotionTier[] = [];
    for (const tier of listTiers ?? []) {
      const draft = tierOf(tier.minQuantity);
      if (!draft.on) continue;
      const percent = Number(draft.percentOff);
      if (!Number.isInteger(percent) || percent < 1 || percent > 90)
        next[`tier.${tier.minQuantity}`] = t('promotions.errors.percent');
      chosen.push({ minQuantity: tier.minQuantity, percentOff: percent });
    }
    if (productId && listTiers && chosen.length === 0) next.tiers = t('promotions.errors.noTiers');
    return { errors: next, chosen };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { errors: found, chosen } = validate();
    setErrors(found);
    setFormError(null);
    if (Object.values(found).some(Boolean) || !productId) {
      focusFirstInvalid(formRef.current);
      return;
    }
    create.mutate(
      {
        productId,
        name: name.trim(),
        startsAt: toInstant(startsAt) ?? '',
        endsAt: toInstant(endsAt) ?? '',
        tiers: chosen,
      },
      {
        onSuccess: () => {
          setName('');
          setTiers({});
          setProductId(null);
        },
        onError: (error) => {
          const byField = fieldProblems(error);
          const mapped: Errors = {};
          let general = false;
          for (const [key, message] of Object.entries(byField)) {
            const tier = /^tiers\.(\d+)\./.exec(key);
            const min = tier ? chosen[Number(tier[1])]?.minQuantity : undefined;
            if (min !== undefined) mapped[`tier.${min}`] = message;
            else if (['productId', 'name', 'startsAt', 'endsAt', 'tiers'].includes(key))
              mapped[key] = message;
            else general = true;
          }
          setErrors(mapped);
          if (general || Object.keys(mapped).length === 0) setFormError(error);
          focusFirstInvalid(formRef.current);
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="promotion-new">
      <Title order={2} fz="h4" id="promotion-new">
        {t('promotions.form.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('promotions.form.subtitle', { days: MAX_DAYS })}
      </Text>
      <form ref={formRef} onSubmit={submit} noValidate data-testid="promotion-form">
        <Stack gap="sm">
          <Grid gutter="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('promotions.form.product')}
                placeholder={t('promotions.form.productPlaceholder')}
                data={products.map((p) => ({ value: p.id, label: format.localized(p.title) }))}
                value={productId}
                onChange={(v) => {
                  setProductId(v);
                  setTiers({});
                  clear('productId', 'tiers');
                }}
                searchable
                nothingFoundMessage={t('forms.nothingFound')}
                error={errors.productId}
                data-testid="promotion-product"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('promotions.form.name')}
                placeholder={t('promotions.form.namePlaceholder')}
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  clear('name');
                }}
                error={errors.name}
                maxLength={120}
                data-testid="promotion-name"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="datetime-local"
                label={t('promotions.form.startsAt')}
                value={startsAt}
                onChange={(e) => {
                  setStartsAt(e.currentTarget.value);
                  clear('startsAt', 'endsAt');
                }}
                error={errors.startsAt}
                data-testid="promotion-starts"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="datetime-local"
                label={t('promotions.form.endsAt')}
                value={endsAt}
                onChange={(e) => {
                  setEndsAt(e.currentTarget.value);
                  clear('endsAt');
                }}
                error={errors.endsAt}
                data-testid="promotion-ends"
              />
            </Grid.Col>
          </Grid>

          {productId && product.isError && (
            <QueryError error={product.error} onRetry={() => product.refetch()} />
          )}
          {productId && !listTiers && !product.isError && <Skeleton height={120} aria-busy="true" />}
          {listTiers && (
            <div>
              <Text fz="sm" fw={600} mb={4}>
                {t('promotions.form.tiers')}
              </Text>
              <div className="table-scroll">
                <Table withTableBorder data-testid="promotion-tiers">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('product.tiers.quantity')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('promotions.form.listPrice')}
                      </Table.Th>
                      <Table.Th scope="col">{t('promotions.form.percentOff')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('promotions.form.promotedPrice')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...listTiers]
                      .sort((a, b) => a.minQuantity - b.minQuantity)
                      .map((tier) => {
                        const draft = tierOf(tier.minQuantity);
                        const percent = Number(draft.percentOff);
                        const valid = Number.isInteger(percent) && percent >= 1 && percent <= 90;
                        const range =
                          tier.maxQuantity === null
                            ? t('product.tiers.rangeOpen', { min: format.number(tier.minQuantity) })
                            : t('product.tiers.range', {
                                min: format.number(tier.minQuantity),
                                max: format.number(tier.maxQuantity),
                              });
                        return (
                          <Table.Tr
                            key={tier.minQuantity}
                            data-testid="promotion-tier"
                            data-min={tier.minQuantity}
                          >
                            <Table.Td>
                              <Checkbox
                                label={range}
                                checked={draft.on}
                                onChange={(e) => setTier(tier.minQuantity, { on: e.currentTarget.checked })}
                                data-testid="promotion-tier-on"
                              />
                            </Table.Td>
                            <Table.Td ta="right">{format.money(tier.unitPrice)}</Table.Td>
                            <Table.Td miw={120}>
                              <TextInput
                                aria-label={t('promotions.form.percentFor', { range })}
                                value={draft.percentOff}
                                onChange={(e) =>
                                  setTier(tier.minQuantity, { percentOff: e.currentTarget.value, on: true })
                                }
                                error={errors[`tier.${tier.minQuantity}`]}
                                inputMode="numeric"
                                rightSection={<Text fz="sm">%</Text>}
                                maw={120}
                                data-testid="promotion-tier-percent"
                              />
                            </Table.Td>
                            <Table.Td
                              ta="right"
                              fw={draft.on ? 700 : undefined}
                              c={draft.on ? 'red.9' : 'dimmed'}
                            >
                              {draft.on && valid ? format.money(discounted(tier.unitPrice, percent)) : '—'}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                  </Table.Tbody>
                </Table>
              </div>
              {errors.tiers && (
                <Text c="red.9" fz="sm" role="alert" mt={4}>
                  {errors.tiers}
                </Text>
              )}
            </div>
          )}
          <FormError error={formError} testId="promotion-error" />
          {create.isSuccess && !formError && (
            <Alert color="teal" role="status" data-testid="promotion-created">
              {t('promotions.form.created')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} data-testid="submit-promotion">
              {t('promotions.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
};
