import { Alert, Button, Grid, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issuesByField, validationIssues } from '../../api/field-errors';
import { useCounterQuote } from '../../api/queries';
import type { Quote } from '../../api/types';
import { FormError } from '../../components/form-error';
import { toMinorUnits } from '../../format/money';

type Errors = Partial<Record<'targetUnitPrice' | 'quantity' | 'leadTimeDays' | 'message' | '', string>>;
const FIELDS = ['targetUnitPrice', 'quantity', 'leadTimeDays', 'message'];

/** The buyer asks for a better price, another quantity or a shorter lead time. */
export const CounterForm = ({ quote, onDone }: { quote: Quote; onDone?: () => void }) => {
  const { t } = useTranslation();
  const counter = useCounterQuote(quote.id);
  const currency = quote.offer.currency;
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState<number | ''>('');
  const [leadTime, setLeadTime] = useState<number | ''>('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    let targetUnitPrice: string | null = null;
    if (price.trim()) {
      targetUnitPrice = toMinorUnits(price, currency);
      if (targetUnitPrice === null) next.targetUnitPrice = t('forms.amount');
      else if (BigInt(targetUnitPrice) === 0n) next.targetUnitPrice = t('forms.positive');
    }
    if (quantity !== '' && (!Number.isInteger(quantity) || quantity < 1))
      next.quantity = t('forms.wholeNumber');
    if (leadTime !== '' && (!Number.isInteger(leadTime) || leadTime < 0 || leadTime > 365))
      next.leadTimeDays = t('quoteForm.errors.leadTime');
    if (!price.trim() && quantity === '' && leadTime === '') next[''] = t('counter.errors.nothing');
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    counter.mutate(
      {
        targetUnitPrice,
        quantity: quantity === '' ? null : quantity,
        leadTimeDays: leadTime === '' ? null : leadTime,
        message: message.trim(),
      },
      {
        onSuccess: () => {
          setPrice('');
          setQuantity('');
          setLeadTime('');
          setMessage('');
          onDone?.();
        },
        onError: (error) => {
          const byField = issuesByField(error, (key) => FIELDS.includes(key));
          const mapped: Errors = {};
          for (const [key, text] of Object.entries(byField))
            mapped[key as keyof Errors] = t('forms.serverIssue', { message: text });
          setErrors(mapped);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('counter.title')} data-testid="counter-form">
      <Stack gap="sm">
        {counter.isError && validationIssues(counter.error).length === 0 && (
          <FormError error={counter.error} />
        )}
        {errors[''] && (
          <Alert color="red" role="alert">
            {errors['']}
          </Alert>
        )}
        <Grid gutter="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('counter.targetPrice', { currency })}
              inputMode="decimal"
              value={price}
              onChange={(event) => {
                setPrice(event.currentTarget.value);
                setErrors((e) => ({ ...e, targetUnitPrice: undefined, '': undefined }));
              }}
              error={errors.targetUnitPrice}
              data-testid="counter-price"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <NumberInput
              label={t('counter.quantity')}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={false}
              value={quantity}
              onChange={(value) => {
                setQuantity(typeof value === 'number' ? value : value === '' ? '' : Number(value));
                setErrors((e) => ({ ...e, quantity: undefined, '': undefined }));
              }}
              error={errors.quantity}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <NumberInput
              label={t('counter.leadTime')}
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              value={leadTime}
              onChange={(value) => {
                setLeadTime(typeof value === 'number' ? value : value === '' ? '' : Number(value));
                setErrors((e) => ({ ...e, leadTimeDays: undefined, '': undefined }));
              }}
              error={errors.leadTimeDays}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('counter.message')}
              autosize
              minRows={2}
              maxRows={8}
              value={message}
              onChange={(event) => setMessage(event.currentTarget.value)}
              error={errors.message}
              maxLength={5000}
            />
          </Grid.Col>
        </Grid>
        <div>
          <Button type="submit" loading={counter.isPending} data-testid="send-counter">
            {t('counter.send')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
