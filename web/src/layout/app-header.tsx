import {
  Anchor,
  Box,
  Burger,
  Button,
  Container,
  Divider,
  Drawer,
  Group,
  NavLink,
  Stack,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../api/queries';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { SignInButton, UserIdentity, UserMenu, useSignOutAndLeave } from './user-menu';
import { WorkspaceBar, WorkspaceDrawerLinks } from './workspace-nav';

const PUBLIC_LINKS = [
  { to: '/search', label: 'header.browse', testId: 'nav-browse' },
  { to: '/trade-index', label: 'header.tradeIndex', testId: 'nav-trade-index' },
  { to: '/freight', label: 'header.freight', testId: 'nav-freight' },
] as const;

/**
 * Below desktop width everything but the brand, the bell and sign-in folds
 * into one drawer: the marketplace links, the workspace, the account and the language.
 */
const MenuDrawer = ({ opened, close }: { opened: boolean; close: () => void }) => {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOutAndLeave();
  const signedIn = Boolean(me.data);
  return (
    <Drawer
      opened={opened}
      onClose={close}
      title={t('nav.menu')}
      size="xs"
      padding="md"
      closeButtonProps={{ 'aria-label': t('nav.closeMenu') }}
      data-testid="menu-drawer"
    >
      <Stack gap="sm">
        {signedIn && <UserIdentity align="flex-start" />}
        <WorkspaceDrawerLinks onNavigate={close} />
        {signedIn && (
          <Stack gap={0}>
            {me.data?.company ? (
              <>
                <NavLink component={Link} to="/company" label={t('nav.company')} onClick={close} />
                <NavLink
                  component={Link}
                  to="/notifications"
                  label={t('nav.notifications')}
                  onClick={close}
                />
              </>
            ) : (
              <NavLink component={Link} to="/company/new" label={t('nav.createCompany')} onClick={close} />
            )}
          </Stack>
        )}
        <Divider />
        <Stack gap={0} component="nav" aria-label={t('nav.marketplace')}>
          {PUBLIC_LINKS.map((link) => (
            <NavLink key={link.to} component={Link} to={link.to} label={t(link.label)} onClick={close} />
          ))}
        </Stack>
        <Divider />
        <Box hiddenFrom="sm">
          <LanguageSwitch />
        </Box>
        {signedIn && (
          <Button
            variant="default"
            onClick={signOut.run}
            loading={signOut.pending}
            data-testid="drawer-sign-out"
          >
            {t('header.signOut')}
          </Button>
        )}
      </Stack>
    </Drawer>
  );
};

export const AppHeader = () => {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const signedIn = Boolean(me.data);
  // A followed link (or the back button) closes the drawer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the drawer closes on every route change
  useEffect(() => close(), [pathname]);
  return (
    <Box component="header" bg="white" className="app-header">
      <Container size="xl" py="sm">
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              data-testid="menu-toggle"
            />
            <Anchor
              component={Link}
              to="/"
              fw={800}
              fz="xl"
              underline="never"
              c="lane.8"
              aria-label={t('header.home')}
            >
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="lg" wrap="nowrap" visibleFrom="md" component="nav" aria-label={t('nav.marketplace')}>
            {PUBLIC_LINKS.map((link) => (
              <Anchor key={link.to} component={Link} to={link.to} fz="sm" data-testid={link.testId}>
                {t(link.label)}
              </Anchor>
            ))}
          </Group>
          <Group gap="sm" wrap="nowrap" justify="flex-end" style={{ flexShrink: 0 }}>
            {signedIn && me.data?.company && <NotificationBell />}
            <Box visibleFrom="sm">
              <LanguageSwitch />
            </Box>
            {!me.isPending && !signedIn && <SignInButton />}
            {signedIn && (
              <Box visibleFrom="md">
                <UserMenu />
              </Box>
            )}
          </Group>
        </Group>
      </Container>
      {signedIn && (
        <Box visibleFrom="md" bg="gray.0" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Container size="xl" py={8}>
            <WorkspaceBar />
          </Container>
        </Box>
      )}
      <MenuDrawer opened={opened} close={close} />
    </Box>
  );
};
