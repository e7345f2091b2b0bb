import { Alert, Button, Card, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useAcceptInvitation, useInvitation } from '../../api/onboarding-queries';
import { useMe } from '../../api/queries';
import { FormError } from '../../components/form-error';
import { useDocumentTitle } from '../../layout/use-document-title';

/**
 * Where an invitation link leads. Signed out: sign up or sign in first (and
 * come back). Signed in as the invitee: the company, the role, and Accept.
 */
export const InvitationScreen = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  useDocumentTitle(t('onboarding.invitation.title'));
  const back = encodeURIComponent(`/invitations/${id}`);
  return (
    <Container size={520} py={{ base: 'lg', sm: 60 }}>
      <Card withBorder padding="xl" radius="md">
        <Stack gap="md">
          <Title order={1} fz="h2">
            {t('onboarding.invitation.title')}
          </Title>
          {me.isPending && <Skeleton height={80} />}
          {!me.isPending && !me.data && (
            <>
              <Text>{t('onboarding.invitation.signedOut')}</Text>
              <Group gap="sm" wrap="wrap">
                <Button component={Link} to={`/sign-up?next=${back}`} data-testid="invitation-sign-up">
                  {t('onboarding.signUp.submit')}
                </Button>
                <Button component={Link} to={`/sign-in?next=${back}`} variant="default">
                  {t('header.signIn')}
                </Button>
              </Group>
            </>
          )}
          {me.data && <InvitationAnswer id={id} email={me.data.user.email} />}
        </Stack>
      </Card>
    </Container>
  );
};

const InvitationAnswer = ({ id, email }: { id: string; email: string }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invitation = useInvitation(id, true);
  const accept = useAcceptInvitation();
  if (invitation.isPending) return <Skeleton height={80} />;
  if (invitation.isError) {
    const notRecipient = invitation.error instanceof ApiError && invitation.error.status === 403;
    return (
      <Alert color="orange" role="alert" data-testid="invitation-problem">
        {notRecipient ? t('onboarding.invitation.otherAddress', { email }) : t('onboarding.invitation.gone')}
      </Alert>
    );
  }
  const { organizationName, role, inviterEmail } = invitation.data;
  return (
    <Stack gap="md">
      <Text data-testid="invitation-summary">
        {t('onboarding.invitation.summary', {
          company: organizationName,
          role: t(`onboarding.roles.${role}`),
          inviter: inviterEmail,
        })}
      </Text>
      <FormError error={accept.error} />
      <Group>
        <Button
          onClick={() => accept.mutate(id, { onSuccess: () => navigate('/company', { replace: true }) })}
          loading={accept.isPending}
          data-testid="accept-invitation"
        >
          {t('onboarding.invitation.accept')}
        </Button>
      </Group>
    </Stack>
  );
};
