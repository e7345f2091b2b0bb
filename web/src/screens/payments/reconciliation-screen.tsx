import {
  Anchor,
  Button,
  Card,
  Container,
  Group,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type QueueResolution, useReconciliation, useResolvePayment } from '../../api/payment-queries';
import type { IncomingPayment } from '../../api/types';
import { useIdempotencyKey } from '../../api/use-idempotency-key';
import { DialogButton } from '../../components/dialog-button';
import { type Fact, FactList } from '../../components/fact-list';
import { FormError } from '../../components/form-error';
import { OperatorOnly } from '../../components/operator-only';
import { QueryError } from '../../components/query-error';
import { SignedInGate } from '../../components/signed-in-gate';
import { IncomingStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { StatementUpload } from './statement-upload';

export const ReconciliationScreen = () => (
  <SignedInGate>
    {(me) =>
      me.company.kind === 'operator' ? <Reconciliation /> : <OperatorOnly title="reconciliation.title" />
    }
  </SignedInGate>
);

const Reconciliation = () => {
  const { t } = useTranslation();
  const queue = useReconciliation();
  useDocumentTitle(t('reconciliation.title'));
  const items = queue.data?.items ?? [];
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('reconciliation.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('reconciliation.subtitle')}
          </Text>
        </div>
        <StatementUpload />
        <section aria-labelledby="queue">
          <Title order={2} fz="h4" id="queue" mb="sm">
            {t('reconciliation.queue.title')}
          </Title>
          {queue.isError && <QueryError error={queue.error} onRetry={() => queue.refetch()} />}
          {queue.isPending && <Skeleton height={120} aria-busy="true" />}
          {queue.data && items.length === 0 && (
            <Card withBorder padding="xl" data-testid="queue-empty">
              <Text ta="center" c="dimmed">
                {t('reconciliation.queue.empty')}
              </Text>
            </Card>
          )}
          {items.length > 0 && (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((payment) => (
                <li key={payment.id}>
                  <QueuedPayment payment={payment} />
                </li>
              ))}
            </Stack>
          )}
        </section>
      </Stack>
    </Container>
  );
};

/** One wire the matcher could not settle alone, with what the operator can do about it. */
const QueuedPayment = ({ payment }: { payment: IncomingPayment }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const facts: Fact[] = [
    { label: t('reconciliation.columns.bookedOn'), value: format.day(payment.bookedOn) },
    {
      label: t('reconciliation.columns.payer'),
      value: payment.counterpartyName ?? payment.counterpartyAccount ?? t('common.notStated'),
    },
    {
      label: t('reconciliation.columns.bankReference'),
      value: payment.bankReference ?? t('common.notStated'),
    },
  ];
  if (payment.applied)
    facts.push({ label: t('reconciliation.columns.applied'), value: format.money(payment.applied) });
  if (payment.orderId)
    facts.push({
      label: t('reconciliation.columns.order'),
      value: (
        <Anchor component={Link} to={`/orders/${payment.orderId}`} fz="sm">
          {t('reconciliation.openOrder')}
        </Anchor>
      ),
    });
  return (
    <Card withBorder padding="md" data-testid="queued-payment" data-status={payment.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
            <Group gap="sm">
              <Text fw={800} fz="lg">
                {format.money(payment.amount)}
              </Text>
              <IncomingStatusBadge status={payment.status} />
            </Group>
            <Text fz="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {payment.remittance || t('reconciliation.noRemittance')}
            </Text>
            <Text fz="sm">{t(`reconciliation.why.${payment.status}`, { defaultValue: '' })}</Text>
            {payment.note && (
              <Text fz="xs" c="dimmed">
                {payment.note}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            {payment.status === 'unmatched' && <ResolveButton payment={payment} action="assign" />}
            {(payment.status === 'unmatched' || payment.status === 'overpaid') && (
              <ResolveButton payment={payment} action="return" />
            )}
            {payment.status === 'partial' && <ResolveButton payment={payment} action="dismiss" />}
          </Group>
        </Group>
        <FactList facts={facts} cols={{ base: 2, sm: 4 }} />
      </Stack>
    </Card>
  );
};

type Action = QueueResolution['action'];

const ResolveButton = ({ payment, action }: { payment: IncomingPayment; action: Action }) => {
  const { t } = useTranslation();
  const label = t(`reconciliation.actions.${action}.${payment.status === 'overpaid' ? 'excess' : 'label'}`, {
    defaultValue: t(`reconciliation.actions.${action}.label`),
  });
  return (
    <DialogButton
      label={label}
      title={t(`reconciliation.actions.${action}.title`)}
      size="xs"
      variant={action === 'assign' ? 'filled' : 'default'}
      data-testid={`queue-${action}`}
    >
      {(close) => <ResolveForm payment={payment} action={action} onDone={close} />}
    </DialogButton>
  );
};

const ResolveForm = ({
  payment,
  action,
  onDone,
}: {
  payment: IncomingPayment;
  action: Action;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const intent = useIdempotencyKey();
  const resolve = useResolvePayment();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = value.trim();
    if (action === 'assign' && !/^[A-Za-z0-9-]{4,40}$/.test(text)) {
      setError(t('reconciliation.actions.assign.invalid'));
      return;
    }
    if (!text) {
      setError(t('forms.required'));
      return;
    }
    const resolution: QueueResolution =
      action === 'assign' ? { action, reference: text } : { action, note: text };
    resolve.mutate({ paymentId: payment.id, resolution, idempotencyKey: intent.key }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate data-testid={`${action}-form`}>
      <Stack gap="sm">
        <Text fz="sm">
          {t(`reconciliation.actions.${action}.body`, { amount: format.money(payment.amount) })}
        </Text>
        <FormError error={resolve.error} />
        {action === 'assign' ? (
          <TextInput
            label={t('reconciliation.actions.assign.reference')}
            placeholder="TL-XXXX-XXXX"
            value={value}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            ff="monospace"
            data-autofocus
          />
        ) : (
          <Textarea
            label={t('reconciliation.actions.note')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={value}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            data-autofocus
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('forms.back')}
          </Button>
          <Button type="submit" loading={resolve.isPending} data-testid={`${action}-submit`}>
            {t(`reconciliation.actions.${action}.submit`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
