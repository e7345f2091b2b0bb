import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  Grid,
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { issuesByField, validationIssues } from '../../api/field-errors';
import { useCreateRfq } from '../../api/queries';
import type { CreateRfqInput, RfqVisibility, SearchLang, TransportMode } from '../../api/types';
import { AttachmentPicker, useAttachments } from '../../components/attachment-picker';
import { FormError, focusFirstInvalid } from '../../components/form-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import {
  CategorySelect,
  CountrySelect,
  CurrencySelect,
  IncotermSelect,
  UnitSelect,
} from '../../components/trade-selects';
import { toMinorUnits } from '../../format/money';
import { useLocale } from '../../i18n/use-locale';
import { useDocumentTitle } from '../../layout/use-document-title';
import {
  ANY_MODE_EQUIVALENT,
  incotermAllowed,
  LOCODE,
  normalizeLocode,
  TRANSPORT_MODES,
} from '../../reference/trade';

type Draft = {
  title: string;
  description: string;
  language: SearchLang;
  categoryCode: string | null;
  quantity: number | '';
  unit: string | null;
  targetPrice: string;
  currency: string | null;
  destinationCountry: string | null;
  destinationPort: string;
  transportMode: TransportMode;
  incoterm: string | null;
  deadline: string;
  visibility: RfqVisibility;
};

type Field = keyof Draft | 'targetUnitPrice';
type Errors = Partial<Record<Field | '', string>>;

const FIELDS: readonly string[] = [
  'title',
  'description',
  'language',
  'categoryCode',
  'quantity',
  'unit',
  'targetUnitPrice',
  'currency',
  'destinationCountry',
  'destinationPort',
  'transportMode',
  'incoterm',
  'deadline',
  'visibility',
];

const DAY_MS = 24 * 60 * 60 * 1000;
/** The server takes deadlines from an hour to 180 days ahead. */
const MAX_DEADLINE_DAYS = 180;

const ymd = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Quotes are taken until the end of the chosen day, in the buyer's own time zone. */
const deadlineOf = (day: string) => new Date(`${day}T23:59:00`);

// Buyers in Spain mostly pay in euros; everyone else most often in US dollars.
const defaultCurrency = (country: string) =>
  ['ES', 'FR', 'DE', 'IT', 'PT', 'NL', 'BE', 'AT', 'IE', 'FI', 'GR'].includes(country) ? 'EUR' : 'USD';

export const RfqNewScreen = () => <SignedInGate>{(me) => <RfqNewForm me={me} />}</SignedInGate>;

