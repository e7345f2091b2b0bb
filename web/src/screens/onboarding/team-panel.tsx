import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelInvitation, useInviteMember, useTeam } from '../../api/onboarding-queries';
import type { Invitation } from '../../api/onboarding-types';
import { CopyValue } from '../../components/copy-value';
import { FormError } from '../../components/form-error';
import { QueryError } from '../../components/query-error';
import { useFormat } from '../../format/use-format';

/** The roles an invitation may give (owner is the founder's alone), per company kind. */
const INVITABLE: Record<string, readonly string[]> = {
  supplier: ['admin', 'sales', 'finance', 'logistics'],
  buyer: ['admin', 'purchasing', 'finance', 'logistics'],
  forwarder: ['admin', 'logistics', 'finance', 'sales'],
  operator: ['admin', 'finance'],
};

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** The link an invitee opens: the invitation id is its secret (src/modules/identity/auth.ts). */
export const invitationLink = (id: string) =>
  `${window.location.origin}/invitations/${encodeURIComponent(id)}`;

/** The company's members and open invitations; owners and admins invite by sharing a link. */
export const TeamPanel = ({
  companyId,
  kind,
  canManage,
}: {
  companyId: string;
  kind: string;
  canManage: boolean;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const team = useTeam(companyId);
  const invite = useInviteMember(companyId);
  const cancel = useCancelInvitation(companyId);
  const roles = INVITABLE[kind] ?? ['admin'];
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>(roles[1] ?? 'admin');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [created, setCreated] = useState<Invitation | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!looksLikeEmail(email.trim())) {
      setEmailError(t('signIn.errors.emailInvalid'));
      return;
    }
    setEmailError(undefined);
    invite.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (invitation) => {
          setCreated(invitation);
          setEmail('');
        },
      },
    );
  };

  const pending = (team.data?.invitations ?? []).filter((i) => i.status === 'pending');
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="team-heading">
      <Stack gap="md">
        <Title order={2} fz="h3" id="team-heading">
          {t('onboarding.team.title')}
        </Title>
        {team.isError && <QueryError error={team.error} onRetry={() => team.refetch()} />}
        {team.data && (
          <Table.ScrollContainer minWidth={280}>
            <Table verticalSpacing="xs" data-testid="team-members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('onboarding.team.member')}</Table.Th>
                  <Table.Th>{t('onboarding.team.role')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {team.data.members.map((member) => (
                  <Table.Tr key={member.id} data-testid="team-member">
                    <Table.Td>
                      <Text fz="sm" fw={600}>
                        {member.user.name}
                      </Text>
                      <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {member.user.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="default" tt="none">
                        {t(`onboarding.roles.${member.role}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canManage && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Title order={3} fz="h5">
                {t('onboarding.team.inviteTitle')}
              </Title>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  label={t('signIn.email')}
                  type="email"
                  value={email}
                  onChange={(event) => setEmail(event.currentTarget.value)}
                  error={emailError}
                  style={{ flex: '1 1 220px' }}
                />
                <Select
                  label={t('onboarding.team.role')}
                  data={roles.map((value) => ({ value, label: t(`onboarding.roles.${value}`) }))}
                  value={role}
                  onChange={(value) => value && setRole(value)}
                  allowDeselect={false}
                  style={{ flex: '0 1 180px' }}
                />
              </Group>
              <Group>
                <Button type="submit" loading={invite.isPending} data-testid="invite-submit">
                  {t('onboarding.team.invite')}
                </Button>
              </Group>
              <FormError error={invite.error} testId="invite-error" />
              {created && (
                <Stack gap={4} data-testid="invite-created">
                  <Text fz="sm">{t('onboarding.team.shareLink', { email: created.email })}</Text>
                  <CopyValue
                    value={invitationLink(created.id)}
                    label={t('onboarding.team.link')}
                    testId="invite-link"
                    fw={400}
                    fz="sm"
                  />
                </Stack>
              )}
            </Stack>
          </form>
        )}
        {canManage && pending.length > 0 && (
          <Stack gap="xs">
            <Title order={3} fz="h5">
              {t('onboarding.team.pending')}
            </Title>
            {pending.map((invitation) => (
              <Stack key={invitation.id} gap={2} data-testid="pending-invitation">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fz="sm">
                    {invitation.email} · {t(`onboarding.roles.${invitation.role}`)} ·{' '}
                    {t('onboarding.team.expires', { date: format.date(invitation.expiresAt) })}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red.9"
                    onClick={() => cancel.mutate(invitation.id)}
                    loading={cancel.isPending && cancel.variables === invitation.id}
                  >
                    {t('onboarding.team.cancel')}
                  </Button>
                </Group>
                <CopyValue
                  value={invitationLink(invitation.id)}
                  label={t('onboarding.team.link')}
                  fw={400}
                  fz="xs"
                />
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
};
