import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFreightSearch } from '../../api/freight-queries';
import type { FreightSearchParams, FreightSort } from '../../api/freight-types';
import { useMe } from '../../api/queries';
import { FormError, focusFirstInvalid } from '../../components/form-error';
import { useDocumentTitle } from '../../layout/use-document-title';
import { INCOTERMS } from '../../reference/trade';
import { CONTAINER_TYPES, dayFromToday, serverFieldErrors, useCargoText } from './freight-parts';
import { OfferCard } from './offer-card';

type CargoKind = 'containers' | 'loose';

type Draft = {
  origin: string;
  destination: string;
  cargoKind: CargoKind;
  containerType: string;
  containers: number | '';
  weightKg: number | '';
  volumeCbm: number | '';
  readyDate: string;
  hsCode: string;
  incoterm: string | null;
};

type Field = keyof Draft | '';
type Errors = Partial<Record<Field, string>>;

const CODE = /^[A-Z0-9]{3,5}$/;
const SORTS: FreightSort[] = ['price', 'transit', 'reliability'];

/** The search as the URL holds it, so a search can be shared, reloaded and gone back to. */
const paramsOf = (query: URLSearchParams): FreightSearchParams | null => {
  const origin = query.get('origin');
  const destination = query.get('destination');
  const readyDate = query.get('readyDate');
  if (!origin || !destination || !readyDate) return null;
  const num = (key: string) => (query.get(key) ? Number(query.get(key)) : undefined);
  const sort = query.get('sort');
  return {
    origin,
    destination,
    readyDate,
    containerType: query.get('containerType') ?? undefined,
    containers: num('containers'),
    weightKg: num('weightKg'),
    volumeCbm: num('volumeCbm'),
    hsCode: query.get('hsCode') ?? undefined,
    incoterm: query.get('incoterm') ?? undefined,
    sort: SORTS.includes(sort as FreightSort) ? (sort as FreightSort) : 'price',
  };
};

/** A new search starts from the lane the address suggests (an order's port), else Ningbo → Valencia. */
const draftOf = (params: FreightSearchParams | null, query: URLSearchParams): Draft => ({
  origin: params?.origin ?? query.get('origin') ?? 'CNNGB',
  destination: params?.destination ?? query.get('destination') ?? 'ESVLC',
  cargoKind: params?.weightKg !== undefined ? 'loose' : 'containers',
  containerType: params?.containerType ?? '40HQ',
  containers: params?.containers ?? 1,
  weightKg: params?.weightKg ?? '',
  volumeCbm: params?.volumeCbm ?? '',
  readyDate: params?.readyDate ?? dayFromToday(7),
  hsCode: params?.hsCode ?? '',
  incoterm: params?.incoterm ?? null,
});

const FIELD_OF: Record<string, Field> = {
  origin: 'origin',
  destination: 'destination',
  readyDate: 'readyDate',
  containerType: 'containerType',
  'cargo.containers.type': 'containerType',
  containers: 'containers',
  cargo: 'containers',
  weightKg: 'weightKg',
  volumeCbm: 'volumeCbm',
  hsCode: 'hsCode',
  incoterm: 'incoterm',
};