const RfqNewForm = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { apiLang } = useLocale();
  const create = useCreateRfq();
  const attachments = useAttachments();
  useDocumentTitle(t('rfqNew.title'));

  const [draft, setDraft] = useState<Draft>(() => ({
    title: '',
    description: '',
    language: apiLang,
    categoryCode: null,
    quantity: '',
    unit: 'piece',
    targetPrice: '',
    currency: defaultCurrency(me.company.country),
    destinationCountry: me.company.country,
    destinationPort: '',
    transportMode: 'sea',
    incoterm: 'FOB',
    deadline: ymd(new Date(Date.now() + 14 * DAY_MS)),
    visibility: 'invited',
  }));
  const [errors, setErrors] = useState<Errors>({});
  const [switchedIncoterm, setSwitchedIncoterm] = useState<{ from: string; to: string } | null>(null);
  const [intent, setIntent] = useState<'draft' | 'publish'>('publish');
  const [formError, setFormError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);

  if (me.company.kind !== 'buyer') {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('rfqNew.title')}
        </Title>
        <Text mt="sm">{t('rfqNew.buyersOnly')}</Text>
      </Container>
    );
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({
      ...current,
      [key]: undefined,
      ...(key === 'targetPrice' ? { targetUnitPrice: undefined } : {}),
    }));
  };

  const setMode = (mode: TransportMode) => {
    setDraft((current) => {
      // A sea-only rule can't travel by air or road: move to its any-mode counterpart and say so.
      if (current.incoterm && !incotermAllowed(current.incoterm, mode)) {
        const to = ANY_MODE_EQUIVALENT[current.incoterm] ?? 'FCA';
        setSwitchedIncoterm({ from: current.incoterm, to });
        return { ...current, transportMode: mode, incoterm: to };
      }
      setSwitchedIncoterm(null);
      return { ...current, transportMode: mode };
    });
    setErrors((current) => ({ ...current, transportMode: undefined, incoterm: undefined }));
  };

  const today = new Date();
  const minDay = ymd(today);
  const maxDay = ymd(new Date(today.getTime() + (MAX_DEADLINE_DAYS - 1) * DAY_MS));

  const validate = (): { errors: Errors; input?: CreateRfqInput } => {
    const next: Errors = {};
    const title = draft.title.trim();
    if (title.length < 3) next.title = t('rfqNew.errors.title');
    else if (title.length > 200) next.title = t('forms.tooLong', { max: 200 });
    if (draft.description.length > 5000) next.description = t('forms.tooLong', { max: 5000 });
    if (!draft.categoryCode) next.categoryCode = t('rfqNew.errors.category');
    if (draft.quantity === '' || !Number.isInteger(draft.quantity) || draft.quantity < 1)
      next.quantity = t('forms.wholeNumber');
    if (!draft.unit) next.unit = t('forms.required');
    if (!draft.currency) next.currency = t('forms.required');
    let targetUnitPrice: string | null = null;
    if (draft.targetPrice.trim() && draft.currency) {
      targetUnitPrice = toMinorUnits(draft.targetPrice, draft.currency);
      if (targetUnitPrice === null) next.targetUnitPrice = t('forms.amount');
      else if (BigInt(targetUnitPrice) === 0n) next.targetUnitPrice = t('forms.positive');
    }
    if (!draft.destinationCountry) next.destinationCountry = t('forms.required');
    const port = normalizeLocode(draft.destinationPort);
    if (port && !LOCODE.test(port)) next.destinationPort = t('rfqNew.errors.port');
    else if (port && draft.destinationCountry && port.slice(0, 2) !== draft.destinationCountry)
      next.destinationPort = t('rfqNew.errors.portCountry', { country: draft.destinationCountry });
    if (!draft.incoterm) next.incoterm = t('forms.required');
    else if (!incotermAllowed(draft.incoterm, draft.transportMode))
      next.incoterm = t('rfqNew.errors.seaOnly', { incoterm: draft.incoterm });
    const deadline = /^\d{4}-\d{2}-\d{2}$/.test(draft.deadline) ? deadlineOf(draft.deadline) : null;
    if (!deadline || Number.isNaN(deadline.getTime())) next.deadline = t('rfqNew.errors.deadline');
    else if (deadline.getTime() < Date.now() + 60 * 60 * 1000)
      next.deadline = t('rfqNew.errors.deadlineSoon');
    else if (deadline.getTime() > Date.now() + MAX_DEADLINE_DAYS * DAY_MS)
      next.deadline = t('rfqNew.errors.deadlineFar', { days: MAX_DEADLINE_DAYS });
    if (Object.values(next).some(Boolean) || !deadline) return { errors: next };
    return {
      errors: next,
      input: {
        title,
        description: draft.description.trim(),
        language: draft.language,
        categoryCode: draft.categoryCode!,
        quantity: draft.quantity as number,
        unit: draft.unit!,
        targetUnitPrice,
        currency: draft.currency!,
        destinationCountry: draft.destinationCountry!,
        destinationPort: port || null,
        transportMode: draft.transportMode,
        incoterm: draft.incoterm!,
        deadline: deadline.toISOString(),
        visibility: draft.visibility,
        attachmentIds: attachments.ids,
      },
    };
  };

  const submit = (publish: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    setIntent(publish ? 'publish' : 'draft');
    const { errors: found, input } = validate();
    setErrors(found);
    setFormError(null);
    if (!input) {
      focusFirstInvalid(formRef.current);
      return;
    }
    if (!attachments.ready()) return;
    create.mutate(
      { input, publish },
      {
        onSuccess: ({ rfq, publishError }) =>
          navigate(`/rfqs/${rfq.id}`, { state: publishError ? { publishFailed: true } : undefined }),
        onError: (error) => {
          if (validationIssues(error).length === 0) {
            setFormError(error);
            return;
          }
          const byField = issuesByField(error, (key) => FIELDS.includes(key));
          const mapped: Errors = {};
          for (const [key, message] of Object.entries(byField)) {
            mapped[key as Field | ''] = t('forms.serverIssue', { message });
          }
          setErrors(mapped);
          focusFirstInvalid(formRef.current);
        },
      },
    );
  };

  const e = errors;
  return (
    <Container size="md" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to="/rfqs" fz="sm">
            {t('rfqNew.back')}
          </Anchor>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} mt={4}>
            {t('rfqNew.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('rfqNew.subtitle')}
          </Text>
        </div>
        <form
          ref={formRef}
          onSubmit={submit(true)}
          noValidate
          aria-label={t('rfqNew.title')}
          data-testid="rfq-form"
        >
          <Stack gap="lg">
            <FormError error={formError} />
            {e[''] && (
              <Alert color="red" role="alert">
                {e['']}
              </Alert>
            )}
            <Card withBorder padding="lg" component="section" aria-labelledby="rfq-what">
              <Title order={2} fz="h4" id="rfq-what" mb="sm">
                {t('rfqNew.sections.what')}
              </Title>
              <Stack gap="md">
                <TextInput
                  label={t('rfqNew.fields.title')}
                  description={t('rfqNew.fields.titleHint')}
                  required
                  value={draft.title}
                  onChange={(event) => set('title', event.currentTarget.value)}
                  error={e.title}
                  maxLength={200}
                  data-testid="rfq-title"
                />
                <Textarea
                  label={t('rfqNew.fields.description')}
                  description={t('rfqNew.fields.descriptionHint')}
                  autosize
                  minRows={3}
                  maxRows={10}
                  value={draft.description}
                  onChange={(event) => set('description', event.currentTarget.value)}
                  error={e.description}
                  data-testid="rfq-description"
                />
                <AttachmentPicker attachments={attachments} disabled={create.isPending} />
                <Grid gutter="md">
                  <Grid.Col span={{ base: 12, sm: 8 }}>
                    <CategorySelect
                      label={t('rfqNew.fields.category')}
                      placeholder={t('rfqNew.fields.categoryPlaceholder')}
                      required
                      value={draft.categoryCode}
                      onChange={(value) => set('categoryCode', value)}
                      error={e.categoryCode}
                      data-testid="rfq-category"
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <Select
                      label={t('rfqNew.fields.language')}
                      data={(['en', 'zh', 'es'] as const).map((code) => ({
                        value: code,
                        label: t(`languageName.${code}`),
                      }))}
                      value={draft.language}
                      onChange={(value) => value && set('language', value as SearchLang)}
                      allowDeselect={false}
                      error={e.language}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 6, sm: 3 }}>
                    <NumberInput
                      label={t('rfqNew.fields.quantity')}
                      required
                      min={1}
                      max={1_000_000_000}
                      allowDecimal={false}
                      allowNegative={false}
                      thousandSeparator={false}
                      value={draft.quantity}
                      onChange={(value) =>
                        set('quantity', typeof value === 'number' ? value : value === '' ? '' : Number(value))
                      }
                      error={e.quantity}
                      data-testid="rfq-quantity"
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 6, sm: 3 }}>
                    <UnitSelect
                      label={t('rfqNew.fields.unit')}
                      required
                      allowDeselect={false}
                      value={draft.unit}
                      onChange={(value) => set('unit', value)}
                      error={e.unit}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 6, sm: 3 }}>
                    <TextInput
                      label={t('rfqNew.fields.targetPrice')}
                      placeholder={t('rfqNew.fields.optional')}
                      inputMode="decimal"
                      value={draft.targetPrice}
                      onChange={(event) => set('targetPrice', event.currentTarget.value)}
                      error={e.targetUnitPrice}
                      data-testid="rfq-target-price"
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 6, sm: 3 }}>
                    <CurrencySelect
                      label={t('rfqNew.fields.currency')}
                      required
                      allowDeselect={false}
                      value={draft.currency}
                      onChange={(value) => set('currency', value)}
                      error={e.currency}
                    />
                  </Grid.Col>
                  <Grid.Col span={12} pt={0}>
                    <Text fz="xs" c="dimmed">
                      {t('rfqNew.fields.currencyHint')}
                    </Text>
                  </Grid.Col>
                </Grid>
              </Stack>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="rfq-delivery">
              <Title order={2} fz="h4" id="rfq-delivery" mb="sm">
                {t('rfqNew.sections.delivery')}
              </Title>
              <Grid gutter="md">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <CountrySelect
                    label={t('rfqNew.fields.country')}
                    required
                    allowDeselect={false}
                    value={draft.destinationCountry}
                    onChange={(value) => set('destinationCountry', value)}
                    error={e.destinationCountry}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('rfqNew.fields.port')}
                    description={t('rfqNew.fields.portHint')}
                    placeholder={draft.destinationCountry === 'ES' ? 'ESVLC' : 'CNSHA'}
                    value={draft.destinationPort}
                    onChange={(event) => set('destinationPort', event.currentTarget.value.toUpperCase())}
                    error={e.destinationPort}
                    maxLength={6}
                    autoComplete="off"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Select
                    label={t('rfqNew.fields.mode')}
                    required
                    allowDeselect={false}
                    data={TRANSPORT_MODES.map((mode) => ({ value: mode, label: t(`transportMode.${mode}`) }))}
                    value={draft.transportMode}
                    onChange={(value) => value && setMode(value as TransportMode)}
                    error={e.transportMode}
                    data-testid="rfq-mode"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <IncotermSelect
                    mode={draft.transportMode}
                    label={t('rfqNew.fields.incoterm')}
                    description={
                      switchedIncoterm
                        ? t('rfqNew.incotermSwitched', switchedIncoterm)
                        : draft.transportMode === 'sea'
                          ? undefined
                          : t('rfqNew.seaOnlyHint')
                    }
                    required
                    allowDeselect={false}
                    value={draft.incoterm}
                    onChange={(value) => {
                      setSwitchedIncoterm(null);
                      set('incoterm', value);
                    }}
                    error={e.incoterm}
                    data-testid="rfq-incoterm"
                  />
                </Grid.Col>
              </Grid>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="rfq-quotes">
              <Title order={2} fz="h4" id="rfq-quotes" mb="sm">
                {t('rfqNew.sections.quotes')}
              </Title>
              <Stack gap="md">
                <TextInput
                  type="date"
                  label={t('rfqNew.fields.deadline')}
                  description={t('rfqNew.fields.deadlineHint')}
                  required
                  min={minDay}
                  max={maxDay}
                  value={draft.deadline}
                  onChange={(event) => set('deadline', event.currentTarget.value)}
                  error={e.deadline}
                  maw={260}
                  data-testid="rfq-deadline"
                />
                <Radio.Group
                  label={t('rfqNew.fields.visibility')}
                  value={draft.visibility}
                  onChange={(value) => set('visibility', value as RfqVisibility)}
                  error={e.visibility}
                >
                  <Stack gap="xs" mt="xs">
                    <Radio
                      value="invited"
                      label={t('rfqNew.visibility.invited')}
                      description={t('rfqNew.visibility.invitedHint')}
                    />
                    <Radio
                      value="public"
                      label={t('rfqNew.visibility.public')}
                      description={t('rfqNew.visibility.publicHint')}
                    />
                  </Stack>
                </Radio.Group>
              </Stack>
            </Card>

            <Group justify="flex-end" gap="sm">
              <Button
                variant="default"
                onClick={() => submit(false)()}
                loading={create.isPending && intent === 'draft'}
                disabled={create.isPending && intent !== 'draft'}
              >
                {t('rfqNew.saveDraft')}
              </Button>
              <Button
                type="submit"
                loading={create.isPending && intent === 'publish'}
                disabled={create.isPending && intent !== 'publish'}
                data-testid="publish-rfq"
              >
                {t('rfqNew.publish')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
};
