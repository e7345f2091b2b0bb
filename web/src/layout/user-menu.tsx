import { Button, Group, Stack, Text } from '@mantine/core';
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

/** Who is signed in (name and company) and the way out. `spread` fills the row on phones. */
export const UserMenu = ({ spread = false }: { spread?: boolean }) => {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!me.data) return null;

  const { user, company } = me.data;
  const width = spread ? undefined : 200;
  return (
    <Group gap="xs" wrap="nowrap" justify={spread ? 'space-between' : 'flex-end'}>
      <Stack gap={0} align={spread ? 'flex-start' : 'flex-end'} maw={width} style={{ minWidth: 0 }}>
        <Text fz="sm" fw={600} truncate="end" maw="100%" data-testid="user-name">
          {user.name}
        </Text>
        {company && (
          <Text fz="xs" c="dimmed" truncate="end" maw="100%" data-testid="user-company">
            {company.name}
          </Text>
        )}
      </Stack>
      <Button
        size="xs"
        variant="default"
        loading={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/') })}
        style={{ flexShrink: 0 }}
      >
        {t('header.signOut')}
      </Button>
    </Group>
  );
};
