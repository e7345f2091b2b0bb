import {
  Alert,
  Button,
  Card,
  Checkbox,
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
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issuesByField, validationIssues } from '../../api/field-errors';
import { useCompanyProducts } from '../../api/queries';
import type { QuoteOfferInput, Rfq } from '../../api/types';
import { FormError, focusFirstInvalid } from '../../components/form-error';
import { CurrencySelect, IncotermSelect, UnitSelect } from '../../components/trade-selects';
import { toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';
import {
  checkOffer,
  emptyTier,
  type LineDraft,
  newKey,
  type OfferDraft,
  type OfferErrors,
  resolvedTiers,
  type TierDraft,
  unitPriceAt,
} from './offer-draft';
import { TierEditor } from './tier-editor';

type Props = {
  rfq: Rfq;
  supplierId: string;
  initial: OfferDraft;
  /** A revision keeps the quote's currency (the server refuses a change). */
  lockCurrency?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** Shown next to the submit button, e.g. the quota left. */
  footnote?: ReactNode;
  onSubmit: (input: QuoteOfferInput) => void;
};

const MAX_LINES = 20;
const MAX_TIERS = 10;

const numberValue = (value: string | number): number | '' =>
  typeof value === 'number' ? value : value === '' ? '' : Number(value);

/** The offer a supplier sends: lines with quantity tiers, terms, samples and a note. */
export const QuoteOfferForm = ({
  rfq,
  supplierId,
  initial,
  lockCurrency,
  submitLabel,
  pending,
  error,
  footnote,
  onSubmit,
}: Props) => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<OfferDraft>(initial);
  const [clientErrors, setClientErrors] = useState<OfferErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  // Server issues show next to their fields until the reader edits that field.
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const serverErrors: OfferErrors = {};
  if (error) {
    const byField = issuesByField(
      error,
      (key) => key !== '' && !/^lines\.\d+$/.test(key) && key !== 'lines' && key !== 'sample',
    );
    for (const [key, message] of Object.entries(byField))
      serverErrors[key] = t('forms.serverIssue', { message });
    for (const issue of validationIssues(error)) {
      // Tier problems come for the whole line (`lines[0]`): show them under that line's tiers.
      const line = /^(?:body\.)?lines(?:\[(\d+)\]|\.(\d+))$/.exec(issue.path);
      if (line) {
        const key = `lines.${line[1] ?? line[2]}`;
        serverErrors[key] = [serverErrors[key], t('forms.serverIssue', { message: issue.message })]
          .filter(Boolean)
          .join(' ');
      }
    }
  }
  for (const key of dismissed) delete serverErrors[key];
  const errors: OfferErrors = { ...serverErrors, ...clientErrors };
  const formLevel = serverErrors[''];

  const clear = (...keys: string[]) => {
    setClientErrors((current) => {
      const next = { ...current };
      for (const key of keys) delete next[key];
      return next;
    });
    setDismissed((current) => new Set([...current, ...keys]));
  };

  const set = <K extends keyof OfferDraft>(key: K, value: OfferDraft[K], errorKey: string = key) => {
    setDraft((current) => ({ ...current, [key]: value }));
    clear(errorKey);
  };

  const setLine = (index: number, change: Partial<LineDraft>, errorKey?: string) => {
    setDraft((current) => ({
      ...current,
      lines: current.lines.map((line, i) => (i === index ? { ...line, ...change } : line)),
    }));
    clear(...(errorKey ? [errorKey, `lines.${index}`] : [`lines.${index}`]));
  };

  const setTier = (lineIndex: number, tierIndex: number, change: Partial<TierDraft>, field: string) => {
    setDraft((current) => ({
      ...current,
      lines: current.lines.map((line, i) =>
        i === lineIndex
          ? { ...line, tiers: line.tiers.map((tier, j) => (j === tierIndex ? { ...tier, ...change } : tier)) }
          : line,
      ),
    }));
    clear(
      `lines.${lineIndex}.priceTiers.${tierIndex}.${field}`,
      `lines.${lineIndex}`,
      `lines.${lineIndex}.quantity`,
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { errors: found, input } = checkOffer(draft, { rfq, t });
    setClientErrors(found);
    if (!input) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setDismissed(new Set());
    onSubmit(input);
  };

  // The server's field problems arrive after the round trip: go to the first of them.
  useEffect(() => {
    if (validationIssues(error).length > 0) focusFirstInvalid(formRef.current);
  }, [error]);

  const currency = draft.currency ?? 'USD';
  const hasIssues = validationIssues(error).length > 0;

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={submitLabel} data-testid="quote-form">
      <Stack gap="lg">
        {Boolean(error) && !hasIssues && <FormError error={error} testId="quote-form-error" />}
        {formLevel && (
          <Alert color="red" role="alert">
            {formLevel}
          </Alert>
        )}

        <Card withBorder padding="lg" component="section" aria-labelledby="offer-lines">
          <Title order={2} fz="h4" id="offer-lines" mb="sm">
            {t('quoteForm.sections.lines')}
          </Title>
          <Stack gap="md">
            <Grid gutter="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <CurrencySelect
                  label={t('rfqNew.fields.currency')}
                  description={
                    lockCurrency ? t('quoteForm.currencyLocked') : t('quoteForm.fields.currencyHint')
                  }
                  required
                  allowDeselect={false}
                  disabled={lockCurrency}
                  value={draft.currency}
                  onChange={(value) => set('currency', value)}
                  error={errors.currency}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NumberInput
                  label={t('quoteForm.fields.moq')}
                  description={t('quoteForm.fields.moqHint')}
                  required
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator={false}
                  value={draft.moq}
                  onChange={(value) => set('moq', numberValue(value))}
                  error={errors.moq}
                  data-testid="quote-moq"
                />
              </Grid.Col>
            </Grid>
            {draft.lines.map((line, index) => (
              <LineEditor
                key={line.key}
                index={index}
                line={line}
                draft={draft}
                currency={currency}
                errors={errors}
                supplierId={supplierId}
                industryCode={rfq.industryCode}
                removable={draft.lines.length > 1}
                onChange={(change, errorKey) => setLine(index, change, errorKey)}
                onTier={(tierIndex, change, field) => setTier(index, tierIndex, change, field)}
                onRemove={() =>
                  setDraft((current) => ({ ...current, lines: current.lines.filter((_, i) => i !== index) }))
                }
              />
            ))}
            {draft.lines.length < MAX_LINES && (
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() =>
                    setDraft((current) => ({
                      ...current,
                      lines: [
                        ...current.lines,
                        {
                          key: newKey(),
                          productId: null,
                          description: '',
                          quantity: rfq.quantity,
                          unit: rfq.unit,
                          tiers: [emptyTier()],
                        },
                      ],
                    }))
                  }
                >
                  {t('quoteForm.addLine')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="offer-terms">
          <Title order={2} fz="h4" id="offer-terms" mb="sm">
            {t('quoteForm.sections.terms')}
          </Title>
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput
                label={t('quoteForm.fields.leadTime')}
                description={t('quoteForm.fields.leadTimeHint')}
                required
                min={0}
                max={365}
                allowDecimal={false}
                allowNegative={false}
                value={draft.leadTimeDays}
                onChange={(value) => set('leadTimeDays', numberValue(value))}
                error={errors.leadTimeDays}
                data-testid="quote-lead-time"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <IncotermSelect
                mode={rfq.transportMode}
                label={t('rfqNew.fields.incoterm')}
                description={t('quoteForm.fields.incotermHint', { incoterm: rfq.incoterm })}
                required
                allowDeselect={false}
                value={draft.incoterm}
                onChange={(value) => set('incoterm', value)}
                error={errors.incoterm}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('quoteForm.fields.port')}
                description={t('quoteForm.fields.portHint')}
                placeholder="CNNGB"
                value={draft.port}
                onChange={(event) => set('port', event.currentTarget.value.toUpperCase())}
                error={errors.port}
                maxLength={6}
                autoComplete="off"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                type="date"
                label={t('quoteForm.fields.validUntil')}
                required
                value={draft.validUntil}
                onChange={(event) => set('validUntil', event.currentTarget.value)}
                error={errors.validUntil}
                data-testid="quote-valid-until"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <Stack gap="xs">
                <Checkbox
                  label={t('quoteForm.fields.sampleAvailable')}
                  checked={draft.sampleAvailable}
                  onChange={(event) => set('sampleAvailable', event.currentTarget.checked)}
                  mt={{ base: 0, sm: 28 }}
                />
                {draft.sampleAvailable && (
                  <Group gap="sm" grow>
                    <TextInput
                      label={t('quoteForm.fields.samplePrice', { currency })}
                      description={t('rfqNew.fields.optional')}
                      inputMode="decimal"
                      value={draft.samplePrice}
                      onChange={(event) => set('samplePrice', event.currentTarget.value, 'sample.price')}
                      error={errors['sample.price']}
                    />
                    <NumberInput
                      label={t('quoteForm.fields.sampleDays')}
                      description={t('rfqNew.fields.optional')}
                      min={0}
                      max={365}
                      allowDecimal={false}
                      allowNegative={false}
                      value={draft.sampleDays}
                      onChange={(value) => set('sampleDays', numberValue(value), 'sample.days')}
                      error={errors['sample.days']}
                    />
                  </Group>
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label={t('quoteForm.fields.message')}
                description={t('quoteForm.fields.messageHint')}
                autosize
                minRows={3}
                maxRows={10}
                value={draft.message}
                onChange={(event) => set('message', event.currentTarget.value)}
                error={errors.message}
                data-testid="quote-message"
              />
            </Grid.Col>
          </Grid>
        </Card>

        <Group justify="space-between" gap="sm">
          <div>{footnote}</div>
          <Button type="submit" loading={pending} data-testid="submit-quote">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

type LineProps = {
  index: number;
  line: LineDraft;
  draft: OfferDraft;
  currency: string;
  errors: OfferErrors;
  supplierId: string;
  industryCode: string;
  removable: boolean;
  onChange: (change: Partial<LineDraft>, errorKey?: string) => void;
  onTier: (tierIndex: number, change: Partial<TierDraft>, field: string) => void;
  onRemove: () => void;
};

const LineEditor = ({
  index,
  line,
  draft,
  currency,
  errors,
  supplierId,
  industryCode,
  removable,
  onChange,
  onTier,
  onRemove,
}: LineProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const products = useCompanyProducts(supplierId, 1, 100);
  const at = `lines.${index}`;
  const own = (products.data?.items ?? []).filter((p) => p.categoryCode.split('/')[0] === industryCode);
  const bounds = resolvedTiers(line.tiers, draft.moq);

  // A live price, as the buyer's comparison will compute it: the tier for this line's quantity.
  const preview = (() => {
    if (line.quantity === '' || !Number.isInteger(line.quantity)) return null;
    const priced = line.tiers.map((tier, i) => ({
      ...bounds[i]!,
      price: toMinorUnits(tier.price, currency),
    }));
    if (priced.some((tier) => tier.price === null || tier.min === null)) return null;
    const unit = unitPriceAt(priced, line.quantity);
    if (unit === null) return null;
    return {
      unit: format.money({ amount: unit.toString(), currency }),
      total: format.money({ amount: (unit * BigInt(line.quantity)).toString(), currency }),
    };
  })();

  return (
    <Card withBorder padding="md" bg="gray.0" data-testid="quote-line">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700} fz="sm">
            {t('quoteForm.line', { number: index + 1 })}
          </Text>
          {removable && (
            <Button variant="subtle" color="red.9" c="red.9" size="xs" onClick={onRemove}>
              {t('quoteForm.removeLine', { number: index + 1 })}
            </Button>
          )}
        </Group>
        <Grid gutter="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('quoteForm.fields.description')}
              description={t('quoteForm.fields.descriptionHint')}
              required
              value={line.description}
              onChange={(event) => onChange({ description: event.currentTarget.value }, `${at}.description`)}
              error={errors[`${at}.description`]}
              maxLength={500}
              data-testid="line-description"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('quoteForm.fields.product')}
              description={t('rfqNew.fields.optional')}
              placeholder={own.length === 0 ? t('quoteForm.noListings') : undefined}
              data={own.map((p) => ({ value: p.id, label: format.localized(p.title) }))}
              value={line.productId}
              onChange={(value) => {
                const product = own.find((p) => p.id === value);
                onChange(
                  {
                    productId: value,
                    ...(product && !line.description.trim()
                      ? { description: format.localized(product.title) }
                      : {}),
                  },
                  `${at}.productId`,
                );
              }}
              clearable
              searchable
              disabled={own.length === 0}
              error={errors[`${at}.productId`]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <NumberInput
              label={t('rfqNew.fields.quantity')}
              required
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={false}
              value={line.quantity}
              onChange={(value) => onChange({ quantity: numberValue(value) }, `${at}.quantity`)}
              error={errors[`${at}.quantity`]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <UnitSelect
              label={t('rfqNew.fields.unit')}
              required
              allowDeselect={false}
              value={line.unit}
              onChange={(value) => onChange({ unit: value }, `${at}.unit`)}
              error={errors[`${at}.unit`]}
            />
          </Grid.Col>
        </Grid>

        <TierEditor
          tiers={line.tiers}
          placeholders={bounds.map((bound) => bound.min)}
          path={`${at}.priceTiers`}
          errors={errors}
          currency={currency}
          caption={t('quoteForm.tiersCaption', { unit: ref.unitLabel(line.unit ?? 'piece', 1), currency })}
          onTier={onTier}
          onRemove={(index) => onChange({ tiers: line.tiers.filter((_, j) => j !== index) })}
        />
        {errors[at] && (
          <Text c="var(--mantine-color-error)" fz="sm" role="alert">
            {errors[at]}
          </Text>
        )}
        <Group justify="space-between" gap="sm">
          {line.tiers.length < MAX_TIERS ? (
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                // A new tier starts right after the last one, which must then be closed.
                const last = bounds[bounds.length - 1];
                const tiers = line.tiers.map((tier, j) =>
                  j === line.tiers.length - 1 && tier.max === '' && last?.min != null
                    ? { ...tier, max: Math.max(last.min, last.min * 5 - 1) }
                    : tier,
                );
                onChange({ tiers: [...tiers, emptyTier()] });
              }}
            >
              {t('quoteForm.addTier')}
            </Button>
          ) : (
            <span />
          )}
          {preview && (
            <Text fz="sm" data-testid="line-preview">
              {t('quoteForm.preview', {
                quantity: format.number(line.quantity as number),
                unit: ref.unitLabel(line.unit ?? 'piece', line.quantity as number),
                price: preview.unit,
                total: preview.total,
              })}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
};
