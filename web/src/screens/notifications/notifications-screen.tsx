import {
  Badge,
  Button,
  Card,
  Container,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotificationCentre } from '../../api/onboarding-queries';
import { useMarkNotificationRead } from '../../api/queries';
import type { NotificationItem } from '../../api/types';
import { QueryError } from '../../components/query-error';
import { SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useNotificationText } from '../../layout/notification-bell';
import { useDocumentTitle } from '../../layout/use-document-title';

export const NotificationsScreen = () => <SignedInGate>{() => <Centre />}</SignedInGate>;

/**
 * Everything that happened to the company (written from the outbox after each
 * change commits), newest first: unread in bold, each a link to its record.
 */
const Centre = () => {
  const { t } = useTranslation();
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const list = useNotificationCentre(show === 'unread');
  useDocumentTitle(t('notificationCentre.title'));
  const items = list.data?.items ?? [];
  return (
    <Container size="md" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('notificationCentre.title')}
            </Title>
            {list.data && (
              <Text c="dimmed" fz="sm" data-testid="unread-total">
                {t('notificationCentre.unread', { count: list.data.unread })}
              </Text>
            )}
          </div>
          <SegmentedControl
            aria-label={t('notificationCentre.show')}
            value={show}
            onChange={(value) => setShow(value as 'all' | 'unread')}
            data={[
              { value: 'all', label: t('notificationCentre.all') },
              { value: 'unread', label: t('notificationCentre.onlyUnread') },
            ]}
          />
        </Group>
        {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
        {list.isPending && <Skeleton height={200} aria-busy="true" />}
        {list.data && items.length === 0 && (
          <Text c="dimmed" data-testid="notifications-empty">
            {show === 'unread' ? t('notificationCentre.noneUnread') : t('notifications.empty')}
          </Text>
        )}
        {items.length > 0 && (
          <Card withBorder padding={0} radius="md">
            <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((item) => (
                <Row key={item.id} item={item} />
              ))}
            </Stack>
          </Card>
        )}
      </Stack>
    </Container>
  );
};

const Row = ({ item }: { item: NotificationItem }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const text = useNotificationText();
  const markRead = useMarkNotificationRead();
  const open = () => {
    if (!item.read) markRead.mutate(item.id);
    if (item.link) navigate(item.link);
  };
  return (
    <li style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Group
        justify="space-between"
        wrap="nowrap"
        gap="sm"
        px="md"
        py="sm"
        data-testid="centre-notification"
        data-unread={!item.read}
      >
        <UnstyledButton onClick={open} style={{ flex: 1, minWidth: 0 }}>
          <Text fz="sm" fw={item.read ? 400 : 700}>
            {!item.read && <span className="visually-hidden">{t('notifications.unreadMark')} </span>}
            {text(item)}
          </Text>
          <Text fz="xs" c="dimmed">
            {format.dateTime(item.createdAt)} · {format.relative(item.createdAt)}
          </Text>
        </UnstyledButton>
        {item.read ? (
          <Badge variant="default" tt="none" style={{ flexShrink: 0 }}>
            {t('notificationCentre.read')}
          </Badge>
        ) : (
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => markRead.mutate(item.id)}
            loading={markRead.isPending}
            style={{ flexShrink: 0 }}
          >
            {t('notificationCentre.markRead')}
          </Button>
        )}
      </Group>
    </li>
  );
};
