import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Container,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useProvinces } from '../../api/queries';
import type { ProductDetail } from '../../api/types';
import { FormError, focusFirstInvalid } from '../../components/form-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { CategorySelect, CurrencySelect, UnitSelect } from '../../components/trade-selects';
import { toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { MONO_INPUT, serverProblems } from '../declarations/declaration-parts';
import { HsSuggestions, MIN_SUGGEST_CHARS, SuggestButton } from '../declarations/hs-suggestions';

/** POST /api/products (src/modules/catalog/api.ts, CreateProductBody): the fields this form sends. */
type ProductInput = {
  categoryCode: string;
  hsCode: string;
  title: { en: string; zh?: string | null; es?: string | null };
  description?: { en?: string; zh?: string | null; es?: string | null };
  originProvince?: string | null;
  moq: number;
  unit: string;
  currency: string;
  priceTiers: { minQuantity: number; maxQuantity: number | null; unitPrice: string }[];
  leadTimeTiers?: { maxQuantity: number | null; days: number }[];
};

const MAX_TIERS = 10;

const useCreateProduct = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProductInput) => api.post<ProductDetail>('/api/products', input),
    onSuccess: (product) => {
      queryClient.setQueryData(['product', product.id], product);
      return Promise.all(
        ['company-products', 'search'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      );
    },
  });
};

/** A price tier as typed: it starts right after the previous one (the first at the MOQ); empty "up to" is open. */
type TierDraft = { key: number; maxQuantity: number | ''; unitPrice: string };

type Draft = {
  titleEn: string;
  titleZh: string;
  titleEs: string;
  description: string;
  categoryCode: string | null;
  hsCode: string;
  originProvince: string | null;
  unit: string | null;
  moq: number | '';
  currency: string | null;
  tiers: TierDraft[];
  leadTimeDays: number | '';
};

type Errors = Record<string, string | undefined>;

let nextTierKey = 1;
const newTier = (patch: Partial<TierDraft> = {}): TierDraft => ({
  key: nextTierKey++,
  maxQuantity: '',
  unitPrice: '',
  ...patch,
});

/** Where each tier starts: the first at the MOQ, each next one right after the previous ends. */
const tierStarts = (moq: number | '', tiers: TierDraft[]) =>
  tiers.map((_, i) => {
    if (i === 0) return moq === '' ? null : moq;
    const previous = tiers[i - 1]!.maxQuantity;
    return previous === '' ? null : previous + 1;
  });

/** Server paths (`body.title.en`, `priceTiers[1].unitPrice`) → this form's fields. */
const formField = (key: string): string | null => {
  const plain: Record<string, string> = {
    'title.en': 'titleEn',
    'title.zh': 'titleZh',
    'title.es': 'titleEs',
    title: 'titleEn',
    'description.en': 'description',
    description: 'description',
    categoryCode: 'categoryCode',
    hsCode: 'hsCode',
    originProvince: 'originProvince',
    unit: 'unit',
    moq: 'moq',
    currency: 'currency',
    leadTimeTiers: 'leadTimeDays',
  };
  if (plain[key]) return plain[key];
  const tier = /^priceTiers\.(\d+)\.(maxQuantity|unitPrice)$/.exec(key);
  if (tier) return `tiers.${tier[1]}.${tier[2]}`;
  if (key.startsWith('priceTiers')) return 'tiers';
  if (key.startsWith('leadTimeTiers')) return 'leadTimeDays';
  return null;
};

export const ProductNewScreen = () => <SignedInGate>{(me) => <ProductForm me={me} />}</SignedInGate>;

