import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyCard, Order } from '../../api/types';
import { type Fact, FactList } from '../../components/fact-list';
import { DisputeStatusBadge } from '../../components/status-badge';
import { VerificationBadge } from '../../components/verification-badge';
import { useFormat } from '../../format/use-format';

/** Escrow, the two companies, the shipment and any disputes: the facts to hand beside the order. */
export const OrderSidebar = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const tracking: Fact[] = [];
  if (order.tracking.carrier)
    tracking.push({ label: t('order.tracking.carrier'), value: order.tracking.carrier });
  if (order.tracking.number)
    tracking.push({ label: t('order.tracking.number'), value: order.tracking.number });
  if (order.shippedAt)
    tracking.push({ label: t('order.tracking.shippedAt'), value: format.dateTime(order.shippedAt) });
  if (order.arrivedAt)
    tracking.push({ label: t('order.tracking.arrivedAt'), value: format.dateTime(order.arrivedAt) });
  if (order.receivedAt)
    tracking.push({ label: t('order.tracking.receivedAt'), value: format.dateTime(order.receivedAt) });

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" component="section" aria-labelledby="escrow" bg="lane.0">
        <Title order={2} fz="h5" id="escrow">
          {t('order.escrow.title')}
        </Title>
        <Text fz={28} fw={800} c="lane.8" data-testid="escrow-held" data-amount={order.escrow.held.amount}>
          {format.money(order.escrow.held)}
        </Text>
        <Text fz="xs" c="dimmed">
          {t('order.escrow.hint')}
        </Text>
        {order.compensation && (
          <Text fz="sm" mt="sm" data-testid="compensation">
            {t('order.escrow.compensation', {
              amount: format.money(order.compensation.amount),
              status: t(`order.escrow.claimStatus.${order.compensation.status}`, {
                defaultValue: order.compensation.status,
              }),
            })}
          </Text>
        )}
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="parties">
        <Title order={2} fz="h5" id="parties" mb="sm">
          {t('order.parties')}
        </Title>
        <Stack gap="sm">
          <Party label={t('order.supplier')} company={order.supplier} link />
          <Party label={t('order.buyer')} company={order.buyer} />
        </Stack>
      </Card>

      {tracking.length > 0 && (
        <Card withBorder padding="lg" component="section" aria-labelledby="shipment" data-testid="shipment">
          <Title order={2} fz="h5" id="shipment" mb="sm">
            {t('order.tracking.title')}
          </Title>
          <FactList facts={tracking} />
        </Card>
      )}

      {order.disputes.length > 0 && (
        <Card withBorder padding="lg" component="section" aria-labelledby="order-disputes">
          <Title order={2} fz="h5" id="order-disputes" mb="sm">
            {t('order.disputes')}
          </Title>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {order.disputes.map((dispute) => (
              <li key={dispute.id}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/disputes/${dispute.id}`} fz="sm" data-testid="dispute-link">
                    {t('order.disputeOpened', { date: format.date(dispute.openedAt) })}
                  </Anchor>
                  <DisputeStatusBadge status={dispute.status} />
                </Group>
              </li>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
};

const Party = ({ label, company, link = false }: { label: string; company: CompanyCard; link?: boolean }) => {
  const format = useFormat();
  return (
    <div>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.02em' }}>
        {label}
      </Text>
      {link ? (
        <Anchor component={Link} to={`/suppliers/${company.id}`} fw={600} fz="sm">
          {company.name}
        </Anchor>
      ) : (
        <Text fw={600} fz="sm">
          {company.name}
        </Text>
      )}
      <Group gap="xs" mt={2}>
        <Text fz="xs" c="dimmed">
          {format.country(company.country)}
        </Text>
        <VerificationBadge level={company.verificationLevel} />
      </Group>
    </div>
  );
};
