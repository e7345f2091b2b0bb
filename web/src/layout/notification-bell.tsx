import {
  ActionIcon,
  Anchor,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMarkNotificationRead, useNotifications } from '../api/queries';
import type { NotificationItem } from '../api/types';
import { useFormat } from '../format/use-format';

const BellIcon = () => (
  <svg
    width="20"
    height="20"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden="true"
  >
    <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

/** A notification's sentence: the server sends a kind and facts, the words are ours. */
export const useNotificationText = () => {
  const { t } = useTranslation();
  const format = useFormat();
  return (item: NotificationItem): string => {
    const p = item.params;
    const title = typeof p.title === 'string' ? p.title : '';
    const subject = typeof p.subject === 'string' ? p.subject : '';
    // Money events carry minor units and a currency; the sentence shows them formatted.
    const money = (key: string) =>
      (typeof p[key] === 'string' || typeof p[key] === 'number') && typeof p.currency === 'string'
        ? format.money({ amount: String(p[key]), currency: p.currency })
        : '';
    if (item.kind === 'quote.declined' && p.reason === 'another_quote_accepted')
      return t('notifications.kinds.quote.declinedOther');
    const key = `notifications.kinds.${item.kind}`;
    return t(key, {
      title,
      subject,
      amount: money('amount'),
      released: money('released'),
      due: t(`payments.kindShort.${typeof p.kind === 'string' ? p.kind : 'deposit'}`),
      decision: typeof p.decision === 'string' ? t(`disputeDecision.${p.decision}`) : '',
      defaultValue: t('notifications.kinds.other'),
    });
  };
};

/** The bell: unread count at a glance, the newest notifications one click away. */
export const NotificationBell = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const notifications = useNotifications(true);
  const markRead = useMarkNotificationRead();
  const text = useNotificationText();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const follow = (item: NotificationItem) => {
    if (!item.read) markRead.mutate(item.id);
    close();
    if (item.link) navigate(item.link);
  };

  return (
    <Popover
      opened={opened}
      onChange={(open) => !open && close()}
      position="bottom-end"
      width={340}
      shadow="md"
      withArrow
    >
      {/* The popover's ARIA (aria-haspopup, aria-controls) belongs on the button itself, not on the badge's wrapper. */}
      <Indicator
        label={unread > 99 ? '99+' : format.number(unread)}
        size={18}
        color="red.9"
        disabled={unread === 0}
        offset={4}
        data-testid="notification-count"
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray.8"
            size="lg"
            onClick={toggle}
            aria-label={
              unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label')
            }
            aria-expanded={opened}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0}>
        <Text
          fw={700}
          fz="sm"
          px="md"
          py="sm"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          {t('notifications.title')}
        </Text>
        {notifications.isPending && (
          <Text fz="sm" c="dimmed" p="md">
            {t('notifications.loading')}
          </Text>
        )}
        {notifications.isError && (
          <Text fz="sm" c="var(--mantine-color-error)" p="md">
            {t('errors.loadFailed')}
          </Text>
        )}
        {notifications.data && items.length === 0 && (
          <Text fz="sm" c="dimmed" p="md">
            {t('notifications.empty')}
          </Text>
        )}
        {items.length > 0 && (
          <ScrollArea.Autosize mah={400}>
            <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((item) => (
                <li key={item.id}>
                  <UnstyledButton
                    onClick={() => follow(item)}
                    px="md"
                    py="sm"
                    w="100%"
                    className="notification-item"
                    data-unread={!item.read}
                    data-testid="notification"
                  >
                    <Text fz="sm" fw={item.read ? 400 : 700}>
                      {!item.read && (
                        <span className="visually-hidden">{t('notifications.unreadMark')} </span>
                      )}
                      {text(item)}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {format.relative(item.createdAt)}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <Anchor
          component={Link}
          to="/notifications"
          onClick={close}
          fz="sm"
          display="block"
          px="md"
          py="sm"
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          data-testid="notifications-all"
        >
          {t('notificationCentre.seeAll')}
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
};
