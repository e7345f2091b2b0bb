import {
  Button,
  Card,
  Grid,
  Group,
  List,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoveDeclaration } from '../../api/declaration-queries';
import type {
  Declaration,
  DeclarationMoveInput,
  DeclarationStatus,
  VatInvoiceInput,
} from '../../api/declaration-types';
import { DialogButton } from '../../components/dialog-button';
import { FormError } from '../../components/form-error';
import { CurrencySelect } from '../../components/trade-selects';
import { toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';
import {
  dayFromToday,
  MONO_INPUT,
  serverProblems,
  stepsFor,
  useQuantityText,
  waitingFor,
} from './declaration-parts';

/** Steps that say no: red, and they ask why. */
const REFUSALS: DeclarationStatus[] = ['customs_rejected', 'rebate_rejected', 'cancelled'];

/** What the reader can do next with the declaration, each step a small form in a dialog. */
export const DeclarationActions = ({ declaration }: { declaration: Declaration }) => {
  const { t } = useTranslation();
  const steps = stepsFor(declaration);
  const waiting = waitingFor(declaration);
  if (steps.length === 0 && !waiting) return null;
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="declaration-actions"
      data-testid="declaration-actions"
    >
      <Title order={2} fz="h4" id="declaration-actions" mb="xs">
        {t('declarations.actions.title')}
      </Title>
      {waiting && (
        <Text fz="sm" c="dimmed" data-testid="declaration-waiting">
          {t(`declarations.actions.waiting.${waiting}`)}
        </Text>
      )}
      {steps.length > 0 && (
        <>
          <Text fz="sm" c="dimmed" mb="sm">
            {declaration.viewer === 'operator'
              ? t('declarations.actions.hintOperator')
              : t('declarations.actions.hintExporter')}
          </Text>
          <Group gap="sm" wrap="wrap">
            {steps.map((to, i) => (
              <DialogButton
                key={to}
                label={t(`declarations.actions.${to}.label`)}
                title={t(`declarations.actions.${to}.title`)}
                color={REFUSALS.includes(to) ? 'red.9' : undefined}
                variant={REFUSALS.includes(to) ? 'outline' : i === 0 ? 'filled' : 'light'}
                data-testid={`action-${to}`}
              >
                {(close) => <MoveForm declaration={declaration} to={to} onDone={close} />}
              </DialogButton>
            ))}
          </Group>
        </>
      )}
    </Card>
  );
};

type Errors = Record<string, string | undefined>;

type InvoiceDraft = { invoiceNumber: string; amount: string; vatRatePct: number | '' };