const ProductForm = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const create = useCreateProduct();
  const provinces = useProvinces();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [suggesting, setSuggesting] = useState(true);
  const [draft, setDraft] = useState<Draft>(() => ({
    titleEn: '',
    titleZh: '',
    titleEs: '',
    description: '',
    categoryCode: null,
    hsCode: '',
    originProvince: me.company.province,
    unit: 'piece',
    moq: '',
    currency: 'USD',
    tiers: [newTier()],
    leadTimeDays: '',
  }));
  useDocumentTitle(t('productNew.title'));
  const provinceOptions = useMemo(
    () => (provinces.data?.provinces ?? []).map((p) => ({ value: p.code, label: format.localized(p.name) })),
    [provinces.data, format],
  );

  if (me.company.kind !== 'supplier') {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('productNew.title')}
        </Title>
        <Text mt="sm">{t('productNew.suppliersOnly')}</Text>
      </Container>
    );
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };
  const setTier = (i: number, patch: Partial<TierDraft>) => {
    setDraft((current) => ({
      ...current,
      tiers: current.tiers.map((tier, j) => (j === i ? { ...tier, ...patch } : tier)),
    }));
    setErrors((current) => {
      const next: Errors = { ...current, tiers: undefined };
      for (const key of Object.keys(patch)) delete next[`tiers.${i}.${key}`];
      return next;
    });
  };

  // The words to suggest HS codes for: the title in whichever language it is typed, else the description.
  const suggestText =
    [draft.titleEn, draft.titleZh, draft.titleEs, draft.description]
      .map((s) => s.trim())
      .find((s) => s.length >= MIN_SUGGEST_CHARS) ?? '';
  const currency = draft.currency ?? '';
  const starts = tierStarts(draft.moq, draft.tiers);

  const validate = (): { errors: Errors; input?: ProductInput } => {
    const next: Errors = {};
    const titleEn = draft.titleEn.trim();
    if (!titleEn) next.titleEn = t('forms.required');
    if (!draft.categoryCode) next.categoryCode = t('forms.required');
    if (!draft.hsCode) next.hsCode = t('forms.required');
    else if (!/^\d{6}$/.test(draft.hsCode)) next.hsCode = t('declarations.form.errors.hsCode');
    if (!draft.unit) next.unit = t('forms.required');
    if (draft.moq === '' || draft.moq < 1 || !Number.isInteger(draft.moq)) next.moq = t('forms.wholeNumber');
    if (!currency) next.currency = t('forms.required');
    const priceTiers: ProductInput['priceTiers'] = [];
    draft.tiers.forEach((tier, i) => {
      const last = i === draft.tiers.length - 1;
      const start = starts[i];
      if (!last && tier.maxQuantity === '') next[`tiers.${i}.maxQuantity`] = t('productNew.errors.upTo');
      else if (tier.maxQuantity !== '' && start !== null && start !== undefined && tier.maxQuantity < start)
        next[`tiers.${i}.maxQuantity`] = t('productNew.errors.upToMin', { min: format.number(start) });
      const price = currency ? toMinorUnits(tier.unitPrice, currency) : null;
      if (!tier.unitPrice.trim()) next[`tiers.${i}.unitPrice`] = t('forms.required');
      else if (price === null) next[`tiers.${i}.unitPrice`] = t('forms.amount');
      else if (BigInt(price) === 0n) next[`tiers.${i}.unitPrice`] = t('forms.positive');
      if (price !== null && start !== null && start !== undefined)
        priceTiers.push({
          minQuantity: start,
          maxQuantity: tier.maxQuantity === '' ? null : tier.maxQuantity,
          unitPrice: price,
        });
    });
    if (draft.leadTimeDays !== '' && (draft.leadTimeDays < 0 || draft.leadTimeDays > 365))
      next.leadTimeDays = t('productNew.errors.leadTime');
    if (Object.values(next).some(Boolean)) return { errors: next };
    const description = draft.description.trim();
    return {
      errors: next,
      input: {
        categoryCode: draft.categoryCode!,
        hsCode: draft.hsCode,
        title: { en: titleEn, zh: draft.titleZh.trim() || null, es: draft.titleEs.trim() || null },
        ...(description ? { description: { en: description } } : {}),
        originProvince: draft.originProvince,
        moq: draft.moq as number,
        unit: draft.unit!,
        currency,
        priceTiers,
        ...(draft.leadTimeDays !== ''
          ? { leadTimeTiers: [{ maxQuantity: null, days: draft.leadTimeDays }] }
          : {}),
      },
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { errors: found, input } = validate();
    setErrors(found);
    setFormError(null);
    if (!input) {
      focusFirstInvalid(formRef.current);
      return;
    }
    create.mutate(input, {
      onSuccess: (product) => navigate(`/products/${product.id}`),
      onError: (error) => {
        const problems = serverProblems(error);
        const mapped: Errors = {};
        for (const [key, message] of Object.entries(problems.byField)) {
          const field = formField(key);
          if (field) mapped[field] = t('forms.serverIssue', { message });
        }
        if (Object.keys(mapped).length === 0) {
          setFormError(error);
          return;
        }
        setErrors(mapped);
        focusFirstInvalid(formRef.current);
      },
    });
  };

  return (
    <Container size="md" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to={`/suppliers/${me.company.id}`} fz="sm">
            {t('productNew.backToShowroom')}
          </Anchor>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} mt={4}>
            {t('productNew.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('productNew.subtitle')}
          </Text>
        </div>
        <form ref={formRef} onSubmit={submit} noValidate data-testid="product-form">
          <Stack gap="lg">
            <Card withBorder padding="lg" component="section" aria-labelledby="product-what">
              <Title order={2} fz="h4" id="product-what" mb="sm">
                {t('productNew.what')}
              </Title>
              <Grid gutter="sm">
                <Grid.Col span={12}>
                  <TextInput
                    label={t('productNew.titleEn')}
                    placeholder="LED light bulb E27 9 W, 806 lm"
                    value={draft.titleEn}
                    onChange={(e) => {
                      set('titleEn', e.currentTarget.value);
                      if (e.currentTarget.value.trim().length >= MIN_SUGGEST_CHARS) setSuggesting(true);
                    }}
                    error={errors.titleEn}
                    maxLength={200}
                    data-testid="product-title-en"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('productNew.titleZh')}
                    description={t('declarations.form.optional')}
                    value={draft.titleZh}
                    onChange={(e) => set('titleZh', e.currentTarget.value)}
                    error={errors.titleZh}
                    maxLength={200}
                    lang="zh-CN"
                    data-testid="product-title-zh"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('productNew.titleEs')}
                    description={t('declarations.form.optional')}
                    value={draft.titleEs}
                    onChange={(e) => set('titleEs', e.currentTarget.value)}
                    error={errors.titleEs}
                    maxLength={200}
                    lang="es"
                    data-testid="product-title-es"
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <Textarea
                    label={t('productNew.description')}
                    description={t('declarations.form.optional')}
                    value={draft.description}
                    onChange={(e) => set('description', e.currentTarget.value)}
                    error={errors.description}
                    autosize
                    minRows={3}
                    maxLength={5000}
                    data-testid="product-description"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <CategorySelect
                    label={t('productNew.category')}
                    description={t('productNew.categoryHint')}
                    value={draft.categoryCode}
                    onChange={(v) => set('categoryCode', v)}
                    error={errors.categoryCode}
                    data-testid="product-category"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('declarations.form.hsCode')}
                    description={t('declarations.form.hsCodeHint')}
                    value={draft.hsCode}
                    onChange={(e) => set('hsCode', e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
                    error={errors.hsCode}
                    inputMode="numeric"
                    maxLength={6}
                    styles={MONO_INPUT}
                    rightSectionWidth={96}
                    rightSection={
                      <SuggestButton
                        onClick={() => setSuggesting(true)}
                        disabled={!suggestText}
                        testId="product-suggest"
                      />
                    }
                    data-testid="product-hs-code"
                  />
                </Grid.Col>
                {suggesting && suggestText && (
                  <Grid.Col span={12}>
                    <HsSuggestions
                      text={suggestText}
                      current={draft.hsCode}
                      onPick={(s) => {
                        set('hsCode', s.code);
                        setSuggesting(false);
                      }}
                      onClose={() => setSuggesting(false)}
                      testId="product-hs-suggestions"
                    />
                  </Grid.Col>
                )}
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Select
                    label={t('productNew.origin')}
                    description={t('declarations.form.optional')}
                    data={provinceOptions}
                    value={draft.originProvince}
                    onChange={(v) => set('originProvince', v)}
                    searchable
                    clearable
                    nothingFoundMessage={t('forms.nothingFound')}
                    disabled={provinces.isPending}
                    error={errors.originProvince}
                    data-testid="product-origin"
                  />
                </Grid.Col>
              </Grid>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="product-pricing">
              <Title order={2} fz="h4" id="product-pricing" mb="sm">
                {t('productNew.pricing')}
              </Title>
              <Grid gutter="sm">
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <UnitSelect
                    label={t('productNew.unit')}
                    value={draft.unit}
                    onChange={(v) => set('unit', v)}
                    allowDeselect={false}
                    error={errors.unit}
                    data-testid="product-unit"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <NumberInput
                    label={t('productNew.moq')}
                    value={draft.moq}
                    onChange={(v) => set('moq', typeof v === 'number' ? v : '')}
                    min={1}
                    allowDecimal={false}
                    thousandSeparator
                    hideControls
                    error={errors.moq}
                    data-testid="product-moq"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <CurrencySelect
                    label={t('productNew.currency')}
                    value={draft.currency}
                    onChange={(v) => set('currency', v)}
                    error={errors.currency}
                    data-testid="product-currency"
                  />
                </Grid.Col>
              </Grid>
              <Text fz="sm" fw={600} mt="md">
                {t('productNew.tiers')}
              </Text>
              <Text fz="xs" c="dimmed" mb="xs">
                {t('productNew.tiersHint')}
              </Text>
              <Stack gap="xs" data-testid="product-tiers">
                {draft.tiers.map((tier, i) => {
                  const start = starts[i];
                  return (
                    <Group
                      key={tier.key}
                      gap="xs"
                      align="flex-start"
                      wrap="nowrap"
                      data-testid="product-tier"
                    >
                      <Text fz="sm" w={84} pt={8} style={{ flexShrink: 0 }}>
                        {start !== null && start !== undefined
                          ? t('productNew.from', { n: format.number(start) })
                          : '—'}
                      </Text>
                      <NumberInput
                        style={{ flex: 1, minWidth: 0 }}
                        aria-label={t('productNew.upTo')}
                        placeholder={
                          i === draft.tiers.length - 1 ? t('productNew.andAbove') : t('productNew.upTo')
                        }
                        value={tier.maxQuantity}
                        onChange={(v) => setTier(i, { maxQuantity: typeof v === 'number' ? v : '' })}
                        min={1}
                        allowDecimal={false}
                        thousandSeparator
                        hideControls
                        error={errors[`tiers.${i}.maxQuantity`]}
                        data-testid="tier-max"
                      />
                      <TextInput
                        style={{ flex: 1, minWidth: 0 }}
                        aria-label={t('productNew.unitPrice', { currency: currency || '—' })}
                        placeholder={t('productNew.unitPrice', { currency: currency || '—' })}
                        inputMode="decimal"
                        value={tier.unitPrice}
                        onChange={(e) => setTier(i, { unitPrice: e.currentTarget.value })}
                        error={errors[`tiers.${i}.unitPrice`]}
                        data-testid="tier-price"
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        size="lg"
                        mt={2}
                        disabled={draft.tiers.length === 1}
                        aria-label={t('productNew.removeTier')}
                        onClick={() =>
                          set(
                            'tiers',
                            draft.tiers.filter((_, j) => j !== i),
                          )
                        }
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  );
                })}
                {errors.tiers && (
                  <Text c="red.9" fz="sm" role="alert">
                    {errors.tiers}
                  </Text>
                )}
                <Button
                  variant="subtle"
                  size="xs"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => set('tiers', [...draft.tiers, newTier()])}
                  disabled={draft.tiers.length >= MAX_TIERS}
                  data-testid="add-tier"
                >
                  {t('productNew.addTier')}
                </Button>
              </Stack>
              <Grid gutter="sm" mt="sm">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <NumberInput
                    label={t('productNew.leadTime')}
                    description={t('declarations.form.optional')}
                    value={draft.leadTimeDays}
                    onChange={(v) => set('leadTimeDays', typeof v === 'number' ? v : '')}
                    min={0}
                    max={365}
                    allowDecimal={false}
                    hideControls
                    error={errors.leadTimeDays}
                    data-testid="product-lead-time"
                  />
                </Grid.Col>
              </Grid>
            </Card>

            <FormError error={formError} testId="product-error" />
            {Object.values(errors).some(Boolean) && (
              <Text c="red.9" fz="sm" role="alert">
                {t('errors.validation')}
              </Text>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending} data-testid="submit-product">
                {t('productNew.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
};
