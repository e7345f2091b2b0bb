import { Anchor, Box, Container, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/queries';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { SignInButton, UserMenu } from './user-menu';
import { WorkspaceNav } from './workspace-nav';

export const AppHeader = () => {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = Boolean(me.data);
  return (
    <Box component="header" bg="white" py="sm" className="app-header">
      <Container size="xl">
        <Group justify="space-between" gap="sm" wrap="nowrap">
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
          <Group gap="sm" wrap="nowrap" justify="flex-end">
            <Anchor component={Link} to="/search" fz="sm" visibleFrom="md">
              {t('header.browse')}
            </Anchor>
            <Anchor component={Link} to="/trade-index" fz="sm" visibleFrom="md">
              {t('header.tradeIndex')}
            </Anchor>
            <Anchor component={Link} to="/freight" fz="sm" visibleFrom="md" data-testid="nav-freight">
              {t('header.freight')}
            </Anchor>
            {signedIn && (
              <Box visibleFrom="md">
                <WorkspaceNav />
              </Box>
            )}
            {signedIn && me.data?.company && <NotificationBell />}
            <LanguageSwitch />
            {!me.isPending && !signedIn && <SignInButton />}
            {signedIn && (
              <Box visibleFrom="sm">
                <UserMenu />
              </Box>
            )}
          </Group>
        </Group>
        {/* Below desktop width the workspace links get a row of their own. */}
        {signedIn && (
          <Box hiddenFrom="md" mt="xs">
            <WorkspaceNav />
          </Box>
        )}
        {/* Phones get the signed-in user on a row of its own, so nothing is squeezed out. */}
        {signedIn && (
          <Box hiddenFrom="sm" mt="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <UserMenu spread />
          </Box>
        )}
      </Container>
    </Box>
  );
};