/** One step's form: what the step needs (a date, the FX received, the VAT invoices), a note, and the button. */
const MoveForm = ({
  declaration,
  to,
  onDone,
}: {
  declaration: Declaration;
  to: DeclarationStatus;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const quantityText = useQuantityText();
  const move = useMoveDeclaration(declaration.id);
  const [note, setNote] = useState('');
  const [exportedOn, setExportedOn] = useState(dayFromToday(0));
  const [fxAmount, setFxAmount] = useState('');
  const [fxCurrency, setFxCurrency] = useState<string | null>(
    declaration.currency === 'CNY' ? 'USD' : declaration.currency,
  );
  const [fxOn, setFxOn] = useState(dayFromToday(0));
  const [invoices, setInvoices] = useState<InvoiceDraft[]>(() =>
    declaration.lines.map(() => ({ invoiceNumber: '', amount: '', vatRatePct: '' })),
  );
  const [errors, setErrors] = useState<Errors>({});
  const [summary, setSummary] = useState<string[]>([]);
  const reportedFx = to === 'fx_received' && !declaration.orderId;
  const needsReason = to === 'customs_rejected' || to === 'rebate_rejected';

  const setInvoice = (i: number, patch: Partial<InvoiceDraft>) => {
    setInvoices((current) => current.map((inv, j) => (j === i ? { ...inv, ...patch } : inv)));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[`vatInvoices.${i}.${key}`];
      return next;
    });
  };

  const validate = (): { errors: Errors; input?: DeclarationMoveInput } => {
    const next: Errors = {};
    const input: DeclarationMoveInput = { to, note: note.trim() || undefined };
    if (needsReason && !note.trim()) next.note = t('forms.required');
    if (to === 'exported') {
      if (!exportedOn) next.exportedOn = t('forms.required');
      else if (exportedOn > dayFromToday(0)) next.exportedOn = t('declarations.actions.errors.future');
      input.exportedOn = exportedOn;
    }
    if (reportedFx) {
      const currency = fxCurrency ?? '';
      const amount = currency ? toMinorUnits(fxAmount, currency) : null;
      if (!currency) next['fx.currency'] = t('forms.required');
      if (!fxAmount.trim()) next['fx.amount'] = t('forms.required');
      else if (amount === null) next['fx.amount'] = t('forms.amount');
      else if (BigInt(amount) === 0n) next['fx.amount'] = t('forms.positive');
      if (!fxOn) next['fx.receivedOn'] = t('forms.required');
      else if (fxOn > dayFromToday(0)) next['fx.receivedOn'] = t('declarations.actions.errors.future');
      if (amount !== null) input.fx = { amount, currency, receivedOn: fxOn };
    }
    if (to === 'vat_invoice_matched') {
      const vatInvoices: VatInvoiceInput[] = [];
      invoices.forEach((inv, i) => {
        const number = inv.invoiceNumber.trim().toUpperCase();
        if (!number) next[`vatInvoices.${i}.invoiceNumber`] = t('forms.required');
        else if (!/^[0-9A-Z-]{8,24}$/.test(number))
          next[`vatInvoices.${i}.invoiceNumber`] = t('declarations.actions.errors.invoiceNumber');
        const amount = inv.amount.trim() ? toMinorUnits(inv.amount, 'CNY') : null;
        if (!inv.amount.trim()) next[`vatInvoices.${i}.amount`] = t('forms.required');
        else if (amount === null) next[`vatInvoices.${i}.amount`] = t('forms.amount');
        else if (BigInt(amount) === 0n) next[`vatInvoices.${i}.amount`] = t('forms.positive');
        if (amount !== null)
          vatInvoices.push({
            lineNo: declaration.lines[i]!.lineNo,
            invoiceNumber: number,
            amount,
            vatRatePct: inv.vatRatePct === '' ? null : inv.vatRatePct,
          });
      });
      input.vatInvoices = vatInvoices;
    }
    return Object.values(next).some(Boolean) ? { errors: next } : { errors: next, input };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { errors: found, input } = validate();
    setErrors(found);
    setSummary([]);
    if (!input) return;
    move.mutate(input, {
      onSuccess: () => onDone(),
      onError: (error) => {
        const problems = serverProblems(error);
        const mapped: Errors = {};
        const rest: string[] = [];
        for (const [key, message] of Object.entries(problems.byField)) {
          const field = key === 'fx' ? 'fx.amount' : key === 'vatInvoices' ? '' : key;
          if (field && /^(note|exportedOn|fx\.\w+|vatInvoices\.\d+\.\w+)$/.test(field))
            mapped[field] = message;
          else rest.push(message);
        }
        setErrors(mapped);
        setSummary(rest);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="move-form" data-to={to}>
      <Stack gap="sm">
        <Text fz="sm">{t(`declarations.actions.${to}.body`)}</Text>
        {to === 'exported' && (
          <TextInput
            type="date"
            label={t('declarations.actions.exportedOn')}
            description={t('declarations.actions.exportedOnHint')}
            value={exportedOn}
            max={dayFromToday(0)}
            onChange={(e) => {
              setExportedOn(e.currentTarget.value);
              setErrors((c) => ({ ...c, exportedOn: undefined }));
            }}
            error={errors.exportedOn}
            data-testid="move-exported-on"
          />
        )}
        {to === 'fx_received' && declaration.orderId && (
          <Text fz="sm" c="dimmed">
            {t('declarations.actions.fxFromEscrow', { order: declaration.orderId })}
          </Text>
        )}
        {reportedFx && (
          <Grid gutter="sm">
            <Grid.Col span={{ base: 12, xs: 6 }}>
              <TextInput
                label={t('declarations.actions.fxAmount')}
                inputMode="decimal"
                value={fxAmount}
                onChange={(e) => {
                  setFxAmount(e.currentTarget.value);
                  setErrors((c) => ({ ...c, 'fx.amount': undefined }));
                }}
                error={errors['fx.amount']}
                placeholder={format.money({ amount: declaration.totalValue, currency: declaration.currency })}
                data-testid="move-fx-amount"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6 }}>
              <CurrencySelect
                label={t('declarations.actions.fxCurrency')}
                value={fxCurrency}
                onChange={(v) => {
                  setFxCurrency(v);
                  setErrors((c) => ({ ...c, 'fx.currency': undefined }));
                }}
                error={errors['fx.currency']}
                data-testid="move-fx-currency"
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput
                type="date"
                label={t('declarations.actions.fxReceivedOn')}
                value={fxOn}
                max={dayFromToday(0)}
                onChange={(e) => {
                  setFxOn(e.currentTarget.value);
                  setErrors((c) => ({ ...c, 'fx.receivedOn': undefined }));
                }}
                error={errors['fx.receivedOn']}
                data-testid="move-fx-received-on"
              />
            </Grid.Col>
          </Grid>
        )}
        {to === 'vat_invoice_matched' && (
          <Stack gap="xs" data-testid="move-invoices">
            {declaration.lines.map((line, i) => (
              <Paper key={line.lineNo} withBorder p="sm" radius="sm" data-testid="move-invoice">
                <Text fz="sm" fw={600} lineClamp={1}>
                  {t('declarations.rebate.lineNo', { n: line.lineNo })} · {line.description}
                </Text>
                <Text fz="xs" c="dimmed" mb={4}>
                  HS {line.hsCode} · {quantityText(line.quantity, line.unit)}
                </Text>
                <Grid gutter="xs" align="flex-end">
                  <Grid.Col span={{ base: 12, xs: 5 }}>
                    <TextInput
                      size="xs"
                      label={t('declarations.actions.invoiceNumber')}
                      value={invoices[i]?.invoiceNumber ?? ''}
                      onChange={(e) => setInvoice(i, { invoiceNumber: e.currentTarget.value.toUpperCase() })}
                      error={errors[`vatInvoices.${i}.invoiceNumber`]}
                      maxLength={24}
                      styles={MONO_INPUT}
                      data-testid="invoice-number"
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 7, xs: 4 }}>
                    <TextInput
                      size="xs"
                      label={t('declarations.actions.invoiceAmount')}
                      inputMode="decimal"
                      value={invoices[i]?.amount ?? ''}
                      onChange={(e) => setInvoice(i, { amount: e.currentTarget.value })}
                      error={errors[`vatInvoices.${i}.amount`]}
                      data-testid="invoice-amount"
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 5, xs: 3 }}>
                    <NumberInput
                      size="xs"
                      label={t('declarations.actions.vatRate')}
                      value={invoices[i]?.vatRatePct ?? ''}
                      onChange={(v) => setInvoice(i, { vatRatePct: typeof v === 'number' ? v : '' })}
                      error={errors[`vatInvoices.${i}.vatRatePct`]}
                      min={0}
                      max={17}
                      decimalScale={2}
                      suffix=" %"
                      hideControls
                      data-testid="invoice-vat-rate"
                    />
                  </Grid.Col>
                </Grid>
              </Paper>
            ))}
            <Text fz="xs" c="dimmed">
              {t('declarations.actions.invoicesHint')}
            </Text>
          </Stack>
        )}
        <Textarea
          label={needsReason ? t('declarations.actions.reason') : t('declarations.actions.note')}
          description={needsReason ? undefined : t('declarations.form.optional')}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setErrors((c) => ({ ...c, note: undefined }));
          }}
          error={errors.note}
          autosize
          minRows={2}
          maxLength={500}
          data-testid="move-note"
        />
        {summary.length > 0 && (
          <List size="sm" c="red.9" role="alert" data-testid="move-problems">
            {summary.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        )}
        {summary.length === 0 && !Object.values(errors).some(Boolean) && (
          <FormError error={move.error} testId="move-error" />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('forms.back')}
          </Button>
          <Button
            type="submit"
            loading={move.isPending}
            color={REFUSALS.includes(to) ? 'red.9' : undefined}
            data-testid="move-submit"
          >
            {t(`declarations.actions.${to}.submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
