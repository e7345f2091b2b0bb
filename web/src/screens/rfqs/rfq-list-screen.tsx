import { Anchor, Button, Card, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMyRfqs } from '../../api/queries';
import type { Rfq } from '../../api/types';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { RfqStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useReference } from '../../reference/use-reference';

export const RfqListScreen = () => (
  <SignedInGate>
    {(me) =>
      // Suppliers don't post RFQs: their RFQ workspace is the feed of requests to quote on.
      me.company.kind === 'supplier' ? <Navigate to="/supplier/rfqs" replace /> : <RfqList me={me} />
    }
  </SignedInGate>
);

const RfqList = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const isBuyer = me.company.kind === 'buyer';
  const rfqs = useMyRfqs(isBuyer);
  useDocumentTitle(t('rfqList.title'));

  if (!isBuyer) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('rfqList.title')}
        </Title>
        <Text mt="sm">{t('rfqList.notForKind')}</Text>
      </Container>
    );
  }

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('rfqList.title')}
            </Title>
            <Text c="dimmed" fz="sm">
              {t('rfqList.subtitle')}
            </Text>
          </div>
          <Button component={Link} to="/rfqs/new" data-testid="new-rfq">
            {t('rfqList.new')}
          </Button>
        </Group>
        {rfqs.isError && <QueryError error={rfqs.error} onRetry={() => rfqs.refetch()} />}
        {rfqs.isPending && (
          <Stack aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={96} />
            ))}
          </Stack>
        )}
        {rfqs.data && rfqs.data.items.length === 0 && (
          <Card withBorder padding="xl" data-testid="rfqs-empty">
            <Stack align="center" gap="sm" ta="center">
              <Text fw={700} fz="lg">
                {t('rfqList.empty.title')}
              </Text>
              <Text c="dimmed" maw={480}>
                {t('rfqList.empty.body')}
              </Text>
              <Button component={Link} to="/rfqs/new">
                {t('rfqList.new')}
              </Button>
            </Stack>
          </Card>
        )}
        {rfqs.data && rfqs.data.items.length > 0 && (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {rfqs.data.items.map((rfq) => (
              <li key={rfq.id}>
                <RfqRow rfq={rfq} />
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Container>
  );
};

const RfqRow = ({ rfq }: { rfq: Rfq }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const open = rfq.status === 'published';
  return (
    <Card withBorder padding="md" data-testid="rfq-row">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="sm">
            <Anchor component={Link} to={`/rfqs/${rfq.id}`} fw={700} lang={rfq.language ?? undefined}>
              {rfq.title}
            </Anchor>
            <RfqStatusBadge status={rfq.status} />
          </Group>
          <Text fz="sm" c="dimmed">
            {[
              ref.categoryName(rfq.categoryCode),
              `${format.number(rfq.quantity)} ${ref.unitLabel(rfq.unit, rfq.quantity)}`,
              `${format.country(rfq.destinationCountry)} · ${rfq.incoterm}`,
            ].join(' · ')}
          </Text>
        </Stack>
        <Stack gap={2} align="flex-end">
          <Text fz="sm" fw={600}>
            {t('rfqList.quotes', { count: rfq.quoteCount, value: format.number(rfq.quoteCount) })}
          </Text>
          <Text fz="xs" c="dimmed">
            {open
              ? t('rfqList.closes', { when: format.relative(rfq.deadline) })
              : t('rfqList.created', { date: format.date(rfq.createdAt) })}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
};
