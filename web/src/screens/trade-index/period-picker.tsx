import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndexCoverage, IndexPeriod } from '../../api/index-queries';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

type Props = { period: IndexPeriod; coverage?: IndexCoverage; onChange: (period: IndexPeriod) => void };

/** From and to months; the report compares them with the same months a year earlier. */
export const PeriodPicker = ({ period, coverage, onChange }: Props) => {
  const { t } = useTranslation();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
  }, [period.from, period.to]);

  const fromError = monthPattern.test(from) ? null : t('tradeIndex.monthInvalid');
  const toError = !monthPattern.test(to)
    ? t('tradeIndex.monthInvalid')
    : !fromError && from > to
      ? t('tradeIndex.toBeforeFrom')
      : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!fromError && !toError) onChange({ from, to });
  };
  const limits = { min: coverage?.firstMonth ?? undefined, max: coverage?.lastMonth ?? undefined };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput
          type="month"
          label={t('tradeIndex.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={fromError}
          {...limits}
          w={170}
        />
        <TextInput
          type="month"
          label={t('tradeIndex.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={toError}
          {...limits}
          w={170}
        />
        <Button type="submit" mt={25} disabled={Boolean(fromError || toError)}>
          {t('tradeIndex.show')}
        </Button>
      </Group>
    </form>
  );
};
