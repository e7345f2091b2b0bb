import { Badge, Card, Container, Group, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInquiries } from '../../api/queries';
import type { InquirySummary } from '../../api/types';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';

export const InquiriesScreen = () => <SignedInGate>{(me) => <Inbox me={me} />}</SignedInGate>;

const Inbox = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const inbox = useInquiries();
  useDocumentTitle(t('inquiries.title'));

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <div>
          <Group gap="sm">
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('inquiries.title')}
            </Title>
            {inbox.data && inbox.data.unread > 0 && (
              <Badge color="red.9" radius="sm" tt="none" data-testid="inbox-unread">
                {t('inquiries.unreadTotal', {
                  count: inbox.data.unread,
                  value: format.number(inbox.data.unread),
                })}
              </Badge>
            )}
          </Group>
          <Text c="dimmed" fz="sm">
            {me.company.kind === 'supplier' ? t('inquiries.subtitleSupplier') : t('inquiries.subtitleBuyer')}
          </Text>
        </div>
        {inbox.isError && <QueryError error={inbox.error} onRetry={() => inbox.refetch()} />}
        {inbox.isPending && (
          <Stack aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={72} />
            ))}
          </Stack>
        )}
        {inbox.data && inbox.data.items.length === 0 && (
          <Card withBorder padding="xl" data-testid="inbox-empty">
            <Stack align="center" gap="xs" ta="center">
              <Text fw={700} fz="lg">
                {t('inquiries.empty.title')}
              </Text>
              <Text c="dimmed" maw={480}>
                {me.company.kind === 'supplier' ? t('inquiries.empty.supplier') : t('inquiries.empty.buyer')}
              </Text>
            </Stack>
          </Card>
        )}
        {inbox.data && inbox.data.items.length > 0 && (
          <Card withBorder padding={0}>
            <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {inbox.data.items.map((item, i) => (
                <li
                  key={item.id}
                  style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
                >
                  <InboxRow item={item} myCompanyId={me.company.id} />
                </li>
              ))}
            </Stack>
          </Card>
        )}
      </Stack>
    </Container>
  );
};

const InboxRow = ({ item, myCompanyId }: { item: InquirySummary; myCompanyId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const other = item.supplier.id === myCompanyId ? item.buyer : item.supplier;
  const unread = item.unread > 0;
  return (
    <UnstyledButton
      component={Link}
      to={`/inquiries/${item.id}`}
      className="inbox-row"
      data-testid="inbox-row"
      data-unread={unread}
      p="md"
      w="100%"
      display="block"
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={unread ? 700 : 500} truncate="end">
            {item.subject}
          </Text>
          <Text fz="sm" c="dimmed" truncate="end">
            {other.name} · {format.country(other.country)}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Text fz="xs" c="dimmed">
            {format.relative(item.lastMessageAt)}
          </Text>
          {unread && (
            <Badge
              color="red.9"
              size="sm"
              radius="xl"
              aria-label={t('inquiries.unread', { count: item.unread })}
            >
              {format.number(item.unread)}
            </Badge>
          )}
        </Stack>
      </Group>
    </UnstyledButton>
  );
};
