import { Alert, Anchor, Container, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOrder } from '../../api/order-queries';
import type { Order } from '../../api/types';
import { Countdown } from '../../components/countdown';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { SignedInGate } from '../../components/signed-in-gate';
import { OrderStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { OrderDeclarationsPanel } from '../declarations/order-declarations-panel';
import { OrderActions } from './order-actions';
import { OrderLines } from './order-lines';
import { OrderPayments } from './order-payments';
import { OrderSidebar } from './order-sidebar';
import { OrderTimeline } from './order-timeline';

export const OrderScreen = () => <SignedInGate>{() => <OrderLoader />}</SignedInGate>;

const OrderLoader = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const order = useOrder(id);
  useDocumentTitle(order.data ? orderTitle(order.data) : t('order.title'));

  if (order.isError && isNotFound(order.error)) return <NotFound />;
  if (order.isError) {
    return (
      <Container size="xl" py="lg">
        <QueryError error={order.error} onRetry={() => order.refetch()} />
      </Container>
    );
  }
  if (!order.data) {
    return (
      <Container size="xl" py="lg" aria-busy="true">
        <Skeleton height={32} width="60%" />
        <Skeleton height={260} mt="lg" />
      </Container>
    );
  }
  return <OrderPage order={order.data} />;
};

/** The order's goods, as its heading: the first line, and how many more. */
const orderTitle = (order: Order) => {
  const [first, ...rest] = order.lines;
  return rest.length > 0
    ? `${first?.description ?? order.id} (+${rest.length})`
    : (first?.description ?? order.id);
};

const OrderPage = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const role = order.viewer.role;
  const openDispute = order.disputes.find((d) => !['decided', 'withdrawn'].includes(d.status));
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          {role === 'operator' ? (
            <Anchor component={Link} to="/operator/disputes" fz="sm">
              {t('order.backToDesk')}
            </Anchor>
          ) : (
            <Anchor component={Link} to="/orders" fz="sm">
              {t('order.backToList')}
            </Anchor>
          )}
          <Group gap="sm" mt={4} wrap="nowrap" align="flex-start" data-testid="order-heading">
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ minWidth: 0 }} data-testid="order-title">
              {orderTitle(order)}
            </Title>
            <OrderStatusBadge status={order.status} />
          </Group>
          <Text fz="sm" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
            {t('order.subtitle', {
              id: order.id,
              date: format.date(order.createdAt),
              buyer: order.buyer.name,
              supplier: order.supplier.name,
            })}
          </Text>
        </div>

        {order.nextDeadline && <NextDeadline order={order} />}
        {/* On phones the escrow card sits at the very end: its figure is worth repeating up here. */}
        <Group hiddenFrom="md" justify="space-between" gap="xs" px="xs">
          <Text fz="sm" c="dimmed">
            {t('order.escrow.title')}
          </Text>
          <Text fw={700} c="lane.8">
            {format.money(order.escrow.held)}
          </Text>
        </Group>
        {openDispute && (
          <Alert color="red" title={t('order.disputedTitle')} data-testid="order-disputed">
            <Anchor component={Link} to={`/disputes/${openDispute.id}`} fz="sm">
              {t('order.openDispute')}
            </Anchor>
          </Alert>
        )}

        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <OrderActions order={order} />
              <OrderPayments order={order} />
              <OrderLines order={order} />
              <OrderTimeline order={order} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              <OrderSidebar order={order} />
              <OrderDeclarationsPanel order={order} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
};

/** What the platform's clock will do next, and how long is left. */
const NextDeadline = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const deadline = order.nextDeadline;
  if (!deadline) return null;
  return (
    <Alert
      color="lane"
      variant="light"
      title={
        <Group gap="xs" wrap="wrap">
          <span>{t('deadline.title')}</span>
          <Countdown at={deadline.at} fw={700} />
        </Group>
      }
      data-testid="next-deadline"
      data-kind={deadline.kind}
    >
      <Text fz="sm">
        {t(`deadline.kinds.${deadline.kind}`, {
          date: format.dateTime(deadline.at),
          defaultValue: t('deadline.kinds.other', { date: format.dateTime(deadline.at) }),
        })}
      </Text>
    </Alert>
  );
};
