import { Button, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe, useSignOut } from '../api/queries';

export const SignInButton = () => {
  const { t } = useTranslation();
  return (
    <Button component={Link} to="/sign-in" size="xs" variant="filled">
      {t('header.signIn')}
    </Button>
  );
};

/** Who is signed in: the name and company, truncated so a long company name never widens the header. */
export const UserIdentity = ({ align = 'flex-end' }: { align?: 'flex-start' | 'flex-end' }) => {
  const me = useMe();
  if (!me.data) return null;
  const { user, company } = me.data;
  return (
    <Stack gap={0} align={align} maw={200} style={{ minWidth: 0 }}>
      <Text fz="sm" fw={600} truncate="end" maw="100%" data-testid="user-name">
        {user.name}
      </Text>
      {company && (
        <Text fz="xs" c="dimmed" truncate="end" maw="100%" data-testid="user-company">
          {company.name}
        </Text>
      )}
    </Stack>
  );
};

export const useSignOutAndLeave = () => {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return {
    pending: signOut.isPending,
    run: () => signOut.mutate(undefined, { onSuccess: () => navigate('/') }),
  };
};

/** The signed-in user's menu: their company and team, notifications, and the way out. */
export const UserMenu = () => {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOutAndLeave();
  if (!me.data) return null;
  const hasCompany = Boolean(me.data.company);
  return (
    <Menu position="bottom-end" shadow="md" width={220}>
      <Menu.Target>
        {/* Named by what it shows (the user and company), as a label must contain the visible text. */}
        <UnstyledButton data-testid="user-menu" style={{ minWidth: 0 }}>
          <UserIdentity />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {hasCompany ? (
          <>
            <Menu.Item component={Link} to="/company" data-testid="menu-company">
              {t('nav.company')}
            </Menu.Item>
            <Menu.Item component={Link} to="/notifications" data-testid="menu-notifications">
              {t('nav.notifications')}
            </Menu.Item>
          </>
        ) : (
          <Menu.Item component={Link} to="/company/new" data-testid="menu-create-company">
            {t('nav.createCompany')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item onClick={signOut.run} disabled={signOut.pending} data-testid="sign-out">
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};
