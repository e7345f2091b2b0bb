import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Container,
  Grid,
  Group,
  NativeSelect,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  useAllCompanyProducts,
  useCampaign,
  useCreateCampaign,
  useUpdateCampaign,
} from '../../api/ads-queries';
import {
  AD_CURRENCY,
  type Campaign,
  type CampaignInput,
  MATCH_TYPES,
  MAX_BID,
  MAX_CAMPAIGN_PRODUCTS,
  MAX_DAILY_BUDGET,
  MAX_KEYWORDS,
  type MatchType,
  MIN_BID,
  MIN_DAILY_BUDGET,
} from '../../api/ads-types';
import { issuesByField } from '../../api/field-errors';
import { FormError, focusFirstInvalid } from '../../components/form-error';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { toMajorInput, toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';

type KeywordDraft = { key: number; text: string; matchType: MatchType; bid: string };
type Draft = { name: string; dailyBudget: string; keywords: KeywordDraft[]; products: string[] };
type Errors = Record<string, string | undefined>;

let nextKey = 1;
const newKeyword = (patch: Partial<KeywordDraft> = {}): KeywordDraft => ({
  key: nextKey++,
  text: '',
  matchType: 'phrase',
  bid: '0.50',
  ...patch,
});

const usd = (minor: number) => ({ amount: String(minor), currency: AD_CURRENCY });

/** New campaign (no id) or the edit of one (`/supplier/ads/:id/edit`). */
export const CampaignFormScreen = () => <SignedInGate>{(me) => <CampaignFormLoader me={me} />}</SignedInGate>;

const CampaignFormLoader = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const { id } = useParams();
  const supplier = me.company.kind === 'supplier';
  const campaign = useCampaign(supplier ? id : undefined);
  useDocumentTitle(id ? t('ads.form.editTitle') : t('ads.form.title'));
  if (!supplier) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('ads.form.title')}
        </Title>
        <Text mt="sm">{t('ads.suppliersOnly')}</Text>
      </Container>
    );
  }
  if (id) {
    if (campaign.isError && isNotFound(campaign.error)) return <NotFound />;
    if (campaign.isError)
      return (
        <Container size="lg" py="lg">
          <QueryError error={campaign.error} onRetry={() => campaign.refetch()} />
        </Container>
      );
    if (!campaign.data)
      return (
        <Container size="lg" py="lg" aria-busy="true">
          <Skeleton height={32} width="50%" />
          <Skeleton height={320} mt="lg" />
        </Container>
      );
  }
  return <CampaignForm me={me} campaign={id ? campaign.data : undefined} />;
};

const draftOf = (campaign: Campaign | undefined): Draft =>
  campaign
    ? {
        name: campaign.name,
        dailyBudget: toMajorInput(campaign.dailyBudget),
        keywords: campaign.keywords.map((k) =>
          newKeyword({ text: k.text, matchType: k.matchType, bid: toMajorInput(k.bid) }),
        ),
        products: campaign.products.map((p) => p.productId),
      }
    : { name: '', dailyBudget: '20.00', keywords: [newKeyword()], products: [] };

const TOP_FIELDS = ['name', 'dailyBudget', 'products', 'keywords'];
const KEYWORD_FIELDS = ['text', 'matchType', 'bid'];

/** A server field the form shows an input for; anything else goes above the form. */
const formField = (key: string, keywordCount: number): boolean => {
  if (TOP_FIELDS.includes(key)) return true;
  const keyword = /^keywords\.(\d+)\.(\w+)$/.exec(key);
  return Boolean(keyword && Number(keyword[1]) < keywordCount && KEYWORD_FIELDS.includes(keyword[2]!));
};

