import { Anchor, Badge, Group, NavLink as MantineNavLink, Menu, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { useInquiries, useMe } from '../api/queries';
import { useFormat } from '../format/use-format';
import { isHere, type WorkspaceEntry, type WorkspaceLink, workspaceFor } from './workspace-items';

/** The signed-in member's workspace entries (none for a user without a company). */
const useWorkspace = (): WorkspaceEntry[] => {
  const me = useMe();
  const company = me.data?.company;
  return company ? workspaceFor(company.kind, me.data?.role ?? null) : [];
};

/** The unread inquiry count beside the Inquiries link: buyers and suppliers only. */
const InquiryCount = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const kind = me.data?.company?.kind;
  const inbox = useInquiries(kind === 'buyer' || kind === 'supplier');
  const unread = inbox.data?.unread ?? 0;
  if (unread === 0) return null;
  return (
    <Badge size="xs" color="red.9" radius="xl" aria-label={t('inquiries.unread', { count: unread })}>
      {format.number(unread)}
    </Badge>
  );
};

const LinkLabel = ({ item }: { item: WorkspaceLink }) => {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" component="span">
      {t(item.label)}
      {item.testId === 'nav-inquiries' && <InquiryCount />}
    </Group>
  );
};

/** A bar entry that opens a menu of pages: bold while one of them is open. */
const BarMenu = ({ entry }: { entry: Extract<WorkspaceEntry, { type: 'menu' }> }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const here = entry.items.some((item) => isHere(pathname, item.to));
  return (
    <Menu position="bottom-start" shadow="md" width={220}>
      <Menu.Target>
        <Anchor
          component="button"
          type="button"
          fz="sm"
          fw={here ? 700 : undefined}
          underline={here ? 'always' : 'hover'}
          style={{ whiteSpace: 'nowrap' }}
          data-testid={entry.testId}
        >
          {t(entry.label)} ▾
        </Anchor>
      </Menu.Target>
      <Menu.Dropdown>
        {entry.items.map((item) => (
          <Menu.Item
            key={item.to}
            component={Link}
            to={item.to}
            fw={isHere(pathname, item.to) ? 700 : undefined}
            data-testid={item.testId}
          >
            {t(item.label)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
};

/**
 * The workspace bar (desktop): a row of its own under the header, so a full
 * workspace never pushes the header's controls off the screen.
 */
export const WorkspaceBar = () => {
  const { t } = useTranslation();
  const entries = useWorkspace();
  if (entries.length === 0) return null;
  return (
    <Group
      gap="lg"
      wrap="wrap"
      component="nav"
      aria-label={t('header.workspace')}
      data-testid="workspace-bar"
    >
      {entries.map((entry) =>
        entry.type === 'link' ? (
          <Anchor
            key={entry.to}
            component={NavLink}
            to={entry.to}
            end={entry.to === '/operator'}
            fz="sm"
            className="workspace-link"
            data-testid={entry.testId}
          >
            <LinkLabel item={entry} />
          </Anchor>
        ) : (
          <BarMenu key={entry.testId} entry={entry} />
        ),
      )}
    </Group>
  );
};

/** The workspace in the phone drawer: every page as a full-width link, menus as labelled groups. */
export const WorkspaceDrawerLinks = ({ onNavigate }: { onNavigate: () => void }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const entries = useWorkspace();
  if (entries.length === 0) return null;
  const item = (link: WorkspaceLink) => (
    <MantineNavLink
      key={link.to}
      component={Link}
      to={link.to}
      label={<LinkLabel item={link} />}
      active={isHere(pathname, link.to)}
      onClick={onNavigate}
      data-testid={link.testId}
    />
  );
  return (
    <Stack gap={0} component="nav" aria-label={t('header.workspace')} data-testid="workspace-drawer">
      {entries.map((entry) =>
        entry.type === 'link' ? (
          item(entry)
        ) : (
          <Stack gap={0} key={entry.testId} mt="xs" data-testid={entry.testId}>
            <Text fz="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4}>
              {t(entry.label)}
            </Text>
            {entry.items.map(item)}
          </Stack>
        ),
      )}
    </Stack>
  );
};
