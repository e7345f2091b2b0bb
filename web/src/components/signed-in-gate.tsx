import { Button, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { useMe } from '../api/queries';
import type { CompanyCard, Me } from '../api/types';
import { QueryError } from './query-error';

export type Member = Me & { company: CompanyCard };

/**
 * Workspace screens need a signed-in member of a company: signed-out readers
 * go to sign-in and come back here afterwards.
 */
export const SignedInGate = ({ children }: { children: (me: Member) => ReactNode }) => {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Container size="xl" py="lg" aria-busy="true">
        <Stack>
          <Skeleton height={32} width="40%" />
          <Skeleton height={160} />
        </Stack>
      </Container>
    );
  }
  if (me.isError) {
    return (
      <Container size="xl" py="lg">
        <QueryError error={me.error} onRetry={() => me.refetch()} />
      </Container>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  const { company } = me.data;
  if (!company) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('workspace.noCompany.title')}
        </Title>
        <Text mt="sm">{t('workspace.noCompany.body')}</Text>
        <Group mt="md">
          <Button component={Link} to="/company/new" data-testid="register-company">
            {t('nav.createCompany')}
          </Button>
        </Group>
      </Container>
    );
  }
  return <>{children({ ...me.data, company })}</>;
};

/** Only same-site paths: a `next` pointing elsewhere would make sign-in an open redirect. */
export const safeNext = (value: string | null): string | null =>
  value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;
