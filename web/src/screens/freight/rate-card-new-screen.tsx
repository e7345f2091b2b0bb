import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Checkbox,
  Container,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePublishRateCard } from '../../api/freight-queries';
import type { FreightMode, RateCardInput, Surcharge } from '../../api/freight-types';
import { FormError, focusFirstInvalid } from '../../components/form-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { CurrencySelect } from '../../components/trade-selects';
import { toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { basisOf, CONTAINER_TYPES, dayFromToday, serverFieldErrors } from './freight-parts';

const MODES: FreightMode[] = ['sea_fcl', 'sea_lcl', 'air', 'express', 'charter'];
const CODE = /^[A-Z0-9]{3,5}$/;

type SurchargeDraft = { code: string; name: string; amount: string; per: 'unit' | 'shipment' };

type Draft = {
  origin: string;
  destination: string;
  mode: FreightMode;
  containerType: string;
  currency: string | null;
  basePrice: string;
  minimumCharge: string;
  surcharges: SurchargeDraft[];
  guaranteed: boolean;
  guaranteedPremium: string;
  rollover: boolean;
  perContainer: string;
  perDay: string;
  transitDays: number | '';
  validFrom: string;
  validTo: string;
  scheduleKind: 'weekdays' | 'dates';
  weekdays: string[];
  dates: string;
  capacityPerDeparture: number | '';
  carrier: string;
  service: string;
};

type Errors = Record<string, string | undefined>;

/** Server paths (`body.surcharges.0.amount`, `rolloverTerms.perDay`) → this form's fields. */
const fieldOf = (key: string): string | null => {
  if (/^surcharges\.\d+\.(code|name|amount|per)$/.test(key)) return key;
  if (key.startsWith('surcharges')) return 'surcharges';
  if (key.startsWith('rolloverTerms.perContainer')) return 'perContainer';
  if (key.startsWith('rolloverTerms.perDay') || key === 'rolloverTerms') return 'perDay';
  if (key.startsWith('schedule')) return 'schedule';
  const plain = [
    'origin',
    'destination',
    'mode',
    'containerType',
    'currency',
    'basePrice',
    'minimumCharge',
    'guaranteedPremium',
    'transitDays',
    'validFrom',
    'validTo',
    'capacityPerDeparture',
    'carrier',
    'service',
  ];
  return plain.includes(key) ? key : null;
};

export const RateCardNewScreen = () => <SignedInGate>{(me) => <RateCardForm me={me} />}</SignedInGate>;

const RateCardForm = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const publish = usePublishRateCard();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Draft>(() => ({
    origin: '',
    destination: '',
    mode: 'sea_fcl',
    containerType: '40HQ',
    currency: 'USD',
    basePrice: '',
    minimumCharge: '',
    surcharges: [{ code: 'BAF', name: 'Bunker adjustment factor', amount: '', per: 'unit' }],
    guaranteed: true,
    guaranteedPremium: '',
    rollover: true,
    perContainer: '',
    perDay: '',
    transitDays: '',
    validFrom: dayFromToday(0),
    validTo: dayFromToday(60),
    scheduleKind: 'weekdays',
    weekdays: ['3'],
    dates: '',
    capacityPerDeparture: '',
    carrier: '',
    service: '',
  }));
  useDocumentTitle(t('freight.cardForm.title'));

  if (me.company.kind !== 'forwarder') {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('freight.cardForm.title')}
        </Title>
        <Text mt="sm">{t('freight.desk.forwardersOnly')}</Text>
      </Container>
    );
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };
  const setSurcharge = (i: number, patch: Partial<SurchargeDraft>) => {
    setDraft((current) => ({
      ...current,
      surcharges: current.surcharges.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[`surcharges.${i}.${key}`];
      return next;
    });
  };

  const basis = basisOf(draft.mode);
  const weekdayNames = new Intl.DateTimeFormat(format.locale, { weekday: 'short' });

  const validate = (): { errors: Errors; input?: RateCardInput } => {
    const next: Errors = {};
    const currency = draft.currency ?? '';
    if (!currency) next.currency = t('forms.required');
    const amount = (key: string, typed: string, required: boolean) => {
      if (!typed.trim()) {
        if (required) next[key] = t('forms.required');
        return null;
      }
      const minor = currency ? toMinorUnits(typed, currency) : null;
      if (minor === null) next[key] = t('forms.amount');
      return minor;
    };
    const origin = draft.origin.trim().toUpperCase();
    const destination = draft.destination.trim().toUpperCase();
    if (!CODE.test(origin)) next.origin = t('freight.search.errors.code');
    if (!CODE.test(destination)) next.destination = t('freight.search.errors.code');
    const basePrice = amount('basePrice', draft.basePrice, true);
    const minimumCharge = amount('minimumCharge', draft.minimumCharge, false);
    const guaranteedPremium = draft.guaranteed
      ? amount('guaranteedPremium', draft.guaranteedPremium, true)
      : null;
    const perContainer =
      draft.guaranteed && draft.rollover ? amount('perContainer', draft.perContainer, true) : null;
    const perDay = draft.guaranteed && draft.rollover ? amount('perDay', draft.perDay, true) : null;
    const surcharges: Surcharge[] = [];
    draft.surcharges.forEach((s, i) => {
      const code = s.code.trim().toUpperCase();
      if (!/^[A-Z0-9_]{2,12}$/.test(code))
        next[`surcharges.${i}.code`] = t('freight.cardForm.errors.surchargeCode');
      if (!s.name.trim()) next[`surcharges.${i}.name`] = t('forms.required');
      const minor = amount(`surcharges.${i}.amount`, s.amount, true);
      if (minor !== null) surcharges.push({ code, name: s.name.trim(), amount: minor, per: s.per });
    });
    if (draft.transitDays === '' || draft.transitDays < 1) next.transitDays = t('forms.wholeNumber');
    if (draft.capacityPerDeparture === '' || draft.capacityPerDeparture < 1)
      next.capacityPerDeparture = t('forms.wholeNumber');
    if (!draft.validFrom) next.validFrom = t('forms.required');
    if (!draft.validTo) next.validTo = t('forms.required');
    else if (draft.validFrom && draft.validTo < draft.validFrom)
      next.validTo = t('freight.cardForm.errors.validTo');
    const dates = draft.dates
      .split(/[\s,;]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    if (draft.scheduleKind === 'weekdays' && draft.weekdays.length === 0)
      next.schedule = t('freight.cardForm.errors.weekdays');
    if (
      draft.scheduleKind === 'dates' &&
      (dates.length === 0 || dates.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d)))
    )
      next.schedule = t('freight.cardForm.errors.dates');
    if (!draft.carrier.trim()) next.carrier = t('forms.required');
    if (Object.values(next).some(Boolean) || basePrice === null) return { errors: next };
    return {
      errors: next,
      input: {
        origin,
        destination,
        mode: draft.mode,
        containerType: draft.mode === 'sea_fcl' ? draft.containerType : null,
        currency,
        basePrice,
        minimumCharge: minimumCharge ?? '0',
        surcharges,
        guaranteedPremium,
        rolloverTerms: perContainer !== null && perDay !== null ? { perContainer, perDay } : null,
        transitDays: draft.transitDays as number,
        validFrom: draft.validFrom,
        validTo: draft.validTo,
        schedule:
          draft.scheduleKind === 'weekdays' ? { weekdays: draft.weekdays.map(Number).sort() } : { dates },
        capacityPerDeparture: draft.capacityPerDeparture as number,
        carrier: draft.carrier.trim(),
        service: draft.service.trim(),
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
    publish.mutate(input, {
      onSuccess: (detail) => navigate(`/forwarder/rate-cards/${detail.card.id}`),
      onError: (error) => {
        const byField = serverFieldErrors(error, (key) => fieldOf(key) !== null);
        const mapped: Errors = {};
        for (const [key, message] of Object.entries(byField)) {
          const field = key ? fieldOf(key) : null;
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

  const unitLabel = t(`freight.basis.${basis}`);

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to="/forwarder/rate-cards" fz="sm">
            {t('freight.cards.back')}
          </Anchor>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} mt={4}>
            {t('freight.cardForm.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('freight.cardForm.subtitle')}
          </Text>
        </div>
        <form ref={formRef} onSubmit={submit} noValidate data-testid="rate-card-form">
          <Stack gap="lg">
            <Card withBorder padding="lg">
              <Title order={2} fz="h4" mb="sm">
                {t('freight.cardForm.lane')}
              </Title>
              <Grid gutter="md">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Text fz="sm" fw={500} mb={4}>
                    {t('freight.cards.mode')}
                  </Text>
                  <SegmentedControl
                    fullWidth
                    value={draft.mode}
                    onChange={(value) => set('mode', value as FreightMode)}
                    data={MODES.map((m) => ({ value: m, label: t(`freight.mode.${m}`) }))}
                    data-testid="card-mode"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  {draft.mode === 'sea_fcl' && (
                    <Select
                      label={t('freight.search.containerType')}
                      data={CONTAINER_TYPES}
                      value={draft.containerType}
                      onChange={(value) => set('containerType', value ?? '40HQ')}
                      allowDeselect={false}
                      error={errors.containerType}
                    />
                  )}
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput
                    label={t('freight.search.origin')}
                    description={
                      draft.mode.startsWith('sea')
                        ? t('freight.cardForm.portHint')
                        : t('freight.cardForm.airportHint')
                    }
                    value={draft.origin}
                    onChange={(e) => set('origin', e.currentTarget.value.toUpperCase())}
                    error={errors.origin}
                    maxLength={5}
                    data-testid="card-origin"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput
                    label={t('freight.search.destination')}
                    description={
                      draft.mode.startsWith('sea')
                        ? t('freight.cardForm.portHint')
                        : t('freight.cardForm.airportHint')
                    }
                    value={draft.destination}
                    onChange={(e) => set('destination', e.currentTarget.value.toUpperCase())}
                    error={errors.destination}
                    maxLength={5}
                    data-testid="card-destination"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput
                    label={t('freight.booking.carrier')}
                    value={draft.carrier}
                    onChange={(e) => set('carrier', e.currentTarget.value)}
                    error={errors.carrier}
                    maxLength={80}
                    data-testid="card-carrier"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput
                    label={t('freight.cardForm.service')}
                    description={t('freight.search.optional')}
                    value={draft.service}
                    onChange={(e) => set('service', e.currentTarget.value)}
                    error={errors.service}
                    maxLength={40}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <NumberInput
                    label={t('freight.offer.transit')}
                    suffix={` ${t('freight.cardForm.daysSuffix')}`}
                    min={1}
                    max={120}
                    allowDecimal={false}
                    value={draft.transitDays}
                    onChange={(v) => set('transitDays', typeof v === 'number' ? v : '')}
                    error={errors.transitDays}
                    data-testid="card-transit"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <NumberInput
                    label={t('freight.cards.capacity')}
                    description={t('freight.cardForm.capacityHint', { unit: unitLabel })}
                    min={1}
                    allowDecimal={false}
                    thousandSeparator
                    value={draft.capacityPerDeparture}
                    onChange={(v) => set('capacityPerDeparture', typeof v === 'number' ? v : '')}
                    error={errors.capacityPerDeparture}
                    data-testid="card-capacity"
                  />
                </Grid.Col>
              </Grid>
            </Card>

            <Card withBorder padding="lg">
              <Title order={2} fz="h4" mb="sm">
                {t('freight.cardForm.pricing')}
              </Title>
              <Grid gutter="md">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <CurrencySelect
                    label={t('freight.cardForm.currency')}
                    value={draft.currency}
                    onChange={(v) => set('currency', v)}
                    error={errors.currency}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <TextInput
                    label={t('freight.cardForm.basePrice', { unit: unitLabel })}
                    inputMode="decimal"
                    placeholder="2450.00"
                    value={draft.basePrice}
                    onChange={(e) => set('basePrice', e.currentTarget.value)}
                    error={errors.basePrice}
                    data-testid="card-base-price"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <TextInput
                    label={t('freight.cards.minimumCharge')}
                    description={t('freight.search.optional')}
                    inputMode="decimal"
                    value={draft.minimumCharge}
                    onChange={(e) => set('minimumCharge', e.currentTarget.value)}
                    error={errors.minimumCharge}
                  />
                </Grid.Col>
              </Grid>
              <Text fz="sm" fw={600} mt="md">
                {t('freight.cards.surcharges')}
              </Text>
              {errors.surcharges && (
                <Text c="red.8" fz="sm">
                  {errors.surcharges}
                </Text>
              )}
              <Stack gap="xs" mt="xs" data-testid="card-surcharges">
                {draft.surcharges.map((s, i) => (
                  <Group
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and removed by position
                    key={i}
                    gap="xs"
                    align="flex-start"
                    wrap="wrap"
                    data-testid="surcharge-row"
                  >
                    <TextInput
                      w={90}
                      aria-label={t('freight.cardForm.surchargeCode')}
                      placeholder="BAF"
                      value={s.code}
                      onChange={(e) => setSurcharge(i, { code: e.currentTarget.value.toUpperCase() })}
                      error={errors[`surcharges.${i}.code`]}
                      maxLength={12}
                    />
                    <TextInput
                      style={{ flex: 1, minWidth: 160 }}
                      aria-label={t('freight.cardForm.surchargeName')}
                      placeholder={t('freight.cardForm.surchargeName')}
                      value={s.name}
                      onChange={(e) => setSurcharge(i, { name: e.currentTarget.value })}
                      error={errors[`surcharges.${i}.name`]}
                      maxLength={80}
                    />
                    <TextInput
                      w={120}
                      aria-label={t('freight.cardForm.surchargeAmount')}
                      placeholder="0.00"
                      inputMode="decimal"
                      value={s.amount}
                      onChange={(e) => setSurcharge(i, { amount: e.currentTarget.value })}
                      error={errors[`surcharges.${i}.amount`]}
                    />
                    <Select
                      w={160}
                      aria-label={t('freight.cardForm.surchargePer')}
                      data={[
                        { value: 'unit', label: t('freight.cardForm.perUnit', { unit: unitLabel }) },
                        { value: 'shipment', label: t('freight.cards.per.shipment') },
                      ]}
                      value={s.per}
                      allowDeselect={false}
                      onChange={(v) => setSurcharge(i, { per: (v ?? 'unit') as 'unit' | 'shipment' })}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t('freight.cardForm.removeSurcharge')}
                      onClick={() =>
                        set(
                          'surcharges',
                          draft.surcharges.filter((_, j) => j !== i),
                        )
                      }
                    >
                      ×
                    </ActionIcon>
                  </Group>
                ))}
                <Button
                  variant="subtle"
                  size="xs"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() =>
                    set('surcharges', [...draft.surcharges, { code: '', name: '', amount: '', per: 'unit' }])
                  }
                  disabled={draft.surcharges.length >= 30}
                  data-testid="add-surcharge"
                >
                  {t('freight.cardForm.addSurcharge')}
                </Button>
              </Stack>
              <Stack gap="sm" mt="md">
                <Switch
                  label={t('freight.cardForm.offerGuaranteed')}
                  checked={draft.guaranteed}
                  onChange={(e) => set('guaranteed', e.currentTarget.checked)}
                />
                {draft.guaranteed && (
                  <Grid gutter="md">
                    <Grid.Col span={{ base: 12, sm: 4 }}>
                      <TextInput
                        label={t('freight.cardForm.guaranteedPremium', { unit: unitLabel })}
                        inputMode="decimal"
                        value={draft.guaranteedPremium}
                        onChange={(e) => set('guaranteedPremium', e.currentTarget.value)}
                        error={errors.guaranteedPremium}
                        data-testid="card-premium"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 8 }}>
                      <Switch
                        mt={{ base: 0, sm: 28 }}
                        label={t('freight.cardForm.rollover')}
                        checked={draft.rollover}
                        onChange={(e) => set('rollover', e.currentTarget.checked)}
                      />
                    </Grid.Col>
                    {draft.rollover && (
                      <>
                        <Grid.Col span={{ base: 6, sm: 4 }}>
                          <TextInput
                            label={t('freight.cardForm.perContainer')}
                            inputMode="decimal"
                            value={draft.perContainer}
                            onChange={(e) => set('perContainer', e.currentTarget.value)}
                            error={errors.perContainer}
                          />
                        </Grid.Col>
                        <Grid.Col span={{ base: 6, sm: 4 }}>
                          <TextInput
                            label={t('freight.cardForm.perDay')}
                            inputMode="decimal"
                            value={draft.perDay}
                            onChange={(e) => set('perDay', e.currentTarget.value)}
                            error={errors.perDay}
                          />
                        </Grid.Col>
                      </>
                    )}
                  </Grid>
                )}
              </Stack>
            </Card>

            <Card withBorder padding="lg">
              <Title order={2} fz="h4" mb="sm">
                {t('freight.cardForm.validityAndSchedule')}
              </Title>
              <Grid gutter="md">
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput
                    type="date"
                    label={t('freight.cardForm.validFrom')}
                    value={draft.validFrom}
                    onChange={(e) => set('validFrom', e.currentTarget.value)}
                    error={errors.validFrom}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput
                    type="date"
                    label={t('freight.cardForm.validTo')}
                    value={draft.validTo}
                    onChange={(e) => set('validTo', e.currentTarget.value)}
                    error={errors.validTo}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Text fz="sm" fw={500} mb={4}>
                    {t('freight.cards.schedule')}
                  </Text>
                  <SegmentedControl
                    value={draft.scheduleKind}
                    onChange={(v) => set('scheduleKind', v as 'weekdays' | 'dates')}
                    data={[
                      { value: 'weekdays', label: t('freight.cardForm.weekly') },
                      { value: 'dates', label: t('freight.cardForm.onDates') },
                    ]}
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  {draft.scheduleKind === 'weekdays' ? (
                    <Checkbox.Group
                      label={t('freight.cardForm.weekdays')}
                      value={draft.weekdays}
                      onChange={(v) => {
                        set('weekdays', v);
                        setErrors((c) => ({ ...c, schedule: undefined }));
                      }}
                      error={errors.schedule}
                    >
                      <Group gap="md" mt="xs">
                        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                          <Checkbox
                            key={d}
                            value={String(d)}
                            label={weekdayNames.format(new Date(Date.UTC(2026, 0, 4 + d, 12)))}
                          />
                        ))}
                      </Group>
                    </Checkbox.Group>
                  ) : (
                    <Textarea
                      label={t('freight.cardForm.dates')}
                      description={t('freight.cardForm.datesHint')}
                      placeholder="2026-12-03, 2026-12-10"
                      value={draft.dates}
                      onChange={(e) => {
                        set('dates', e.currentTarget.value);
                        setErrors((c) => ({ ...c, schedule: undefined }));
                      }}
                      error={errors.schedule}
                      autosize
                      minRows={2}
                    />
                  )}
                </Grid.Col>
              </Grid>
            </Card>
            <FormError error={formError} testId="rate-card-error" />
            {Object.values(errors).some(Boolean) && (
              <Text c="red.8" fz="sm" role="alert">
                {t('errors.validation')}
              </Text>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={publish.isPending} data-testid="publish-rate-card">
                {t('freight.cardForm.publish')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
};
