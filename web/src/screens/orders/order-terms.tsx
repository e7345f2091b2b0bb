import { Grid, Group, NumberInput, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { issuesByField } from '../../api/field-errors';
import type { BalanceDue, Coverage, Money, OrderTermsInput } from '../../api/types';
import { useFormat } from '../../format/use-format';

type ShipMode = 'days' | 'date';
export type TermsErrors = Partial<
  Record<'depositPercent' | 'days' | 'date' | 'coverage' | 'qualityTerms', string>
>;

const today = () => new Date().toISOString().slice(0, 10);

/** The deposit as the server rounds it (half up, in minor units); the balance is the rest. */
export const splitTotal = (total: Money, depositPercent: number) => {
  const deposit = (BigInt(total.amount) * BigInt(depositPercent) + 50n) / 100n;
  return {
    deposit: { amount: deposit.toString(), currency: total.currency },
    balance: { amount: (BigInt(total.amount) - deposit).toString(), currency: total.currency },
  };
};

/**
 * The terms an order is placed on, with the defaults most deals use: 30 %
 * deposit, the balance before shipment, shipping the quoted lead time after
 * the deposit, and the whole order protected until after delivery.
 */
export const useOrderTerms = ({ leadTimeDays }: { leadTimeDays: number }) => {
  const { t } = useTranslation();
  const [depositPercent, setDepositPercent] = useState<number | ''>(30);
  const [balanceDue, setBalanceDue] = useState<BalanceDue>('before_shipment');
  const [shipMode, setShipMode] = useState<ShipMode>('days');
  const [days, setDays] = useState<number | ''>(Math.min(365, Math.max(1, leadTimeDays)));
  const [date, setDate] = useState('');
  const [coverage, setCoverage] = useState<Coverage>('post_delivery');
  const [qualityTerms, setQualityTerms] = useState('');
  const [errors, setErrors] = useState<TermsErrors>({});

  /** The terms to send, or null with the errors shown next to their fields. */
  const check = (): OrderTermsInput | null => {
    const next: TermsErrors = {};
    if (
      depositPercent === '' ||
      !Number.isInteger(depositPercent) ||
      depositPercent < 0 ||
      depositPercent > 100
    )
      next.depositPercent = t('orderTerms.errors.deposit');
    if (shipMode === 'days' && (days === '' || !Number.isInteger(days) || days < 1 || days > 365))
      next.days = t('orderTerms.errors.days');
    if (shipMode === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) next.date = t('orderTerms.errors.date');
    else if (shipMode === 'date' && date < today()) next.date = t('orderTerms.errors.datePast');
    if (coverage === 'pre_shipment' && depositPercent === 0) next.coverage = t('orderTerms.errors.coverage');
    if (qualityTerms.length > 5000) next.qualityTerms = t('forms.tooLong', { max: 5000 });
    setErrors(next);
    if (Object.values(next).some(Boolean)) return null;
    return {
      paymentTerms: { depositPercent: depositPercent as number, balanceDue },
      shipBy: shipMode === 'days' ? { daysAfterDeposit: days as number } : { date },
      coverage,
      qualityTerms: qualityTerms.trim(),
    };
  };

  return {
    values: { depositPercent, balanceDue, shipMode, days, date, coverage, qualityTerms },
    set: {
      depositPercent: setDepositPercent,
      balanceDue: setBalanceDue,
      shipMode: setShipMode,
      days: setDays,
      date: setDate,
      coverage: setCoverage,
      qualityTerms: setQualityTerms,
    },
    errors,
    setErrors,
    check,
  };
};

export type OrderTerms = ReturnType<typeof useOrderTerms>;

const toNumber = (value: string | number): number | '' =>
  typeof value === 'number' ? value : value === '' ? '' : Number(value);

/** Deposit, balance timing, ship-by, coverage and quality terms, with the payment split for `total`. */
export const OrderTermsFields = ({ terms, total }: { terms: OrderTerms; total: Money | null }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const { values, set, errors, setErrors } = terms;
  const clear = (field: keyof TermsErrors) => setErrors((e) => ({ ...e, [field]: undefined }));
  const split =
    total &&
    typeof values.depositPercent === 'number' &&
    values.depositPercent >= 0 &&
    values.depositPercent <= 100
      ? splitTotal(total, Math.floor(values.depositPercent))
      : null;

  return (
    <Stack gap="md">
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <NumberInput
            label={t('orderTerms.deposit')}
            description={t('orderTerms.depositHint')}
            min={0}
            max={100}
            suffix=" %"
            allowDecimal={false}
            allowNegative={false}
            value={values.depositPercent}
            onChange={(value) => {
              set.depositPercent(toNumber(value));
              clear('depositPercent');
            }}
            error={errors.depositPercent}
            data-testid="deposit-percent"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Radio.Group
            label={t('orderTerms.balanceDue')}
            value={values.balanceDue}
            onChange={(value) => set.balanceDue(value as BalanceDue)}
          >
            <Stack gap={6} mt={6}>
              <Radio value="before_shipment" label={t('orderTerms.balance.before_shipment')} />
              <Radio value="after_receipt" label={t('orderTerms.balance.after_receipt')} />
            </Stack>
          </Radio.Group>
        </Grid.Col>
      </Grid>
      {split && total && (
        <Text fz="sm" c="dimmed" data-testid="terms-split">
          {t(`orderTerms.split.${values.balanceDue}`, {
            total: format.money(total),
            deposit: format.money(split.deposit),
            balance: format.money(split.balance),
          })}
        </Text>
      )}
      <Radio.Group
        label={t('orderTerms.shipBy')}
        value={values.shipMode}
        onChange={(value) => set.shipMode(value as ShipMode)}
      >
        <Stack gap="xs" mt={6}>
          <Group gap="sm" align="center" wrap="wrap">
            <Radio value="days" label={t('orderTerms.shipDays')} />
            <NumberInput
              aria-label={t('orderTerms.shipDaysLabel')}
              min={1}
              max={365}
              w={110}
              allowDecimal={false}
              allowNegative={false}
              disabled={values.shipMode !== 'days'}
              value={values.days}
              onChange={(value) => {
                set.days(toNumber(value));
                clear('days');
              }}
              error={errors.days}
            />
          </Group>
          <Group gap="sm" align="center" wrap="wrap">
            <Radio value="date" label={t('orderTerms.shipDate')} />
            <TextInput
              type="date"
              aria-label={t('orderTerms.shipDateLabel')}
              min={today()}
              w={170}
              disabled={values.shipMode !== 'date'}
              value={values.date}
              onChange={(event) => {
                set.date(event.currentTarget.value);
                clear('date');
              }}
              error={errors.date}
            />
          </Group>
        </Stack>
      </Radio.Group>
      <Radio.Group
        label={t('orderTerms.coverage')}
        value={values.coverage}
        onChange={(value) => {
          set.coverage(value as Coverage);
          clear('coverage');
        }}
        error={errors.coverage}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="post_delivery"
            label={t('orderTerms.coverageOption.post_delivery')}
            description={t('orderTerms.coverageHint.post_delivery')}
          />
          <Radio
            value="pre_shipment"
            label={t('orderTerms.coverageOption.pre_shipment')}
            description={t('orderTerms.coverageHint.pre_shipment')}
          />
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('orderTerms.quality')}
        description={t('orderTerms.qualityHint')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={5000}
        value={values.qualityTerms}
        onChange={(event) => {
          set.qualityTerms(event.currentTarget.value);
          clear('qualityTerms');
        }}
        error={errors.qualityTerms}
      />
    </Stack>
  );
};

/** Puts the server's field problems (schema issues or a rule's `details.field`) next to the fields. */
export const showServerIssues = (terms: OrderTerms, error: unknown): boolean => {
  const byField = issuesByField(error, () => true);
  const field = ruleField(error);
  if (field) byField[field] = error instanceof ApiError ? error.message : '';
  const mapped: TermsErrors = {};
  for (const [key, message] of Object.entries(byField)) {
    const target: keyof TermsErrors | null = key.startsWith('paymentTerms')
      ? 'depositPercent'
      : key.startsWith('shipBy.date')
        ? 'date'
        : key.startsWith('shipBy')
          ? 'days'
          : key === 'coverage' || key === 'qualityTerms'
            ? key
            : null;
    if (target) mapped[target] = message;
  }
  terms.setErrors(mapped);
  return Object.keys(mapped).length > 0;
};

const ruleField = (error: unknown): string | null => {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return null;
  const field = (error.details as { field?: unknown } | null)?.field;
  return typeof field === 'string' ? field : null;
};
