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
import { useSignUp } from '../../api/onboarding-queries';
import { safeNext } from '../../components/signed-in-gate';
import { useDocumentTitle } from '../../layout/use-document-title';

type FieldErrors = { name?: string; email?: string; password?: string; form?: string };

/** better-auth's limits (src/modules/identity/auth.ts): checked here to save a round trip. */
const PASSWORD_MIN = 10;
const PASSWORD_MAX = 128;
const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** A new account. Afterwards: back to an invitation link, or on to registering a company. */
export const SignUpScreen = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signUp = useSignUp();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  useDocumentTitle(t('onboarding.signUp.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (name.trim().length < 2) found.name = t('onboarding.signUp.errors.name');
    if (!looksLikeEmail(email.trim())) found.email = t('signIn.errors.emailInvalid');
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
      found.password = t('onboarding.signUp.errors.password', { min: PASSWORD_MIN, max: PASSWORD_MAX });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    signUp.mutate(
      { name: name.trim(), email: email.trim(), password },
      {
        onSuccess: () => navigate(next ?? '/company/new', { replace: true }),
        onError: (error) => {
          if (!(error instanceof ApiError)) setErrors({ form: t('errors.network') });
          else if (error.code.includes('USER_ALREADY_EXISTS') || error.status === 422)
            setErrors({ email: t('onboarding.signUp.errors.taken') });
          else if (error.status === 429) setErrors({ form: t('signIn.errors.tooMany') });
          else if (error.code.includes('PASSWORD'))
            setErrors({
              password: t('onboarding.signUp.errors.password', { min: PASSWORD_MIN, max: PASSWORD_MAX }),
            });
          else setErrors({ form: error.message });
        },
      },
    );
  };

  const signInLink = `/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  return (
    <Container size={440} py={{ base: 'lg', sm: 60 }}>
      <Card withBorder padding="xl" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Title order={1} fz="h2">
                {t('onboarding.signUp.title')}
              </Title>
              <Text c="dimmed" fz="sm">
                {t('onboarding.signUp.subtitle')}
              </Text>
            </div>
            {errors.form && (
              <Alert color="red" role="alert">
                {errors.form}
              </Alert>
            )}
            <TextInput
              label={t('onboarding.signUp.name')}
              autoComplete="name"
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              data-autofocus
            />
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={errors.email}
            />
            <PasswordInput
              label={t('signIn.password')}
              description={t('onboarding.signUp.passwordHint', { min: PASSWORD_MIN })}
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.password}
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
            />
            <Button type="submit" loading={signUp.isPending} fullWidth>
              {t('onboarding.signUp.submit')}
            </Button>
            <Text fz="sm" ta="center">
              {t('onboarding.signUp.haveAccount')}{' '}
              <Anchor component={Link} to={signInLink}>
                {t('header.signIn')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Card>
    </Container>
  );
};
