import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  Grid,
  Group,
  List,
  Radio,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCreateDeclaration, useDeclaration, useDeclarations } from '../../api/declaration-queries';
import {
  type DeclarantRole,
  type DeclarationInput,
  EXPORT_TRANSPORT_MODES,
  type ExportTransportMode,
} from '../../api/declaration-types';
import { useOrder } from '../../api/order-queries';
import type { Order, TransportMode } from '../../api/types';
import { FormError, focusFirstInvalid } from '../../components/form-error';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { CountrySelect, CurrencySelect, IncotermSelect } from '../../components/trade-selects';
import { toMajorInput, toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { ANY_MODE_EQUIVALENT, incotermAllowed } from '../../reference/trade';
import {
  DeclarationLinesEditor,
  LINE_FIELDS,
  type LineDraft,
  lineProblems,
  MAX_LINES,
  newLine,
} from './declaration-lines-editor';
import { MONO_INPUT, type ServerProblems, serverProblems, statutoryUnitOf } from './declaration-parts';

const PORT = /^[A-Z0-9]{3,5}$/;
/** Where sea and air exports most often leave from: Ningbo and Shanghai Pudong. */
const DEFAULT_PORT: Partial<Record<ExportTransportMode, string>> = {
  sea: 'CNNGB',
  air: 'PVG',
  express: 'PVG',
};

// GB 32100-2015: 17 characters and a check character, weighted by powers of 3 modulo 31.
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const isUscc = (code: string) => {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + USCC_CHARSET.indexOf(code[i]!) * w, 0);
  return USCC_CHARSET[(31 - (sum % 31)) % 31] === code[17];
};

/** The Incoterm picker knows the RFQ modes: express travels by air. */
const incotermMode = (mode: ExportTransportMode): TransportMode => (mode === 'express' ? 'air' : mode);

type Draft = {
  declarantRole: DeclarantRole;
  localName: string;
  exporterAddress: string;
  taxId: string;
  consigneeName: string;
  consigneeAddress: string;
  consigneeCountry: string | null;
  consigneeTaxId: string;
  incoterm: string | null;
  currency: string | null;
  transportMode: ExportTransportMode;
  portOfLoading: string;
  destinationCountry: string | null;
  lines: LineDraft[];
};

type Errors = Record<string, string | undefined>;

const TOP_FIELDS = [
  'exporter.localName',
  'exporter.address',
  'exporter.taxId',
  'consignee.name',
  'consignee.address',
  'consignee.country',
  'consignee.taxId',
  'incoterm',
  'currency',
  'transportMode',
  'portOfLoading',
  'destinationCountry',
];

/** A server field the form shows an input for; anything else goes in the summary only. */
const formField = (key: string, lineCount: number): string | null => {
  if (TOP_FIELDS.includes(key)) return key;
  if (key === 'consignee') return 'consignee.name';
  const line = /^lines\.(\d+)\.(\w+)$/.exec(key);
  if (line && Number(line[1]) < lineCount && (LINE_FIELDS as string[]).includes(line[2]!)) return key;
  if (key.startsWith('lines')) return 'lines';
  return null;
};

export const DeclarationNewScreen = () => (
  <SignedInGate>{(me) => <DeclarationNewLoader me={me} />}</SignedInGate>
);

const DeclarationNewLoader = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const orderId = params.get('orderId') ?? undefined;
  const supplier = me.company.kind === 'supplier';
  const order = useOrder(supplier ? orderId : undefined);
  useDocumentTitle(t('declarations.form.title'));
  if (!supplier) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('declarations.form.title')}
        </Title>
        <Text mt="sm">{t('declarations.suppliersOnly')}</Text>
      </Container>
    );
  }
  if (orderId) {
    if (order.isError && isNotFound(order.error)) return <NotFound />;
    if (order.isError)
      return (
        <Container size="lg" py="lg">
          <QueryError error={order.error} onRetry={() => order.refetch()} />
        </Container>
      );
    if (!order.data)
      return (
        <Container size="lg" py="lg" aria-busy="true">
          <Skeleton height={32} width="50%" />
          <Skeleton height={320} mt="lg" />
        </Container>
      );
  }
  return <DeclarationForm me={me} order={order.data} />;
};

