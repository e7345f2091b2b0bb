import { ActionIcon, Alert, Button, Card, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetShowcase, useShowcase } from '../../api/ads-queries';
import { MAX_SHOWCASE_SLOTS, type PromotedSummary } from '../../api/ads-types';
import { FormError } from '../../components/form-error';
import { QueryError } from '../../components/query-error';
import { useFormat } from '../../format/use-format';
import { fieldProblems } from './promotion-parts';

/** The supplier's featured products on its showroom, in order (up to six). */
export const ShowcaseEditor = ({
  companyId,
  products,
}: {
  companyId: string;
  products: PromotedSummary[];
}) => {
  const { t } = useTranslation();
  const showcase = useShowcase(companyId);
  // Owned here, not by the form: a save remounts the form with the saved slots, and its answer must stay shown.
  const save = useSetShowcase();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="showcase-title" data-testid="showcase">
      <Title order={2} fz="h4" id="showcase-title">
        {t('promotions.showcase.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('promotions.showcase.subtitle', { max: MAX_SHOWCASE_SLOTS })}
      </Text>
      {showcase.isError && <QueryError error={showcase.error} onRetry={() => showcase.refetch()} />}
      {showcase.isPending && <Skeleton height={160} aria-busy="true" />}
      {showcase.data && (
        <SlotsForm
          // A fresh form when the saved showcase changes (after a save, or another tab's).
          key={showcase.data.items.map((p) => p.id).join(',')}
          initial={showcase.data.items.map((p) => p.id)}
          products={products}
          save={save}
        />
      )}
    </Card>
  );
};

const SlotsForm = ({
  initial,
  products,
  save,
}: {
  initial: string[];
  products: PromotedSummary[];
  save: ReturnType<typeof useSetShowcase>;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [slots, setSlots] = useState<string[]>(initial);
  const [adding, setAdding] = useState<string | null>(null);
  const titleOf = (id: string) => {
    const p = products.find((x) => x.id === id);
    return p ? format.localized(p.title) : id;
  };
  const move = (from: number, to: number) =>
    setSlots((s) => {
      const next = [...s];
      const [item] = next.splice(from, 1);
      if (item) next.splice(to, 0, item);
      return next;
    });
  const problems = fieldProblems(save.error);
  const changed = slots.join(',') !== initial.join(',');
  return (
    <Stack gap="sm">
      {slots.length === 0 && (
        <Text fz="sm" c="dimmed" data-testid="showcase-empty">
          {t('promotions.showcase.empty')}
        </Text>
      )}
      <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {slots.map((id, i) => (
          <li key={id} data-testid="showcase-slot" data-product-id={id}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <b>{i + 1}.</b> {titleOf(id)}
              </Text>
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="default"
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                  aria-label={t('promotions.showcase.up', { name: titleOf(id) })}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  disabled={i === slots.length - 1}
                  onClick={() => move(i, i + 1)}
                  aria-label={t('promotions.showcase.down', { name: titleOf(id) })}
                >
                  ↓
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  onClick={() => setSlots((s) => s.filter((x) => x !== id))}
                  aria-label={t('promotions.showcase.remove', { name: titleOf(id) })}
                  data-testid="showcase-remove"
                >
                  ✕
                </ActionIcon>
              </Group>
            </Group>
            {problems[`productIds.${i}`] && (
              <Text fz="xs" c="red.9" role="alert">
                {problems[`productIds.${i}`]}
              </Text>
            )}
          </li>
        ))}
      </Stack>
      {slots.length < MAX_SHOWCASE_SLOTS && (
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('promotions.showcase.add')}
            placeholder={t('promotions.form.productPlaceholder')}
            data={products
              .filter((p) => !slots.includes(p.id))
              .map((p) => ({ value: p.id, label: format.localized(p.title) }))}
            value={adding}
            onChange={setAdding}
            searchable
            nothingFoundMessage={t('forms.nothingFound')}
            style={{ flex: '1 1 240px' }}
            data-testid="showcase-add"
          />
          <Button
            variant="light"
            disabled={!adding}
            onClick={() => {
              if (adding) setSlots((s) => [...s, adding]);
              setAdding(null);
            }}
          >
            {t('promotions.showcase.addButton')}
          </Button>
        </Group>
      )}
      <FormError error={Object.keys(problems).some((k) => k.startsWith('productIds.')) ? null : save.error} />
      {save.isSuccess && !changed && (
        <Alert color="teal" role="status" data-testid="showcase-saved">
          {t('promotions.showcase.saved')}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          onClick={() => save.mutate(slots)}
          loading={save.isPending}
          disabled={!changed}
          data-testid="showcase-save"
        >
          {t('promotions.showcase.save')}
        </Button>
      </Group>
    </Stack>
  );
};
