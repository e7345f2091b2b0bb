import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { declarationDocumentUrl, useDeclarations } from '../../api/declaration-queries';
import type { Order, OrderStatus } from '../../api/types';
import { QueryError } from '../../components/query-error';
import { DeclarationStatusBadge } from './declaration-parts';

/** Nothing leaves before the supplier has confirmed the order. */
const NOT_YET: OrderStatus[] = ['awaiting_confirmation', 'cancelled'];

/**
 * The order's export declarations, on the order page: for its supplier (and
 * the operator) the declarations with their invoice and packing list, or the
 * way to declare it. Buyers are not exporters: they see nothing.
 */
export const OrderDeclarationsPanel = ({ order }: { order: Order }) => {
  const role = order.viewer.role;
  if (role === 'buyer') return null;
  return <Panel order={order} supplier={role === 'supplier'} />;
};

const Panel = ({ order, supplier }: { order: Order; supplier: boolean }) => {
  const { t } = useTranslation();
  const declarations = useDeclarations({ orderId: order.id });
  // A member whose role prepares no declarations is refused: the panel is not for them.
  if (declarations.error instanceof ApiError && declarations.error.status === 403) return null;
  const list = declarations.data ?? [];
  const declarable = supplier && !NOT_YET.includes(order.status);
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="order-declarations"
      data-testid="order-declarations"
    >
      <Title order={2} fz="h5" id="order-declarations" mb="xs">
        {t('declarations.orderPanel.title')}
      </Title>
      {declarations.isPending && <Skeleton height={48} />}
      {declarations.isError && (
        <QueryError error={declarations.error} onRetry={() => declarations.refetch()} />
      )}
      {declarations.data && list.length === 0 && (
        <Text fz="sm" c="dimmed" mb={declarable ? 'sm' : 0}>
          {supplier
            ? declarable
              ? t('declarations.orderPanel.none')
              : t('declarations.orderPanel.notYet')
            : t('declarations.orderPanel.noneOperator')}
        </Text>
      )}
      {list.length > 0 && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} mb="sm">
          {list.map((d) => (
            <li key={d.id} data-testid="order-declaration" data-declaration-id={d.id}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Anchor
                  component={Link}
                  to={`/declarations/${d.id}`}
                  fz="sm"
                  ff="monospace"
                  style={{ overflowWrap: 'anywhere' }}
                  data-testid="order-declaration-link"
                >
                  {d.number}
                </Anchor>
                <DeclarationStatusBadge status={d.status} />
              </Group>
              <Group gap="md" mt={2}>
                <Anchor
                  href={declarationDocumentUrl(d.id, 'invoice')}
                  download
                  fz="xs"
                  data-testid="order-doc-invoice"
                >
                  {t('declarations.documents.invoice')}
                </Anchor>
                <Anchor
                  href={declarationDocumentUrl(d.id, 'packing-list')}
                  download
                  fz="xs"
                  data-testid="order-doc-packing-list"
                >
                  {t('declarations.documents.packing-list')}
                </Anchor>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {declarations.data && declarable && (
        <Button
          component={Link}
          to={`/declarations/new?orderId=${encodeURIComponent(order.id)}`}
          variant={list.length === 0 ? 'filled' : 'light'}
          fullWidth
          data-testid="declare-order"
        >
          {list.length === 0
            ? t('declarations.orderPanel.declare')
            : t('declarations.orderPanel.declareMore')}
        </Button>
      )}
    </Card>
  );
};
