import { Card, Container, Group, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrders } from '../../api/order-queries';
import type { OrderSummary } from '../../api/types';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { OrderStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';

export const OrdersScreen = () => <SignedInGate>{(me) => <OrderList me={me} />}</SignedInGate>;

const OrderList = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const kind = me.company.kind;
  const trades = kind === 'buyer' || kind === 'supplier';
  const orders = useOrders(trades);
  useDocumentTitle(t('orders.title'));

  if (!trades) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('orders.title')}
        </Title>
        <Text mt="sm">{t('orders.notForKind')}</Text>
      </Container>
    );
  }

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('orders.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {kind === 'buyer' ? t('orders.subtitleBuyer') : t('orders.subtitleSupplier')}
          </Text>
        </div>
        {orders.isError && <QueryError error={orders.error} onRetry={() => orders.refetch()} />}
        {orders.isPending && (
          <Stack aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={72} />
            ))}
          </Stack>
        )}
        {orders.data && orders.data.items.length === 0 && (
          <Card withBorder padding="xl" data-testid="orders-empty">
            <Stack align="center" gap="sm" ta="center">
              <Text fw={700} fz="lg">
                {t('orders.empty.title')}
              </Text>
              <Text c="dimmed" maw={480}>
                {kind === 'buyer' ? t('orders.empty.buyer') : t('orders.empty.supplier')}
              </Text>
            </Stack>
          </Card>
        )}
        {orders.data && orders.data.items.length > 0 && (
          <Card withBorder padding={0}>
            <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {orders.data.items.map((order, i) => (
                <li
                  key={order.id}
                  style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
                >
                  <OrderRow order={order} />
                </li>
              ))}
            </Stack>
          </Card>
        )}
      </Stack>
    </Container>
  );
};

const OrderRow = ({ order }: { order: OrderSummary }) => {
  const format = useFormat();
  return (
    <UnstyledButton
      component={Link}
      to={`/orders/${order.id}`}
      className="inbox-row"
      data-testid="order-row"
      data-order-id={order.id}
      p="md"
      w="100%"
      display="block"
    >
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600} truncate="end">
            {order.description}
          </Text>
          <Text fz="sm" c="dimmed" truncate="end">
            {order.counterparty.name} · {format.country(order.counterparty.country)}
          </Text>
          <Group gap="xs">
            <OrderStatusBadge status={order.status} />
            <Text fz="xs" c="dimmed">
              {format.date(order.createdAt)}
            </Text>
          </Group>
        </Stack>
        <Text fw={700} style={{ flexShrink: 0 }}>
          {format.money(order.total)}
        </Text>
      </Group>
    </UnstyledButton>
  );
};
