import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type OrderStep, useCompleteOrder, useOrderStep } from '../../api/order-queries';
import type { Order } from '../../api/types';
import { useIdempotencyKey } from '../../api/use-idempotency-key';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError } from '../../components/form-error';
import { useFormat } from '../../format/use-format';
import { CancelOrderButton, RefundOrderButton, ShipOrderButton } from './order-dialogs';

// The order the buttons appear in: the step that moves the order on first, the ways out last.
const ORDER = ['confirm', 'ready', 'ship', 'delivered', 'receive', 'complete', 'dispute', 'refund', 'cancel'];

/** The buttons the server says this reader may press now (`viewer.actions`), and nothing else. */
export const OrderActions = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  const actions = ORDER.filter((action) => order.viewer.actions.includes(action));
  const step = useOrderStep(order.id);
  if (actions.length === 0) return null;

  const stepButton = (action: OrderStep, color?: string) => (
    <ConfirmButton
      key={action}
      color={color}
      title={t(`orderActions.${action}.title`)}
      body={t(`orderActions.${action}.body`)}
      confirmLabel={t(`orderActions.${action}.label`)}
      onConfirm={() => step.mutate(action)}
      loading={step.isPending && step.variables === action}
      data-testid={`action-${action}`}
    >
      {t(`orderActions.${action}.label`)}
    </ConfirmButton>
  );

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="order-actions"
      data-testid="order-actions"
    >
      <Title order={2} fz="h4" id="order-actions" mb={4}>
        {t('orderActions.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        {t(`orderActions.hint.${order.viewer.role}`)}
      </Text>
      <Stack gap="sm">
        <Group gap="sm">
          {actions.map((action) => {
            switch (action) {
              case 'confirm':
              case 'ready':
              case 'delivered':
                return stepButton(action);
              case 'receive':
                return stepButton('receive', 'teal.9');
              case 'ship':
                return [
                  <BookFreightButton key="book-freight" order={order} />,
                  <ShipOrderButton key={action} order={order} />,
                ];
              case 'complete':
                return <ReleaseButton key={action} order={order} />;
              case 'dispute':
                return (
                  <Button
                    key={action}
                    component={Link}
                    to={`/orders/${order.id}/dispute`}
                    variant="light"
                    color="red.9"
                    data-testid="action-dispute"
                  >
                    {t('orderActions.dispute.label')}
                  </Button>
                );
              case 'refund':
                return <RefundOrderButton key={action} order={order} />;
              case 'cancel':
                return <CancelOrderButton key={action} order={order} />;
              default:
                return null;
            }
          })}
        </Group>
        <FormError error={step.error} testId="order-action-error" />
      </Stack>
    </Card>
  );
};

/** Where the order's port sits on the lane: E- and F-terms name the place of loading, C- and D-terms the destination. */
const laneOf = (order: Order): Record<string, string> => {
  if (!order.port) return {};
  return /^[EF]/.test(order.incoterm) ? { origin: order.port } : { destination: order.port };
};

/** Freight search for this order: the booking it makes carries the order, whose milestones then ship it. */
const BookFreightButton = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  const query = new URLSearchParams({ orderId: order.id, ...laneOf(order) });
  return (
    <Button component={Link} to={`/freight?${query}`} variant="light" data-testid="action-book-freight">
      {t('orderActions.bookFreight.label')}
    </Button>
  );
};

/** "Release payment": escrow goes to the supplier now, once, whatever the clicks. */
const ReleaseButton = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const intent = useIdempotencyKey();
  const complete = useCompleteOrder(order.id);
  return (
    <Stack gap={4}>
      <ConfirmButton
        color="teal.9"
        title={t('orderActions.complete.title')}
        body={t('orderActions.complete.body', { amount: format.money(order.escrow.held) })}
        confirmLabel={t('orderActions.complete.label')}
        onConfirm={() => complete.mutate({ idempotencyKey: intent.key }, { onSuccess: intent.renew })}
        loading={complete.isPending}
        data-testid="action-complete"
      >
        {t('orderActions.complete.label')}
      </ConfirmButton>
      <FormError error={complete.error} />
    </Stack>
  );
};
