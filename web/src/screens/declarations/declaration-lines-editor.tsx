import {
  ActionIcon,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUTORY_UNITS, type StatutoryUnit } from '../../api/declaration-types';
import { useProvinces } from '../../api/queries';
import { toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { MONO_INPUT, withoutLinePrefix } from './declaration-parts';
import { HsSuggestions, MIN_SUGGEST_CHARS, SuggestButton } from './hs-suggestions';

export const MAX_LINES = 50;

export type LineDraft = {
  /** A stable React key: lines are removed from the middle. */
  key: number;
  description: string;
  hsCode: string;
  tariffCode: string;
  quantity: number | '';
  unit: StatutoryUnit;
  /** Major units as typed ('0.85'). */
  unitPrice: string;
  netWeightKg: number | '';
  grossWeightKg: number | '';
  packages: number | '';
  originProvince: string | null;
  /** The HS suggestions are showing under the description. */
  suggesting: boolean;
};

export type LineField = Exclude<keyof LineDraft, 'key' | 'suggesting'>;

export const LINE_FIELDS: LineField[] = [
  'description',
  'hsCode',
  'tariffCode',
  'quantity',
  'unit',
  'unitPrice',
  'netWeightKg',
  'grossWeightKg',
  'packages',
  'originProvince',
];

let nextKey = 1;

export const newLine = (patch: Partial<LineDraft> = {}): LineDraft => ({
  key: nextKey++,
  description: '',
  hsCode: '',
  tariffCode: '',
  quantity: '',
  unit: 'pcs',
  unitPrice: '',
  netWeightKg: '',
  grossWeightKg: '',
  packages: '',
  originProvince: null,
  suggesting: !patch.hsCode,
  ...patch,
});

/** A line's value in minor units: quantity (to 3 decimals) × unit price, rounded half up (as the server does). */
export const lineValue = (line: LineDraft, currency: string): bigint | null => {
  if (line.quantity === '' || !currency) return null;
  const minor = toMinorUnits(line.unitPrice, currency);
  if (minor === null) return null;
  return (BigInt(Math.round(line.quantity * 1000)) * BigInt(minor) + 500n) / 1000n;
};

const decimals = (value: number, places: number) =>
  Math.abs(value * 10 ** places - Math.round(value * 10 ** places)) < 1e-6;

/** The server's line rules that need no database, so most mistakes show before sending. */
export const lineProblems = (
  line: LineDraft,
  currency: string,
  t: (key: string, options?: Record<string, unknown>) => string,
): Partial<Record<LineField, string>> => {
  const problems: Partial<Record<LineField, string>> = {};
  const description = line.description.trim();
  if (description.length < 2) problems.description = t('forms.required');
  const hs = line.hsCode.trim();
  if (!hs) problems.hsCode = t('forms.required');
  else if (!/^\d{6}$/.test(hs)) problems.hsCode = t('declarations.form.errors.hsCode');
  const tariff = line.tariffCode.trim();
  if (tariff && !/^\d{10}$/.test(tariff)) problems.tariffCode = t('declarations.form.errors.tariffCode');
  else if (tariff && /^\d{6}$/.test(hs) && !tariff.startsWith(hs))
    problems.tariffCode = t('declarations.form.errors.tariffExtends', { hs });
  if (line.quantity === '' || line.quantity <= 0) problems.quantity = t('declarations.form.errors.positive');
  else if (!decimals(line.quantity, 3)) problems.quantity = t('declarations.form.errors.decimals3');
  if (!line.unitPrice.trim()) problems.unitPrice = t('forms.required');
  else {
    const minor = currency ? toMinorUnits(line.unitPrice, currency) : null;
    if (minor === null) problems.unitPrice = t('forms.amount');
    else if (BigInt(minor) === 0n) problems.unitPrice = t('forms.positive');
  }
  if (line.netWeightKg === '' || line.netWeightKg <= 0)
    problems.netWeightKg = t('declarations.form.errors.positive');
  else if (!decimals(line.netWeightKg, 3)) problems.netWeightKg = t('declarations.form.errors.decimals3');
  if (line.grossWeightKg === '' || line.grossWeightKg <= 0)
    problems.grossWeightKg = t('declarations.form.errors.positive');
  else if (!decimals(line.grossWeightKg, 3)) problems.grossWeightKg = t('declarations.form.errors.decimals3');
  else if (line.netWeightKg !== '' && line.grossWeightKg < line.netWeightKg)
    problems.grossWeightKg = t('declarations.form.errors.grossBelowNet');
  if (
    !problems.quantity &&
    line.unit === 'kg' &&
    line.netWeightKg !== '' &&
    line.quantity !== '' &&
    Math.abs(line.quantity - line.netWeightKg) > 0.001
  )
    problems.quantity = t('declarations.form.errors.kgEqualsNet');
  if (line.packages === '' || line.packages < 1 || !Number.isInteger(line.packages))
    problems.packages = t('forms.wholeNumber');
  if (!line.originProvince) problems.originProvince = t('forms.required');
  return problems;
};

type EditorProps = {
  lines: LineDraft[];
  currency: string;
  errors: Record<string, string | undefined>;
  onChange: (index: number, patch: Partial<LineDraft>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
};

/** The declared goods, one card per line, with HS suggestions under each description. */
export const DeclarationLinesEditor = ({
  lines,
  currency,
  errors,
  onChange,
  onAdd,
  onRemove,
}: EditorProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const provinces = useProvinces();
  const provinceOptions = useMemo(
    () => (provinces.data?.provinces ?? []).map((p) => ({ value: p.code, label: format.localized(p.name) })),
    [provinces.data, format],
  );
  const values = lines.map((line) => lineValue(line, currency));
  const total = values.every((v) => v !== null) ? values.reduce((a, b) => (a ?? 0n) + (b ?? 0n), 0n) : null;
  return (
    <Stack gap="md" data-testid="declaration-lines">
      {lines.map((line, i) => (
        <LineCard
          key={line.key}
          index={i}
          line={line}
          value={values[i] ?? null}
          currency={currency}
          errors={errors}
          provinceOptions={provinceOptions}
          provincesLoading={provinces.isPending}
          removable={lines.length > 1}
          onChange={(patch) => onChange(i, patch)}
          onRemove={() => onRemove(i)}
        />
      ))}
      {errors.lines && (
        <Text c="red.9" fz="sm" role="alert">
          {errors.lines}
        </Text>
      )}
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Button variant="light" onClick={onAdd} disabled={lines.length >= MAX_LINES} data-testid="add-line">
          {t('declarations.form.addLine')}
        </Button>
        {currency && total !== null && (
          <Text fw={700} data-testid="declaration-form-total">
            {t('declarations.form.total', {
              amount: format.money({ amount: String(total), currency }),
            })}
          </Text>
        )}
      </Group>
    </Stack>
  );
};

type CardProps = {
  index: number;
  line: LineDraft;
  value: bigint | null;
  currency: string;
  errors: Record<string, string | undefined>;
  provinceOptions: { value: string; label: string }[];
  provincesLoading: boolean;
  removable: boolean;
  onChange: (patch: Partial<LineDraft>) => void;
  onRemove: () => void;
};

const LineCard = ({
  index,
  line,
  value,
  currency,
  errors,
  provinceOptions,
  provincesLoading,
  removable,
  onChange,
  onRemove,
}: CardProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const error = (field: LineField) => {
    const message = errors[`lines.${index}.${field}`];
    return message ? withoutLinePrefix(message) : undefined;
  };
  const number = (v: number | string) => (typeof v === 'number' ? v : '');
  const lineNo = index + 1;
  return (
    <Paper withBorder p="md" radius="md" data-testid="declaration-line" data-line={lineNo}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={700} fz="sm">
          {t('declarations.form.line', { n: lineNo })}
        </Text>
        <Group gap="sm" wrap="nowrap">
          {value !== null && currency && (
            <Text fz="sm" c="dimmed" data-testid="line-value">
              {format.money({ amount: String(value), currency })}
            </Text>
          )}
          {removable && (
            <ActionIcon
              variant="subtle"
              color="red.9"
              onClick={onRemove}
              aria-label={t('declarations.form.removeLine', { n: lineNo })}
              data-testid="remove-line"
            >
              ×
            </ActionIcon>
          )}
        </Group>
      </Group>
      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput
            label={t('declarations.form.description')}
            description={t('declarations.form.descriptionHint')}
            value={line.description}
            onChange={(e) => {
              const description = e.currentTarget.value;
              // Typing asks again: the suggestions follow the words.
              onChange({ description, suggesting: description.trim().length >= MIN_SUGGEST_CHARS });
            }}
            error={error('description')}
            maxLength={250}
            data-testid="line-description"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput
            label={t('declarations.form.hsCode')}
            description={t('declarations.form.hsCodeHint')}
            value={line.hsCode}
            onChange={(e) => onChange({ hsCode: e.currentTarget.value.replace(/\D/g, '').slice(0, 6) })}
            error={error('hsCode')}
            inputMode="numeric"
            maxLength={6}
            styles={MONO_INPUT}
            rightSectionWidth={96}
            rightSection={
              <SuggestButton
                onClick={() => onChange({ suggesting: true })}
                disabled={line.description.trim().length < MIN_SUGGEST_CHARS}
                testId="line-suggest"
              />
            }
            data-testid="line-hs-code"
          />
        </Grid.Col>
        {line.suggesting && (
          <Grid.Col span={12}>
            <HsSuggestions
              text={line.description}
              current={line.hsCode}
              onPick={(s) =>
                onChange({
                  hsCode: s.code,
                  // A tariff code for another subheading no longer applies.
                  tariffCode: line.tariffCode.startsWith(s.code) ? line.tariffCode : '',
                  suggesting: false,
                })
              }
              onClose={() => onChange({ suggesting: false })}
              testId="line-hs-suggestions"
            />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, xs: 6, sm: 3 }}>
          <TextInput
            label={t('declarations.form.tariffCode')}
            value={line.tariffCode}
            onChange={(e) => onChange({ tariffCode: e.currentTarget.value.replace(/\D/g, '').slice(0, 10) })}
            error={error('tariffCode')}
            inputMode="numeric"
            maxLength={10}
            styles={MONO_INPUT}
            data-testid="line-tariff-code"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <NumberInput
            label={t('declarations.form.quantity')}
            value={line.quantity}
            onChange={(v) => onChange({ quantity: number(v) })}
            error={error('quantity')}
            min={0}
            decimalScale={3}
            thousandSeparator
            hideControls
            data-testid="line-quantity"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <Select
            label={t('declarations.form.unit')}
            data={STATUTORY_UNITS.map((u) => ({ value: u, label: t(`declarations.unit.${u}`) }))}
            value={line.unit}
            onChange={(v) => onChange({ unit: (v ?? 'pcs') as StatutoryUnit })}
            allowDeselect={false}
            error={error('unit')}
            data-testid="line-unit"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, sm: 3 }}>
          <TextInput
            label={t('declarations.form.unitPrice', { currency: currency || '—' })}
            inputMode="decimal"
            placeholder="0.85"
            value={line.unitPrice}
            onChange={(e) => onChange({ unitPrice: e.currentTarget.value })}
            error={error('unitPrice')}
            data-testid="line-unit-price"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <NumberInput
            label={t('declarations.form.netWeight')}
            value={line.netWeightKg}
            onChange={(v) => onChange({ netWeightKg: number(v) })}
            error={error('netWeightKg')}
            min={0}
            decimalScale={3}
            thousandSeparator
            hideControls
            data-testid="line-net-weight"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <NumberInput
            label={t('declarations.form.grossWeight')}
            value={line.grossWeightKg}
            onChange={(v) => onChange({ grossWeightKg: number(v) })}
            error={error('grossWeightKg')}
            min={0}
            decimalScale={3}
            thousandSeparator
            hideControls
            data-testid="line-gross-weight"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <NumberInput
            label={t('declarations.form.packages')}
            value={line.packages}
            onChange={(v) => onChange({ packages: number(v) })}
            error={error('packages')}
            min={1}
            allowDecimal={false}
            thousandSeparator
            hideControls
            data-testid="line-packages"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <Select
            label={t('declarations.form.originProvince')}
            data={provinceOptions}
            value={line.originProvince}
            onChange={(v) => onChange({ originProvince: v })}
            searchable
            nothingFoundMessage={t('forms.nothingFound')}
            disabled={provincesLoading}
            error={error('originProvince')}
            data-testid="line-origin-province"
          />
        </Grid.Col>
      </Grid>
    </Paper>
  );
};
