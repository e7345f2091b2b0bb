import {
  Anchor,
  Button,
  Card,
  Container,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkPayoutPaid, usePayouts } from '../../api/payment-queries';
import { useCompany } from '../../api/queries';
import type { Payout } from '../../api/types';
import { useIdempotencyKey } from '../../api/use-idempotency-key';
import { DialogButton } from '../../components/dialog-button';
import { FormError } from '../../components/form-error';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { PayoutStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';

export const PayoutsScreen = () => <SignedInGate>{(me) => <PayoutsView me={me} />}</SignedInGate>;

const PayoutsView = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const kind = me.company.kind;
  const operator = kind === 'operator';
  const allowed = operator || kind === 'supplier';
  const payouts = usePayouts(allowed);
  useDocumentTitle(t('payouts.title'));

  if (!allowed) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('payouts.title')}
        </Title>
        <Text mt="sm">{t('payouts.notForKind')}</Text>
      </Container>
    );
  }

  const items = payouts.data?.items ?? [];
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('payouts.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {operator ? t('payouts.subtitleOperator') : t('payouts.subtitleSupplier')}
          </Text>
        </div>
        {payouts.isError && <QueryError error={payouts.error} onRetry={() => payouts.refetch()} />}
        {payouts.isPending && <Skeleton height={160} aria-busy="true" />}
        {payouts.data && !operator && (
          <section aria-labelledby="payable">
            <Title order={2} fz="h4" id="payable" mb="sm">
              {t('payouts.payable')}
            </Title>
            {payouts.data.payable.length === 0 ? (
              <Text c="dimmed" fz="sm" data-testid="payable-none">
                {t('payouts.payableNone')}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
                {payouts.data.payable.map((account) => (
                  <Card
                    key={account.accountId}
                    withBorder
                    padding="md"
                    bg="lane.0"
                    data-testid="payable-balance"
                  >
                    <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                      {format.currencyName(account.balance.currency)}
                    </Text>
                    <Text fz={24} fw={800} c="lane.8">
                      {format.money(account.balance)}
                    </Text>
                  </Card>
                ))}
              </SimpleGrid>
            )}
            <Text fz="xs" c="dimmed" mt="xs">
              {t('payouts.payableHint')}
            </Text>
          </section>
        )}
        {payouts.data && (
          <section aria-labelledby="payout-list">
            <Title order={2} fz="h4" id="payout-list" mb="sm">
              {operator ? t('payouts.listOperator') : t('payouts.list')}
            </Title>
            {items.length === 0 ? (
              <Card withBorder padding="xl" data-testid="payouts-empty">
                <Text ta="center" c="dimmed">
                  {operator ? t('payouts.emptyOperator') : t('payouts.empty')}
                </Text>
              </Card>
            ) : (
              <Card withBorder padding={0}>
                <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {items.map((payout, i) => (
                    <li
                      key={payout.id}
                      style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
                    >
                      <PayoutRow payout={payout} operator={operator} />
                    </li>
                  ))}
                </Stack>
              </Card>
            )}
          </section>
        )}
      </Stack>
    </Container>
  );
};

const PayoutRow = ({ payout, operator }: { payout: Payout; operator: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group
      justify="space-between"
      align="flex-start"
      gap="sm"
      p="md"
      data-testid="payout-row"
      data-order-id={payout.orderId}
      data-status={payout.status}
    >
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
        <Text fw={700} fz="lg">
          {format.money(payout.amount)}
        </Text>
        {operator && <SupplierName id={payout.supplierId} />}
        <Text fz="sm" c="dimmed">
          <Anchor
            component={Link}
            to={`/orders/${payout.orderId}`}
            fz="sm"
            style={{ overflowWrap: 'anywhere' }}
          >
            {t('payouts.forOrder', { id: payout.orderId })}
          </Anchor>
        </Text>
        <Text fz="xs" c="dimmed">
          {t('payouts.scheduledOn', { date: format.dateTime(payout.createdAt) })}
        </Text>
      </Stack>
      <Stack gap={6} align="flex-end">
        <PayoutStatusBadge status={payout.status} />
        {payout.paidAt && (
          <Text fz="xs" c="dimmed" ta="right">
            {t('payouts.paidOn', { date: format.dateTime(payout.paidAt) })}
          </Text>
        )}
        {payout.bankReference && (
          <Text fz="xs" ff="monospace" ta="right" data-testid="payout-bank-reference">
            {payout.bankReference}
          </Text>
        )}
        {operator && payout.status === 'scheduled' && <MarkPaidButton payout={payout} />}
      </Stack>
    </Group>
  );
};

/** The supplier's name for the operator's list; the payout carries only its id. */
const SupplierName = ({ id }: { id: string }) => {
  const company = useCompany(id);
  return (
    <Anchor component={Link} to={`/suppliers/${id}`} fz="sm" fw={600}>
      {company.data?.name ?? id}
    </Anchor>
  );
};

const MarkPaidButton = ({ payout }: { payout: Payout }) => {
  const { t } = useTranslation();
  return (
    <DialogButton
      label={t('payouts.markPaid')}
      title={t('payouts.markPaidTitle')}
      size="xs"
      data-testid="mark-paid"
    >
      {(close) => <MarkPaidForm payout={payout} onDone={close} />}
    </DialogButton>
  );
};

const MarkPaidForm = ({ payout, onDone }: { payout: Payout; onDone: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const intent = useIdempotencyKey();
  const markPaid = useMarkPayoutPaid();
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reference.trim()) {
      setError(t('forms.required'));
      return;
    }
    markPaid.mutate(
      { payoutId: payout.id, bankReference: reference.trim(), idempotencyKey: intent.key },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="mark-paid-form">
      <Stack gap="sm">
        <Text fz="sm">{t('payouts.markPaidBody', { amount: format.money(payout.amount) })}</Text>
        <FormError error={markPaid.error} />
        <TextInput
          label={t('payouts.bankReference')}
          required
          maxLength={100}
          value={reference}
          onChange={(event) => {
            setReference(event.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('forms.back')}
          </Button>
          <Button type="submit" loading={markPaid.isPending} data-testid="mark-paid-submit">
            {t('payouts.markPaid')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
