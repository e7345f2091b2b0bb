import { Anchor, Button, Card, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDisputeDesk } from '../../api/order-queries';
import type { Dispute } from '../../api/types';
import { OperatorOnly } from '../../components/operator-only';
import { QueryError } from '../../components/query-error';
import { SignedInGate } from '../../components/signed-in-gate';
import { DisputeStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { DecideForm } from './decide-form';

export const DisputeDeskScreen = () => (
  <SignedInGate>
    {(me) => (me.company.kind === 'operator' ? <DisputeDesk /> : <OperatorOnly title="disputeDesk.title" />)}
  </SignedInGate>
);

/** Open disputes, escalated first (the server's order): the operator decides those. */
const DisputeDesk = () => {
  const { t } = useTranslation();
  const desk = useDisputeDesk();
  useDocumentTitle(t('disputeDesk.title'));
  const items = desk.data?.items ?? [];
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('disputeDesk.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('disputeDesk.subtitle')}
          </Text>
        </div>
        {desk.isError && <QueryError error={desk.error} onRetry={() => desk.refetch()} />}
        {desk.isPending && (
          <Stack aria-busy="true">
            {[0, 1].map((i) => (
              <Skeleton key={i} height={96} />
            ))}
          </Stack>
        )}
        {desk.data && items.length === 0 && (
          <Card withBorder padding="xl" data-testid="desk-empty">
            <Text ta="center" c="dimmed">
              {t('disputeDesk.empty')}
            </Text>
          </Card>
        )}
        {items.length > 0 && (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((dispute) => (
              <li key={dispute.id}>
                <DeskRow dispute={dispute} />
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Container>
  );
};

const DeskRow = ({ dispute }: { dispute: Dispute }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [deciding, setDeciding] = useState(false);
  const decidable = dispute.status === 'escalated' && dispute.viewer.actions.includes('decide');
  return (
    <Card withBorder padding="md" data-testid="desk-row" data-status={dispute.status}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <Group gap="sm">
            <Anchor component={Link} to={`/disputes/${dispute.id}`} fw={700}>
              {t(`disputeReason.${dispute.reason}`)}
            </Anchor>
            <DisputeStatusBadge status={dispute.status} />
          </Group>
          <Text fz="sm" lineClamp={2}>
            {dispute.description}
          </Text>
          <Text fz="sm" c="dimmed" lineClamp={2} data-testid="desk-response">
            {dispute.response
              ? t('disputeDesk.response', { response: dispute.response })
              : t('disputeDesk.noResponse')}
          </Text>
          <Text fz="xs" c="dimmed">
            {t('disputeDesk.opened', { when: format.relative(dispute.openedAt) })}
            {' · '}
            <Anchor component={Link} to={`/orders/${dispute.orderId}`} fz="xs">
              {t('disputeDesk.order')}
            </Anchor>
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          <Text fw={700}>{format.money(dispute.amount)}</Text>
          {decidable && !deciding && (
            <Button size="xs" onClick={() => setDeciding(true)} data-testid="desk-decide">
              {t('disputeDesk.decide')}
            </Button>
          )}
        </Stack>
      </Group>
      {deciding && (
        <Stack gap="xs" mt="md" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <DecideForm dispute={dispute} onDone={() => setDeciding(false)} />
          <div>
            <Button variant="subtle" size="xs" onClick={() => setDeciding(false)}>
              {t('forms.back')}
            </Button>
          </div>
        </Stack>
      )}
    </Card>
  );
};
