import { Badge, Card, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePaymentInstructions } from '../../api/payment-queries';
import type { Due, Money, Order } from '../../api/types';
import { CopyValue } from '../../components/copy-value';
import { type Fact, FactList } from '../../components/fact-list';
import { DueStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';
import { splitTotal } from './order-terms';
import { SandboxPayButton } from './sandbox-pay';

const minus = (a: Money, b: Money): Money => ({
  amount: (BigInt(a.amount) - BigInt(b.amount)).toString(),
  currency: a.currency,
});

/** The due the order is waiting for right now, if any: its timers run on it. */
const dueNow = (order: Order): Due | undefined => {
  const open = (kind: Due['kind']) => order.dues.find((d) => d.kind === kind && d.status === 'open');
  if (order.status === 'awaiting_deposit') return open('deposit');
  if (order.status === 'awaiting_balance') return open('balance');
  if (
    order.paymentTerms.balanceDue === 'after_receipt' &&
    ['received', 'delivered', 'shipped'].includes(order.status)
  )
    return open('balance');
  return undefined;
};

/** The order's dues: amounts, reference codes, and for the buyer how to pay them. */
export const OrderPayments = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const canPay = order.viewer.role === 'buyer' && order.viewer.actions.includes('pay');
  const instructions = usePaymentInstructions(order.id, canPay);
  const current = dueNow(order);

  if (order.dues.length === 0) {
    const split = splitTotal(order.total, order.paymentTerms.depositPercent);
    return (
      <Card withBorder padding="lg" component="section" aria-labelledby="order-payments">
        <Title order={2} fz="h4" id="order-payments" mb="xs">
          {t('payments.title')}
        </Title>
        <Text fz="sm" c="dimmed" data-testid="payments-pending">
          {order.status === 'awaiting_confirmation'
            ? t('payments.afterConfirmation', {
                deposit: format.money(split.deposit),
                balance: format.money(split.balance),
              })
            : t('payments.none')}
        </Text>
      </Card>
    );
  }

  const bank = instructions.data?.beneficiary;
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="order-payments"
      data-testid="order-payments"
    >
      <Title order={2} fz="h4" id="order-payments" mb="sm">
        {t('payments.title')}
      </Title>
      <Stack gap="md">
        {order.dues.map((due) => (
          <DueCard key={due.id} order={order} due={due} current={due.id === current?.id} canPay={canPay} />
        ))}
        {canPay && bank && (
          <Paper withBorder p="md" radius="md" bg="gray.0" data-testid="bank-instructions">
            <Text fw={700} fz="sm" mb="xs">
              {t('payments.bank.title')}
            </Text>
            <FactList
              cols={{ base: 1, sm: 2 }}
              facts={[
                { label: t('payments.bank.beneficiary'), value: bank.name },
                { label: t('payments.bank.bank'), value: bank.bank },
                {
                  label: t('payments.bank.iban'),
                  value: <CopyValue value={bank.iban} label="IBAN" fw={500} fz="sm" />,
                },
                { label: t('payments.bank.bic'), value: bank.bic },
              ]}
            />
            <Text fz="xs" c="dimmed" mt="sm">
              {t('payments.bank.note', { currency: format.currencyName(order.currency) })}
            </Text>
          </Paper>
        )}
      </Stack>
    </Card>
  );
};

const DueCard = ({
  order,
  due,
  current,
  canPay,
}: {
  order: Order;
  due: Due;
  current: boolean;
  canPay: boolean;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const outstanding = minus(due.amount, due.paid);
  const share =
    due.kind === 'deposit' ? order.paymentTerms.depositPercent : 100 - order.paymentTerms.depositPercent;
  const facts: Fact[] = [
    { label: t('payments.amount'), value: format.money(due.amount) },
    { label: t('payments.paid'), value: format.money(due.paid) },
  ];
  if (due.status === 'open')
    facts.push({ label: t('payments.outstanding'), value: <strong>{format.money(outstanding)}</strong> });
  if (due.paidAt) facts.push({ label: t('payments.paidOn'), value: format.dateTime(due.paidAt) });
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      data-testid="due"
      data-kind={due.kind}
      data-status={due.status}
      style={current ? { borderColor: 'var(--mantine-color-orange-7)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" gap="xs" mb="xs">
        <Group gap="xs">
          <Text fw={700}>
            {t(`payments.kind.${due.kind}`, {
              percent: share,
              when: t(`payments.when.${order.paymentTerms.balanceDue}`),
            })}
          </Text>
          {current && (
            <Badge color="orange.9" variant="light" radius="sm" tt="none">
              {t('payments.dueNow')}
            </Badge>
          )}
        </Group>
        <DueStatusBadge status={due.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <FactList facts={facts} cols={2} />
        <Stack gap={2}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.02em' }}>
            {t('payments.reference')}
          </Text>
          <CopyValue value={due.reference} label={t('payments.reference')} fz="xl" testId="due-reference" />
          {due.status === 'open' && (
            <Text fz="xs" c="dimmed">
              {t('payments.referenceHint')}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
      {/* Minor units, for tools and tests that need the exact figure rather than its formatting. */}
      <span
        hidden
        data-testid="due-outstanding"
        data-amount={outstanding.amount}
        data-currency={outstanding.currency}
      />
      {canPay && due.status === 'open' && (
        <>
          <Divider my="sm" />
          <Group justify="space-between" gap="sm">
            <Text fz="sm">{t('payments.payHint', { amount: format.money(outstanding) })}</Text>
            <SandboxPayButton order={order} due={due} outstanding={outstanding} />
          </Group>
        </>
      )}
    </Paper>
  );
};
