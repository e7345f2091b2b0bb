import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSignIn } from '../../api/queries';
import { safeNext } from '../../components/signed-in-gate';
import { useDocumentTitle } from '../../layout/use-document-title';

type FieldErrors = { email?: string; password?: string; form?: string };

// Deliberately loose: the server is the judge of valid addresses; this only
// catches obvious slips before a round trip.
const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

export const SignInScreen = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Sent here from a workspace page (or a notification link): go back there after signing in.
  const returnTo = safeNext(params.get('next')) ?? '/';
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  useDocumentTitle(t('signIn.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!email.trim()) next.email = t('signIn.errors.emailRequired');
    else if (!looksLikeEmail(email.trim())) next.email = t('signIn.errors.emailInvalid');
    if (!password) next.password = t('signIn.errors.passwordRequired');
    setErrors(next);
    if (next.email || next.password) return;

    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => navigate(returnTo, { replace: true }),
        onError: (error) => {
          if (!(error instanceof ApiError)) {
            setErrors({ form: t('errors.network') });
          } else if (error.status === 401) {
            // Don't reveal which of the two was wrong: that would confirm accounts exist.
            setErrors({ password: t('signIn.errors.invalidCredentials') });
          } else if (error.status === 400 && error.code.includes('EMAIL')) {
            setErrors({ email: t('signIn.errors.emailInvalid') });
          } else if (error.status === 429) {
            setErrors({ form: t('signIn.errors.tooMany') });
          } else {
            // Anything else (e.g. a rejected origin) is not the user's typing: show the server's reason.
            setErrors({ form: error.message });
          }
        },
      },
    );
  };

  return (
    <Container size={440} py={{ base: 'lg', sm: 60 }}>
      <Card withBorder padding="xl" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Title order={1} fz="h2">
                {t('signIn.title')}
              </Title>
              <Text c="dimmed" fz="sm">
                {t('signIn.subtitle')}
              </Text>
            </div>
            {errors.form && (
              <Alert color="red" role="alert">
                {errors.form}
              </Alert>
            )}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={errors.email}
              data-autofocus
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.password}
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {t('signIn.submit')}
            </Button>
            <Text fz="sm" ta="center">
              {t('onboarding.signUp.noAccount')}{' '}
              <Anchor
                component={Link}
                to={`/sign-up${params.get('next') ? `?next=${encodeURIComponent(returnTo)}` : ''}`}
                data-testid="sign-up-link"
              >
                {t('onboarding.signUp.submit')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Card>
    </Container>
  );
};
