import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelOrder, useRefundOrder, useShipOrder } from '../../api/order-queries';
import type { Order } from '../../api/types';
import { useIdempotencyKey } from '../../api/use-idempotency-key';
import { DialogButton } from '../../components/dialog-button';
import { FormError } from '../../components/form-error';
import { toMinorUnits } from '../../format/money';
import { useFormat } from '../../format/use-format';

/** The supplier ships, with the carrier and tracking number when there are some. */
export const ShipOrderButton = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  return (
    <DialogButton
      label={t('orderActions.ship.label')}
      title={t('orderActions.ship.title')}
      data-testid="action-ship"
    >
      {(close) => <ShipForm order={order} onDone={close} />}
    </DialogButton>
  );
};

const ShipForm = ({ order, onDone }: { order: Order; onDone: () => void }) => {
  const { t } = useTranslation();
  const ship = useShipOrder(order.id);
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ship.mutate(
      { carrier: carrier.trim() || null, trackingNumber: tracking.trim() || null },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="ship-form">
      <Stack gap="sm">
        <Text fz="sm">{t('orderActions.ship.body')}</Text>
        <FormError error={ship.error} />
        <TextInput
          label={t('orderActions.ship.carrier')}
          value={carrier}
          maxLength={100}
          onChange={(event) => setCarrier(event.currentTarget.value)}
          data-autofocus
        />
        <TextInput
          label={t('orderActions.ship.tracking')}
          description={t('orderActions.ship.trackingHint')}
          value={tracking}
          maxLength={100}
          onChange={(event) => setTracking(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('forms.back')}
          </Button>
          <Button type="submit" loading={ship.isPending} data-testid="ship-submit">
            {t('orderActions.ship.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** Either side cancels with a reason; whatever escrow holds goes back to the buyer. */
export const CancelOrderButton = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  return (
    <DialogButton
      label={t('orderActions.cancel.label')}
      title={t('orderActions.cancel.title')}
      variant="subtle"
      color="red.9"
      c="red.9"
      data-testid="action-cancel"
    >
      {(close) => <CancelForm order={order} onDone={close} />}
    </DialogButton>
  );
};

const CancelForm = ({ order, onDone }: { order: Order; onDone: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const intent = useIdempotencyKey();
  const cancel = useCancelOrder(order.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('forms.required'));
      return;
    }
    cancel.mutate({ reason: reason.trim(), idempotencyKey: intent.key }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="cancel-form">
      <Stack gap="sm">
        <Text fz="sm">
          {BigInt(order.escrow.held.amount) > 0n
            ? t('orderActions.cancel.bodyRefund', { amount: format.money(order.escrow.held) })
            : t('orderActions.cancel.body')}
        </Text>
        <FormError error={cancel.error} />
        <Textarea
          label={t('orderActions.cancel.reason')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('forms.back')}
          </Button>
          <Button type="submit" color="red.9" loading={cancel.isPending} data-testid="cancel-submit">
            {t('orderActions.cancel.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** The supplier (or the operator) gives money back from escrow, at most what it holds. */
export const RefundOrderButton = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  return (
    <DialogButton
      label={t('orderActions.refund.label')}
      title={t('orderActions.refund.title')}
      variant="default"
      data-testid="action-refund"
    >
      {(close) => <RefundForm order={order} onDone={close} />}
    </DialogButton>
  );
};

const RefundForm = ({ order, onDone }: { order: Order; onDone: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const intent = useIdempotencyKey();
  const refund = useRefundOrder(order.id);
  const held = order.escrow.held;
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minor = toMinorUnits(amount, order.currency);
    const next: typeof errors = {};
    if (minor === null) next.amount = t('forms.amount');
    else if (BigInt(minor) === 0n) next.amount = t('forms.positive');
    else if (BigInt(minor) > BigInt(held.amount))
      next.amount = t('orderActions.refund.tooMuch', { held: format.money(held) });
    if (!reason.trim()) next.reason = t('forms.required');
    setErrors(next);
    if (next.amount || next.reason || minor === null) return;
    refund.mutate(
      { amount: minor, reason: reason.trim(), idempotencyKey: intent.key },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="refund-form">
      <Stack gap="sm">
        <Text fz="sm">{t('orderActions.refund.body', { held: format.money(held) })}</Text>
        <FormError error={refund.error} />
        <TextInput
          label={t('orderActions.refund.amount', { currency: order.currency })}
          inputMode="decimal"
          value={amount}
          onChange={(event) => {
            setAmount(event.currentTarget.value);
            setErrors((e) => ({ ...e, amount: undefined }));
          }}
          error={errors.amount}
          data-autofocus
        />
        <Textarea
          label={t('orderActions.refund.reason')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setErrors((e) => ({ ...e, reason: undefined }));
          }}
          error={errors.reason}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('forms.back')}
          </Button>
          <Button type="submit" loading={refund.isPending} data-testid="refund-submit">
            {t('orderActions.refund.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
