import {
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { indexPdfUrl, useIndexCoverage } from '../../api/index-queries';
import { usePlatformHealth, useVerificationQueue } from '../../api/onboarding-queries';
import type { PlatformHealth } from '../../api/onboarding-types';
import { FactList } from '../../components/fact-list';
import { OperatorOnly } from '../../components/operator-only';
import { QueryError } from '../../components/query-error';
import { SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { API_LANG, UI_LANGS } from '../../i18n/languages';
import { useDocumentTitle } from '../../layout/use-document-title';

export const OperatorHomeScreen = () => (
  <SignedInGate>
    {(me) => (me.company.kind === 'operator' ? <Console /> : <OperatorOnly title="operatorHome.title" />)}
  </SignedInGate>
);

/** The desks of the operator's workspace, each with one line on what it is for. */
const DESKS = [
  { to: '/operator/verification', key: 'verification', testId: 'desk-verification' },
  { to: '/operator/disputes', key: 'disputes', testId: 'desk-disputes' },
  { to: '/operator/reconciliation', key: 'reconciliation', testId: 'desk-reconciliation' },
  { to: '/operator/programs', key: 'programs', testId: 'desk-programs' },
  { to: '/payouts', key: 'payouts', testId: 'desk-payouts' },
  { to: '/operator/ad-wallets', key: 'adWallets', testId: 'desk-ad-wallets' },
] as const;

const Console = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const queue = useVerificationQueue('pending', true);
  const waiting = queue.data?.items.length;
  useDocumentTitle(t('operatorHome.title'));
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('operatorHome.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('operatorHome.subtitle')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {DESKS.map((desk) => (
            <Card key={desk.to} withBorder padding="md" radius="md" data-testid={desk.testId}>
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={desk.to} fw={700}>
                    {t(`operatorHome.desks.${desk.key}.title`)}
                  </Anchor>
                  {desk.key === 'verification' && waiting !== undefined && waiting > 0 && (
                    <Badge color="red.9" data-testid="verification-waiting">
                      {t('operatorHome.waiting', { count: waiting, value: format.number(waiting) })}
                    </Badge>
                  )}
                </Group>
                <Text fz="sm" c="dimmed">
                  {t(`operatorHome.desks.${desk.key}.body`)}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <HealthCard />
          <IndexPublishingCard />
        </SimpleGrid>
      </Stack>
    </Container>
  );
};

/** The platform's pulse: the database, how long the server has run, and background work waiting. */
const HealthCard = () => {
  const { t } = useTranslation();
  const health = usePlatformHealth(true);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="health-heading">
      <Stack gap="md">
        <Title order={2} fz="h3" id="health-heading">
          {t('operatorHome.health.title')}
        </Title>
        {health.isError && <QueryError error={health.error} onRetry={() => health.refetch()} />}
        {health.isPending && <Skeleton height={120} />}
        {health.data && <HealthFacts health={health.data} />}
      </Stack>
    </Card>
  );
};

const HealthFacts = ({ health }: { health: PlatformHealth }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const jobs = health.jobs;
  const waitingJobs = jobs ? (jobs.created ?? 0) + (jobs.retry ?? 0) + (jobs.active ?? 0) : null;
  return (
    <div data-testid="platform-health">
      <FactList
        cols={{ base: 1, sm: 2 }}
        facts={[
          {
            label: t('operatorHome.health.database'),
            value: (
              <Group gap="xs" component="span">
                <span>{t(`operatorHome.health.engine.${health.database.engine}`)}</span>
                <Badge color={health.database.ok ? 'teal.9' : 'red.9'} data-testid="health-db">
                  {health.database.ok ? t('operatorHome.health.ok') : t('operatorHome.health.down')}
                </Badge>
              </Group>
            ),
          },
          {
            label: t('operatorHome.health.latency'),
            value: t('operatorHome.health.ms', { value: format.number(health.database.latencyMs) }),
          },
          { label: t('operatorHome.health.uptime'), value: format.duration(health.uptimeSeconds * 1000) },
          {
            label: t('operatorHome.health.outbox'),
            value: health.outbox.oldestPendingAt
              ? t('operatorHome.health.outboxWaiting', {
                  value: format.number(health.outbox.pending),
                  since: format.relative(health.outbox.oldestPendingAt),
                })
              : t('operatorHome.health.none'),
          },
          {
            label: t('operatorHome.health.jobs'),
            value:
              waitingJobs === null
                ? t('operatorHome.health.schedulerOff')
                : t('operatorHome.health.jobsValue', {
                    waiting: format.number(waitingJobs),
                    failed: format.number(jobs?.failed ?? 0),
                  }),
          },
          { label: t('operatorHome.health.webhooks'), value: format.number(health.webhooks.due) },
        ]}
      />
    </div>
  );
};

/**
 * Publishing the trade index: it is public as soon as its rollups are, so the
 * operator's part is to check the months it covers and hand out the report.
 */
const IndexPublishingCard = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const coverage = useIndexCoverage();
  const period = coverage.data?.suggested;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="index-heading">
      <Stack gap="md">
        <Title order={2} fz="h3" id="index-heading">
          {t('operatorHome.index.title')}
        </Title>
        {coverage.isError && <QueryError error={coverage.error} onRetry={() => coverage.refetch()} />}
        {coverage.isPending && <Skeleton height={80} />}
        {coverage.data && (
          <>
            <Text fz="sm" data-testid="index-coverage">
              {coverage.data.firstMonth && coverage.data.lastMonth
                ? t('operatorHome.index.covers', {
                    from: format.month(coverage.data.firstMonth),
                    to: format.month(coverage.data.lastMonth),
                  })
                : t('operatorHome.index.empty')}
            </Text>
            {period && (
              <Stack gap="xs">
                <Text fz="sm" c="dimmed">
                  {t('operatorHome.index.report', {
                    from: format.month(period.from),
                    to: format.month(period.to),
                  })}
                </Text>
                <Group gap="xs" wrap="wrap">
                  {UI_LANGS.map((lang) => (
                    <Button
                      key={lang}
                      component="a"
                      href={indexPdfUrl(period, lang)}
                      variant="default"
                      size="xs"
                      lang={lang}
                    >
                      {t('operatorHome.index.pdf', { language: t(`languageName.${API_LANG[lang]}`) })}
                    </Button>
                  ))}
                </Group>
              </Stack>
            )}
            <Anchor component={Link} to="/trade-index" fz="sm">
              {t('operatorHome.index.open')}
            </Anchor>
          </>
        )}
      </Stack>
    </Card>
  );
};