/** The order's goods as the first draft of the lines: the user adds HS codes, weights and packages. */
const linesFromOrder = (order: Order | undefined, province: string | null): LineDraft[] =>
  order && order.lines.length > 0
    ? order.lines.slice(0, MAX_LINES).map((l) =>
        newLine({
          description: l.description.slice(0, 250),
          quantity: l.quantity,
          unit: statutoryUnitOf(l.unit),
          unitPrice: toMajorInput(l.unitPrice),
          originProvince: province,
        }),
      )
    : [newLine({ originProvince: province })];

const DeclarationForm = ({ me, order }: { me: Member; order: Order | undefined }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const create = useCreateDeclaration();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [problems, setProblems] = useState<ServerProblems | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Draft>(() => ({
    declarantRole: 'platform',
    localName: '',
    exporterAddress: '',
    taxId: '',
    consigneeName: '',
    consigneeAddress: '',
    consigneeCountry: null,
    consigneeTaxId: '',
    // For an order the server takes these from it when they are left out.
    incoterm: order ? null : 'FOB',
    currency: order ? null : 'USD',
    transportMode: 'sea',
    portOfLoading: 'CNNGB',
    destinationCountry: null,
    lines: linesFromOrder(order, me.company.province),
  }));

  // The exporter's registered details rarely change: start from its last declaration's.
  const mine = useDeclarations();
  const last = useDeclaration(mine.data?.[0]?.id, { poll: false });
  const [prefilled, setPrefilled] = useState(false);
  if (!prefilled && last.data) {
    setPrefilled(true);
    const e = last.data.exporter;
    setDraft((d) =>
      d.localName || d.taxId || d.exporterAddress
        ? d
        : { ...d, localName: e.localName ?? '', exporterAddress: e.address ?? '', taxId: e.taxId ?? '' },
    );
  }

  const currency = draft.currency ?? order?.currency ?? '';
  const set = <K extends keyof Draft>(key: K, value: Draft[K], field: string = key) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const setLine = (index: number, patch: Partial<LineDraft>) => {
    setDraft((current) => ({
      ...current,
      lines: current.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)),
    }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[`lines.${index}.${key}`];
      return next;
    });
  };
  // Removing a line renumbers the ones after it: their old messages would sit on the wrong line.
  const dropLineErrors = () =>
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith('lines'))),
    );

  const setMode = (mode: ExportTransportMode) => {
    setDraft((current) => {
      const wasDefault =
        Object.values(DEFAULT_PORT).includes(current.portOfLoading) || !current.portOfLoading;
      const incoterm =
        current.incoterm && !incotermAllowed(current.incoterm, incotermMode(mode))
          ? (ANY_MODE_EQUIVALENT[current.incoterm] ?? null)
          : current.incoterm;
      return {
        ...current,
        transportMode: mode,
        incoterm,
        portOfLoading: wasDefault ? (DEFAULT_PORT[mode] ?? current.portOfLoading) : current.portOfLoading,
      };
    });
    setErrors((current) => ({ ...current, transportMode: undefined, portOfLoading: undefined }));
  };

  const validate = (): { errors: Errors; input?: DeclarationInput } => {
    const next: Errors = {};
    const localName = draft.localName.trim();
    const taxId = draft.taxId.trim().toUpperCase();
    if (localName.length < 2) next['exporter.localName'] = t('forms.required');
    if (!taxId) next['exporter.taxId'] = t('forms.required');
    else if (!isUscc(taxId)) next['exporter.taxId'] = t('declarations.form.errors.uscc');
    const consigneeGiven = Boolean(
      draft.consigneeName.trim() ||
        draft.consigneeAddress.trim() ||
        draft.consigneeCountry ||
        draft.consigneeTaxId.trim(),
    );
    if (!order || consigneeGiven) {
      if (draft.consigneeName.trim().length < 2) next['consignee.name'] = t('forms.required');
      if (!draft.consigneeCountry) next['consignee.country'] = t('forms.required');
    }
    if (!order && !draft.incoterm) next.incoterm = t('forms.required');
    if (!order && !draft.currency) next.currency = t('forms.required');
    const port = draft.portOfLoading.trim().toUpperCase();
    if (!PORT.test(port)) next.portOfLoading = t('declarations.form.errors.port');
    if (draft.destinationCountry === 'CN') next.destinationCountry = t('declarations.form.errors.notChina');
    draft.lines.forEach((line, i) => {
      for (const [field, message] of Object.entries(lineProblems(line, currency, t)))
        next[`lines.${i}.${field}`] = message;
    });
    if (Object.values(next).some(Boolean)) return { errors: next };
    return {
      errors: next,
      input: {
        orderId: order?.id ?? null,
        declarantRole: draft.declarantRole,
        exporter: { localName, address: draft.exporterAddress.trim(), taxId },
        ...(consigneeGiven || !order
          ? {
              consignee: {
                name: draft.consigneeName.trim(),
                address: draft.consigneeAddress.trim(),
                country: draft.consigneeCountry ?? '',
                taxId: draft.consigneeTaxId.trim() || null,
              },
            }
          : {}),
        ...(draft.incoterm ? { incoterm: draft.incoterm } : {}),
        ...(draft.currency ? { currency: draft.currency } : {}),
        transportMode: draft.transportMode,
        portOfLoading: port,
        ...(draft.destinationCountry ? { destinationCountry: draft.destinationCountry } : {}),
        lines: draft.lines.map((l) => ({
          hsCode: l.hsCode.trim(),
          tariffCode: l.tariffCode.trim() || null,
          description: l.description.trim(),
          quantity: l.quantity as number,
          unit: l.unit,
          unitPrice: toMinorUnits(l.unitPrice, currency) ?? '0',
          netWeightKg: l.netWeightKg as number,
          grossWeightKg: l.grossWeightKg as number,
          packages: l.packages as number,
          originProvince: l.originProvince ?? '',
        })),
      },
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { errors: found, input } = validate();
    setErrors(found);
    setProblems(null);
    setFormError(null);
    if (!input) {
      focusFirstInvalid(formRef.current);
      return;
    }
    create.mutate(input, {
      onSuccess: (declaration) => navigate(`/declarations/${declaration.id}`),
      onError: (error) => {
        const found = serverProblems(error);
        if (found.all.length === 0) {
          setFormError(error);
          return;
        }
        const mapped: Errors = {};
        for (const [key, message] of Object.entries(found.byField)) {
          const field = formField(key, draft.lines.length);
          if (field) mapped[field] = mapped[field] ? `${mapped[field]}; ${message}` : message;
        }
        setErrors(mapped);
        setProblems(found);
        focusFirstInvalid(formRef.current);
      },
    });
  };

  const fromOrder = (value: string) => t('declarations.form.fromOrder', { value });

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <div>
          {order ? (
            <Anchor component={Link} to={`/orders/${order.id}`} fz="sm">
              {t('declarations.form.backToOrder')}
            </Anchor>
          ) : (
            <Anchor component={Link} to="/declarations" fz="sm">
              {t('declarations.backToList')}
            </Anchor>
          )}
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} mt={4}>
            {t('declarations.form.title')}
          </Title>
          <Text c="dimmed" fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {order
              ? t('declarations.form.subtitleOrder', { id: order.id, buyer: order.buyer.name })
              : t('declarations.form.subtitle')}
          </Text>
        </div>

        {problems && (
          <Alert
            color="red"
            title={
              problems.refusals.length > 0
                ? t('declarations.form.refusedTitle')
                : t('declarations.form.problemsTitle', { count: problems.all.length })
            }
            role="alert"
            data-testid={problems.refusals.length > 0 ? 'declaration-refused' : 'declaration-problems'}
          >
            {problems.refusals.length > 0 && (
              <Text fz="sm" mb="xs">
                {t('declarations.form.refusedBody')}
              </Text>
            )}
            <List size="sm" spacing={2}>
              {problems.all.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        )}

        <form ref={formRef} onSubmit={submit} noValidate data-testid="declaration-form">
          <Stack gap="lg">
            <Card withBorder padding="lg" component="section" aria-labelledby="declaration-declarant">
              <Title order={2} fz="h4" id="declaration-declarant" mb="sm">
                {t('declarations.form.declarant')}
              </Title>
              <Radio.Group
                value={draft.declarantRole}
                onChange={(v) => set('declarantRole', v as DeclarantRole)}
                data-testid="declarant-role"
              >
                <Stack gap="xs">
                  <Radio
                    value="platform"
                    label={t('declarations.declarantRole.platform')}
                    description={t('declarations.form.platformHint')}
                  />
                  <Radio
                    value="exporter"
                    label={t('declarations.declarantRole.exporter')}
                    description={t('declarations.form.exporterHint')}
                  />
                </Stack>
              </Radio.Group>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="declaration-exporter">
              <Title order={2} fz="h4" id="declaration-exporter">
                {t('declarations.form.exporter')}
              </Title>
              <Text fz="sm" c="dimmed" mb="sm">
                {t('declarations.form.exporterSubtitle', { name: me.company.name })}
              </Text>
              <Grid gutter="sm">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('declarations.form.localName')}
                    description={t('declarations.form.localNameHint')}
                    placeholder="义乌市星辰日用品有限公司"
                    value={draft.localName}
                    onChange={(e) => set('localName', e.currentTarget.value, 'exporter.localName')}
                    error={errors['exporter.localName']}
                    maxLength={200}
                    lang="zh-CN"
                    data-testid="exporter-local-name"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('declarations.form.taxId')}
                    description={t('declarations.form.taxIdHint')}
                    value={draft.taxId}
                    onChange={(e) =>
                      set('taxId', e.currentTarget.value.toUpperCase().replace(/\s/g, ''), 'exporter.taxId')
                    }
                    error={errors['exporter.taxId']}
                    maxLength={18}
                    styles={MONO_INPUT}
                    data-testid="exporter-tax-id"
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <TextInput
                    label={t('declarations.form.address')}
                    description={t('declarations.form.optional')}
                    value={draft.exporterAddress}
                    onChange={(e) => set('exporterAddress', e.currentTarget.value, 'exporter.address')}
                    error={errors['exporter.address']}
                    maxLength={300}
                    data-testid="exporter-address"
                  />
                </Grid.Col>
              </Grid>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="declaration-consignee">
              <Title order={2} fz="h4" id="declaration-consignee">
                {t('declarations.form.consignee')}
              </Title>
              <Text fz="sm" c="dimmed" mb="sm">
                {order
                  ? t('declarations.form.consigneeFromOrder', {
                      name: order.buyer.name,
                      country: format.country(order.buyer.country),
                    })
                  : t('declarations.form.consigneeSubtitle')}
              </Text>
              <Grid gutter="sm">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('declarations.form.consigneeName')}
                    placeholder={order?.buyer.name}
                    value={draft.consigneeName}
                    onChange={(e) => set('consigneeName', e.currentTarget.value, 'consignee.name')}
                    error={errors['consignee.name']}
                    maxLength={200}
                    data-testid="consignee-name"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <CountrySelect
                    label={t('declarations.form.consigneeCountry')}
                    placeholder={order ? format.country(order.buyer.country) : undefined}
                    value={draft.consigneeCountry}
                    onChange={(v) => set('consigneeCountry', v, 'consignee.country')}
                    clearable
                    error={errors['consignee.country']}
                    data-testid="consignee-country"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <TextInput
                    label={t('declarations.form.address')}
                    description={t('declarations.form.optional')}
                    value={draft.consigneeAddress}
                    onChange={(e) => set('consigneeAddress', e.currentTarget.value, 'consignee.address')}
                    error={errors['consignee.address']}
                    maxLength={300}
                    data-testid="consignee-address"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('declarations.form.consigneeTaxId')}
                    description={t('declarations.form.optional')}
                    value={draft.consigneeTaxId}
                    onChange={(e) => set('consigneeTaxId', e.currentTarget.value, 'consignee.taxId')}
                    error={errors['consignee.taxId']}
                    maxLength={40}
                  />
                </Grid.Col>
              </Grid>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="declaration-shipment">
              <Title order={2} fz="h4" id="declaration-shipment" mb="sm">
                {t('declarations.form.shipment')}
              </Title>
              <Grid gutter="sm">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <Select
                    label={t('declarations.form.transportMode')}
                    data={EXPORT_TRANSPORT_MODES.map((m) => ({
                      value: m,
                      label: t(`declarations.mode.${m}`),
                    }))}
                    value={draft.transportMode}
                    onChange={(v) => setMode((v ?? 'sea') as ExportTransportMode)}
                    allowDeselect={false}
                    error={errors.transportMode}
                    data-testid="transport-mode"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t('declarations.form.portOfLoading')}
                    description={t('declarations.form.portHint')}
                    value={draft.portOfLoading}
                    onChange={(e) =>
                      set('portOfLoading', e.currentTarget.value.toUpperCase().replace(/\s/g, ''))
                    }
                    error={errors.portOfLoading}
                    maxLength={5}
                    styles={MONO_INPUT}
                    data-testid="port-of-loading"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <CountrySelect
                    label={t('declarations.form.destination')}
                    description={t('declarations.form.destinationHint')}
                    value={draft.destinationCountry}
                    onChange={(v) => set('destinationCountry', v)}
                    clearable
                    error={errors.destinationCountry}
                    data-testid="destination-country"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <IncotermSelect
                    mode={incotermMode(draft.transportMode)}
                    label={t('declarations.form.incoterm')}
                    description={t('declarations.form.incotermHint')}
                    placeholder={order ? fromOrder(order.incoterm) : undefined}
                    value={draft.incoterm}
                    onChange={(v) => set('incoterm', v)}
                    clearable={Boolean(order)}
                    error={errors.incoterm}
                    data-testid="incoterm"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <CurrencySelect
                    label={t('declarations.form.currency')}
                    placeholder={order ? fromOrder(order.currency) : undefined}
                    value={draft.currency}
                    onChange={(v) => set('currency', v)}
                    clearable={Boolean(order)}
                    error={errors.currency}
                    data-testid="currency"
                  />
                </Grid.Col>
              </Grid>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="declaration-goods">
              <Title order={2} fz="h4" id="declaration-goods">
                {t('declarations.form.goods')}
              </Title>
              <Text fz="sm" c="dimmed" mb="sm">
                {order ? t('declarations.form.goodsFromOrder') : t('declarations.form.goodsSubtitle')}
              </Text>
              <DeclarationLinesEditor
                lines={draft.lines}
                currency={currency}
                errors={errors}
                onChange={setLine}
                onAdd={() =>
                  setDraft((d) => ({
                    ...d,
                    lines: [...d.lines, newLine({ originProvince: me.company.province })],
                  }))
                }
                onRemove={(index) => {
                  setDraft((d) => ({ ...d, lines: d.lines.filter((_, i) => i !== index) }));
                  dropLineErrors();
                }}
              />
            </Card>

            <FormError error={formError} testId="declaration-error" />
            {Object.values(errors).some(Boolean) && !problems && (
              <Text c="red.9" fz="sm" role="alert">
                {t('errors.validation')}
              </Text>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending} data-testid="submit-declaration">
                {t('declarations.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
};
