import { Alert, Badge, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { usePayDue } from '../../api/order-queries';
import type { Due, Money, Order } from '../../api/types';
import { useIdempotencyKey } from '../../api/use-idempotency-key';
import { DialogButton } from '../../components/dialog-button';
import { FormError } from '../../components/form-error';
import { useFormat } from '../../format/use-format';

/** The sandbox provider's test tokens (src/modules/payments/provider.ts): each decides the outcome. */
const TEST_CARDS = ['tok_sandbox_ok', 'tok_sandbox_declined', 'tok_sandbox_capture_fails'] as const;
const REASONS = ['card_declined', 'capture_failed', 'unknown_token', 'amount_invalid'];

/**
 * Paying a due by card through the SANDBOX provider: for trying the flow in
 * development and demos. No card is charged and no real money moves.
 */
export const SandboxPayButton = ({
  order,
  due,
  outstanding,
}: {
  order: Order;
  due: Due;
  outstanding: Money;
}) => {
  const { t } = useTranslation();
  return (
    <DialogButton
      label={t('sandbox.button')}
      title={t('sandbox.title')}
      variant="light"
      data-testid="sandbox-pay"
    >
      {(close) => <SandboxPayForm order={order} due={due} outstanding={outstanding} onDone={close} />}
    </DialogButton>
  );
};

const SandboxPayForm = ({
  order,
  due,
  outstanding,
  onDone,
}: {
  order: Order;
  due: Due;
  outstanding: Money;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  // One intent per dialog: a retry after a decline or a lost answer reuses the key, so nothing is paid twice.
  const intent = useIdempotencyKey();
  const pay = usePayDue(order.id);
  const [token, setToken] = useState<string>(TEST_CARDS[0]);
  const reason =
    pay.error instanceof ApiError ? (pay.error.details as { reason?: unknown } | null)?.reason : null;
  const knownReason = typeof reason === 'string' && REASONS.includes(reason) ? reason : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    pay.mutate({ dueId: due.id, token, idempotencyKey: intent.key }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="sandbox-form">
      <Stack gap="sm">
        <Alert
          color="yellow"
          title={
            <Badge color="yellow.9" radius="sm">
              {t('sandbox.badge')}
            </Badge>
          }
          role="note"
        >
          {t('sandbox.warning')}
        </Alert>
        <Text fz="sm">
          {t('sandbox.paying', {
            amount: format.money(outstanding),
            kind: t(`payments.kindShort.${due.kind}`),
            reference: due.reference,
          })}
        </Text>
        <Radio.Group label={t('sandbox.card')} value={token} onChange={setToken}>
          <Stack gap={6} mt={6}>
            {TEST_CARDS.map((card) => (
              <Radio key={card} value={card} label={t(`sandbox.cards.${card}`)} description={card} />
            ))}
          </Stack>
        </Radio.Group>
        {pay.isError &&
          (knownReason ? (
            <Alert color="red" role="alert" data-testid="sandbox-error">
              {t(`sandbox.reasons.${knownReason}`)}
            </Alert>
          ) : (
            <FormError error={pay.error} testId="sandbox-error" />
          ))}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('forms.back')}
          </Button>
          <Button type="submit" loading={pay.isPending} data-testid="sandbox-submit">
            {t('sandbox.submit', { amount: format.money(outstanding) })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