const CampaignForm = ({ me, campaign }: { me: Member; campaign: Campaign | undefined }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const products = useAllCompanyProducts(me.company.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(campaign));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [filter, setFilter] = useState('');
  const pending = create.isPending || update.isPending;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const setKeyword = (index: number, patch: Partial<KeywordDraft>) => {
    setDraft((d) => ({ ...d, keywords: d.keywords.map((k, i) => (i === index ? { ...k, ...patch } : k)) }));
    setErrors((e) => {
      const next: Errors = { ...e, keywords: undefined };
      for (const field of Object.keys(patch)) delete next[`keywords.${index}.${field}`];
      return next;
    });
  };
  // Removing a keyword renumbers the ones after it: their messages would sit on the wrong row.
  const dropKeywordErrors = () =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !key.startsWith('keywords'))));

  const bidRange = { min: format.money(usd(MIN_BID)), max: format.money(usd(MAX_BID)) };
  const budgetRange = { min: format.money(usd(MIN_DAILY_BUDGET)), max: format.money(usd(MAX_DAILY_BUDGET)) };

  const validate = (): { errors: Errors; input?: CampaignInput } => {
    const next: Errors = {};
    const name = draft.name.trim();
    if (!name) next.name = t('forms.required');
    const budget = toMinorUnits(draft.dailyBudget, AD_CURRENCY);
    if (budget === null) next.dailyBudget = t('ads.form.errors.amount');
    else if (Number(budget) < MIN_DAILY_BUDGET || Number(budget) > MAX_DAILY_BUDGET)
      next.dailyBudget = t('ads.form.errors.budgetRange', budgetRange);
    if (draft.keywords.length === 0) next.keywords = t('ads.form.errors.noKeywords');
    const seen = new Set<string>();
    const bids: string[] = [];
    draft.keywords.forEach((k, i) => {
      const text = k.text.trim();
      if (!text) next[`keywords.${i}.text`] = t('forms.required');
      const same = `${text.toLowerCase().replace(/\s+/g, ' ')}|${k.matchType}`;
      if (text && seen.has(same)) next[`keywords.${i}.text`] = t('ads.form.errors.duplicate');
      seen.add(same);
      const bid = toMinorUnits(k.bid, AD_CURRENCY);
      if (bid === null) next[`keywords.${i}.bid`] = t('ads.form.errors.amount');
      else if (Number(bid) < MIN_BID || Number(bid) > MAX_BID)
        next[`keywords.${i}.bid`] = t('ads.form.errors.bidRange', bidRange);
      bids.push(bid ?? '0');
    });
    if (draft.products.length === 0) next.products = t('ads.form.errors.noProducts');
    if (draft.products.length > MAX_CAMPAIGN_PRODUCTS)
      next.products = t('ads.form.errors.tooManyProducts', { max: MAX_CAMPAIGN_PRODUCTS });
    if (Object.values(next).some(Boolean)) return { errors: next };
    return {
      errors: next,
      input: {
        name,
        dailyBudget: budget ?? '0',
        keywords: draft.keywords.map((k, i) => ({
          text: k.text.trim(),
          matchType: k.matchType,
          bid: bids[i] ?? '0',
        })),
        products: draft.products,
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
    const onError = (error: unknown) => {
      const byField = issuesByField(error, (key) => formField(key, draft.keywords.length));
      const { '': general, ...fields } = byField;
      if (Object.keys(fields).length === 0) {
        setFormError(error);
        return;
      }
      setErrors(fields);
      if (general) setFormError(error);
      focusFirstInvalid(formRef.current);
    };
    const onSuccess = (saved: Campaign) => navigate(`/supplier/ads/${saved.id}`);
    if (campaign) update.mutate({ id: campaign.id, patch: input }, { onSuccess, onError });
    else create.mutate(input, { onSuccess, onError });
  };

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const all = products.data ?? [];
    if (!needle) return all;
    return all.filter((p) =>
      [p.title.en, p.title.zh ?? '', p.title.es ?? ''].some((title) => title.toLowerCase().includes(needle)),
    );
  }, [products.data, filter]);
  const toggleProduct = (id: string, on: boolean) =>
    set('products', on ? [...draft.products, id] : draft.products.filter((p) => p !== id));

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to={campaign ? `/supplier/ads/${campaign.id}` : '/supplier/ads'} fz="sm">
            {campaign ? t('ads.backToCampaign') : t('ads.backToList')}
          </Anchor>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} mt={4}>
            {campaign ? t('ads.form.editTitle') : t('ads.form.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('ads.form.subtitle')}
          </Text>
        </div>

        <form ref={formRef} onSubmit={submit} noValidate data-testid="campaign-form">
          <Stack gap="lg">
            <Card withBorder padding="lg" component="section" aria-labelledby="campaign-basics">
              <Title order={2} fz="h4" id="campaign-basics" mb="sm">
                {t('ads.form.basics')}
              </Title>
              <Grid gutter="sm">
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <TextInput
                    label={t('ads.form.name')}
                    placeholder={t('ads.form.namePlaceholder')}
                    value={draft.name}
                    onChange={(e) => set('name', e.currentTarget.value)}
                    error={errors.name}
                    maxLength={120}
                    required
                    data-testid="campaign-name"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('ads.form.dailyBudget')}
                    description={t('ads.form.dailyBudgetHint')}
                    value={draft.dailyBudget}
                    onChange={(e) => set('dailyBudget', e.currentTarget.value)}
                    error={errors.dailyBudget}
                    inputMode="decimal"
                    leftSection={<Text fz="sm">$</Text>}
                    required
                    data-testid="campaign-budget"
                  />
                </Grid.Col>
              </Grid>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="campaign-keywords">
              <Title order={2} fz="h4" id="campaign-keywords">
                {t('ads.form.keywords')}
              </Title>
              <Text fz="sm" c="dimmed" mb="sm">
                {t('ads.form.keywordsHint', bidRange)}
              </Text>
              <Stack gap="sm">
                {draft.keywords.map((k, i) => (
                  <Grid
                    key={k.key}
                    gutter="xs"
                    align="flex-start"
                    data-testid="keyword-row"
                    style={
                      i > 0
                        ? { borderTop: '1px solid var(--mantine-color-gray-2)', paddingTop: 8 }
                        : undefined
                    }
                  >
                    <Grid.Col span={{ base: 12, sm: 5 }}>
                      <TextInput
                        label={t('ads.form.keyword')}
                        value={k.text}
                        onChange={(e) => setKeyword(i, { text: e.currentTarget.value })}
                        error={errors[`keywords.${i}.text`]}
                        maxLength={80}
                        data-testid="keyword-text"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 6, sm: 3 }}>
                      <NativeSelect
                        label={t('ads.form.matchType')}
                        data={MATCH_TYPES.map((m) => ({ value: m, label: t(`ads.match.${m}`) }))}
                        value={k.matchType}
                        onChange={(e) => setKeyword(i, { matchType: e.currentTarget.value as MatchType })}
                        error={errors[`keywords.${i}.matchType`]}
                        data-testid="keyword-match"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 6, sm: 3 }}>
                      <TextInput
                        label={t('ads.form.bid')}
                        value={k.bid}
                        onChange={(e) => setKeyword(i, { bid: e.currentTarget.value })}
                        error={errors[`keywords.${i}.bid`]}
                        inputMode="decimal"
                        leftSection={<Text fz="sm">$</Text>}
                        data-testid="keyword-bid"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 1 }}>
                      <Group justify="flex-end" mt={{ base: 0, sm: 26 }}>
                        <ActionIcon
                          variant="subtle"
                          color="red.9"
                          size="lg"
                          disabled={draft.keywords.length === 1}
                          aria-label={t('ads.form.removeKeyword', { keyword: k.text || i + 1 })}
                          onClick={() => {
                            setDraft((d) => ({ ...d, keywords: d.keywords.filter((_, j) => j !== i) }));
                            dropKeywordErrors();
                          }}
                          data-testid="keyword-remove"
                        >
                          ✕
                        </ActionIcon>
                      </Group>
                    </Grid.Col>
                  </Grid>
                ))}
                {errors.keywords && (
                  <Text c="red.9" fz="sm" role="alert">
                    {errors.keywords}
                  </Text>
                )}
                <Group>
                  <Button
                    variant="light"
                    onClick={() => setDraft((d) => ({ ...d, keywords: [...d.keywords, newKeyword()] }))}
                    disabled={draft.keywords.length >= MAX_KEYWORDS}
                    data-testid="add-keyword"
                  >
                    {t('ads.form.addKeyword')}
                  </Button>
                </Group>
                <Text fz="xs" c="dimmed">
                  {t('ads.form.matchHelp')}
                </Text>
              </Stack>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="campaign-products">
              <Title order={2} fz="h4" id="campaign-products">
                {t('ads.form.products')}
              </Title>
              <Text fz="sm" c="dimmed" mb="sm">
                {t('ads.form.productsHint', { max: MAX_CAMPAIGN_PRODUCTS })}
              </Text>
              {products.isError && <QueryError error={products.error} onRetry={() => products.refetch()} />}
              {products.isPending && <Skeleton height={200} aria-busy="true" />}
              {products.data && products.data.length === 0 && (
                <Alert color="orange" data-testid="no-products">
                  {t('ads.form.noProducts')}{' '}
                  <Anchor component={Link} to="/supplier/products/new">
                    {t('productNew.nav')}
                  </Anchor>
                </Alert>
              )}
              {products.data && products.data.length > 0 && (
                <Stack gap="xs">
                  <TextInput
                    label={t('ads.form.filterProducts')}
                    value={filter}
                    onChange={(e) => setFilter(e.currentTarget.value)}
                    data-testid="product-filter"
                  />
                  <Text fz="sm" fw={600} aria-live="polite">
                    {t('ads.form.selected', { count: draft.products.length })}
                  </Text>
                  <ScrollArea.Autosize mah={300} type="auto" offsetScrollbars>
                    <Stack gap={6} data-testid="product-options">
                      {shown.map((p) => (
                        <Checkbox
                          key={p.id}
                          label={format.localized(p.title)}
                          checked={draft.products.includes(p.id)}
                          onChange={(e) => toggleProduct(p.id, e.currentTarget.checked)}
                          data-testid="product-option"
                          data-product-id={p.id}
                        />
                      ))}
                      {shown.length === 0 && (
                        <Text fz="sm" c="dimmed">
                          {t('forms.nothingFound')}
                        </Text>
                      )}
                    </Stack>
                  </ScrollArea.Autosize>
                  {errors.products && (
                    <Text c="red.9" fz="sm" role="alert" data-testid="products-error">
                      {errors.products}
                    </Text>
                  )}
                </Stack>
              )}
            </Card>

            <FormError error={formError} testId="campaign-error" />
            {Object.values(errors).some(Boolean) && (
              <Text c="red.9" fz="sm" role="alert">
                {t('errors.validation')}
              </Text>
            )}
            <Group justify="flex-end">
              <Button
                component={Link}
                to={campaign ? `/supplier/ads/${campaign.id}` : '/supplier/ads'}
                variant="default"
              >
                {t('ads.form.cancel')}
              </Button>
              <Button type="submit" loading={pending} data-testid="submit-campaign">
                {campaign ? t('ads.form.save') : t('ads.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
};