/** Freight search: offers on a lane for a cargo and ready date, open to anyone; booking needs a shipper's sign-in. */
export const FreightSearchScreen = () => {
  const { t } = useTranslation();
  const [query, setQuery] = useSearchParams();
  const params = useMemo(() => paramsOf(query), [query]);
  const search = useFreightSearch(params);
  const me = useMe();
  const cargoText = useCargoText();
  const [draft, setDraft] = useState<Draft>(() => draftOf(params, query));
  // Booking from an order's page: the booking carries that order, so its milestones move the order.
  const orderId = query.get('orderId');
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useDocumentTitle(t('freight.search.title'));

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined, '': undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    const origin = draft.origin.trim().toUpperCase();
    const destination = draft.destination.trim().toUpperCase();
    if (!CODE.test(origin)) next.origin = t('freight.search.errors.code');
    if (!CODE.test(destination)) next.destination = t('freight.search.errors.code');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.readyDate)) next.readyDate = t('forms.required');
    if (draft.cargoKind === 'containers') {
      if (draft.containers === '' || draft.containers < 1) next.containers = t('forms.wholeNumber');
    } else {
      if (draft.weightKg === '' || draft.weightKg <= 0) next.weightKg = t('freight.search.errors.weight');
      if (draft.volumeCbm === '' || draft.volumeCbm < 0) next.volumeCbm = t('freight.search.errors.volume');
    }
    const hs = draft.hsCode.replace(/[.\s]/g, '');
    if (hs && !/^\d{2,6}$/.test(hs)) next.hsCode = t('freight.search.errors.hsCode');
    setErrors(next);
    if (Object.values(next).some(Boolean)) {
      focusFirstInvalid(formRef.current);
      return;
    }
    const values: Record<string, string> = {
      origin,
      destination,
      readyDate: draft.readyDate,
      sort: params?.sort ?? 'price',
    };
    if (draft.cargoKind === 'containers') {
      values.containerType = draft.containerType;
      values.containers = String(draft.containers);
    } else {
      values.weightKg = String(draft.weightKg);
      values.volumeCbm = String(draft.volumeCbm);
    }
    if (hs) values.hsCode = hs;
    if (draft.incoterm) values.incoterm = draft.incoterm;
    if (orderId) values.orderId = orderId;
    setQuery(values);
  };

  const setSort = (sort: string) => {
    const next = new URLSearchParams(query);
    next.set('sort', sort);
    setQuery(next, { replace: true });
  };

  // The server's word on a field (an unknown port, a sea lane for containers by air) goes next to it.
  const serverErrors = search.isError ? serverFieldErrors(search.error, (key) => key in FIELD_OF) : {};
  const fieldError = (field: Field) =>
    errors[field] ??
    Object.entries(serverErrors).find(([key]) => key && FIELD_OF[key] === field)?.[1] ??
    undefined;
  const unplacedError = search.isError && Object.keys(serverErrors).every((key) => !key || !FIELD_OF[key]);

  const kind = me.data?.company?.kind;
  const canBook = kind === 'buyer' || kind === 'supplier';

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('freight.search.title')}
            </Title>
            <Text c="dimmed" fz="sm">
              {t('freight.search.subtitle')}
            </Text>
          </div>
          {canBook && (
            <Anchor component={Link} to="/freight/bookings" fz="sm" data-testid="my-bookings">
              {t('freight.search.myBookings')}
            </Anchor>
          )}
        </Group>
        {orderId && (
          <Alert
            color="lane"
            variant="light"
            title={t('freight.search.forOrder')}
            data-testid="freight-for-order"
          >
            <Anchor component={Link} to={`/orders/${orderId}`} ff="monospace" fz="sm">
              {orderId}
            </Anchor>
            <Text fz="sm">{t('freight.search.forOrderHint')}</Text>
          </Alert>
        )}
        <Card
          withBorder
          padding="lg"
          component="form"
          ref={formRef}
          onSubmit={submit}
          noValidate
          data-testid="freight-search-form"
        >
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <TextInput
                label={t('freight.search.origin')}
                description={t('freight.search.codeHint')}
                placeholder="CNSHA / PVG"
                value={draft.origin}
                onChange={(e) => set('origin', e.currentTarget.value.toUpperCase())}
                error={fieldError('origin')}
                maxLength={5}
                data-testid="search-origin"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <TextInput
                label={t('freight.search.destination')}
                description={t('freight.search.codeHint')}
                placeholder="USLAX / LAX"
                value={draft.destination}
                onChange={(e) => set('destination', e.currentTarget.value.toUpperCase())}
                error={fieldError('destination')}
                maxLength={5}
                data-testid="search-destination"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <TextInput
                type="date"
                label={t('freight.search.readyDate')}
                description={t('freight.search.readyDateHint')}
                value={draft.readyDate}
                onChange={(e) => set('readyDate', e.currentTarget.value)}
                error={fieldError('readyDate')}
                data-testid="search-ready-date"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <Stack gap={4}>
                <Text fz="sm" fw={500}>
                  {t('freight.search.cargo')}
                </Text>
                <SegmentedControl
                  fullWidth
                  value={draft.cargoKind}
                  onChange={(value) => set('cargoKind', value as CargoKind)}
                  data={[
                    { value: 'containers', label: t('freight.search.byContainer') },
                    { value: 'loose', label: t('freight.search.byWeight') },
                  ]}
                  data-testid="search-cargo-kind"
                />
              </Stack>
            </Grid.Col>
            {draft.cargoKind === 'containers' ? (
              <>
                <Grid.Col span={{ base: 6, md: 3 }}>
                  <Select
                    label={t('freight.search.containerType')}
                    data={CONTAINER_TYPES}
                    value={draft.containerType}
                    onChange={(value) => set('containerType', value ?? '40HQ')}
                    allowDeselect={false}
                    error={fieldError('containerType')}
                    data-testid="search-container-type"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, md: 3 }}>
                  <NumberInput
                    label={t('freight.search.containers')}
                    min={1}
                    max={500}
                    allowDecimal={false}
                    value={draft.containers}
                    onChange={(value) => set('containers', typeof value === 'number' ? value : '')}
                    error={fieldError('containers')}
                    data-testid="search-containers"
                  />
                </Grid.Col>
              </>
            ) : (
              <>
                <Grid.Col span={{ base: 6, md: 3 }}>
                  <NumberInput
                    label={t('freight.search.weightKg')}
                    min={0}
                    value={draft.weightKg}
                    onChange={(value) => set('weightKg', typeof value === 'number' ? value : '')}
                    error={fieldError('weightKg')}
                    data-testid="search-weight"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, md: 3 }}>
                  <NumberInput
                    label={t('freight.search.volumeCbm')}
                    min={0}
                    decimalScale={2}
                    value={draft.volumeCbm}
                    onChange={(value) => set('volumeCbm', typeof value === 'number' ? value : '')}
                    error={fieldError('volumeCbm')}
                    data-testid="search-volume"
                  />
                </Grid.Col>
              </>
            )}
            <Grid.Col span={{ base: 6, md: 3 }}>
              <TextInput
                label={t('freight.search.hsCode')}
                description={t('freight.search.optional')}
                placeholder="841370"
                value={draft.hsCode}
                onChange={(e) => set('hsCode', e.currentTarget.value)}
                error={fieldError('hsCode')}
                data-testid="search-hs-code"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, md: 3 }}>
              <Select
                label={t('freight.search.incoterm')}
                description={t('freight.search.optional')}
                data={INCOTERMS.map((code) => ({
                  value: code,
                  label: `${code} · ${t(`incoterms.${code}`)}`,
                }))}
                value={draft.incoterm}
                onChange={(value) => set('incoterm', value)}
                clearable
                error={fieldError('incoterm')}
                data-testid="search-incoterm"
              />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end" mt="md">
            <Button type="submit" loading={search.isFetching} data-testid="search-submit">
              {t('freight.search.submit')}
            </Button>
          </Group>
        </Card>

        {unplacedError && <FormError error={search.error} testId="search-error" />}
        {!params && (
          <Text c="dimmed" ta="center" py="lg">
            {t('freight.search.prompt')}
          </Text>
        )}
        {params && search.isPending && (
          <Stack aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={140} />
            ))}
          </Stack>
        )}
        {search.data && !search.isError && (
          <Stack gap="md" data-testid="freight-results">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text fz="sm" data-testid="results-summary">
                {t('freight.search.results', {
                  count: search.data.offers.length,
                  origin: `${search.data.origin.name} (${search.data.origin.code})`,
                  destination: `${search.data.destination.name} (${search.data.destination.code})`,
                  cargo: cargoText(search.data.cargo),
                })}
              </Text>
              <Group gap="xs">
                <Text fz="sm" c="dimmed">
                  {t('freight.search.sortBy')}
                </Text>
                <SegmentedControl
                  size="xs"
                  value={params?.sort ?? 'price'}
                  onChange={setSort}
                  data={SORTS.map((s) => ({ value: s, label: t(`freight.search.sort.${s}`) }))}
                  data-testid="search-sort"
                />
              </Group>
            </Group>
            {search.data.offers.length === 0 && (
              <Alert color="gray" data-testid="no-offers">
                {t('freight.search.noOffers')}
              </Alert>
            )}
            {search.data.offers.map((offer) => (
              <OfferCard
                key={offer.rateCardId}
                offer={offer}
                result={search.data}
                params={params!}
                orderId={orderId}
                canBook={canBook}
                signedOut={!me.isPending && !me.data}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Container>
  );
};
