import {
  Alert,
  Anchor,
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
import { useProgramDashboard, usePrograms, useRecomputeTiers } from '../../api/tier-queries';
import type { Program } from '../../api/tier-types';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError } from '../../components/form-error';
import { OperatorOnly } from '../../components/operator-only';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useProgramName, useTierName } from '../tiers/tier-parts';
import { TargetProgressView } from './target-progress';

/** The operator's growth programs, each with its enrollments and target, and the monthly tier run on demand. */
export const OperatorProgramsScreen = () => (
  <SignedInGate>{(me) => <OperatorPrograms me={me} />}</SignedInGate>
);

const OperatorPrograms = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const operator = me.company.kind === 'operator';
  const programs = usePrograms(operator);
  useDocumentTitle(t('programs.operator.title'));
  if (!operator) return <OperatorOnly title="programs.operator.title" />;

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('programs.operator.title')}
            </Title>
            <Text c="dimmed" fz="sm">
              {t('programs.operator.subtitle')}
            </Text>
          </div>
          <RecomputeTiers />
        </Group>
        {programs.isError && <QueryError error={programs.error} onRetry={() => programs.refetch()} />}
        {programs.isPending && (
          <SimpleGrid cols={{ base: 1, md: 3 }} aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={220} />
            ))}
          </SimpleGrid>
        )}
        {programs.data && programs.data.length === 0 && (
          <Card withBorder padding="xl">
            <Text ta="center">{t('programs.empty')}</Text>
          </Card>
        )}
        {programs.data && programs.data.length > 0 && (
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            {programs.data.map((p) => (
              <ProgramSummaryCard key={p.id} program={p} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Container>
  );
};

const ProgramSummaryCard = ({ program }: { program: Program }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const programName = useProgramName();
  const dashboard = useProgramDashboard(program.id);
  const d = dashboard.data;
  return (
    <Card withBorder padding="lg" data-testid="operator-program" data-program-id={program.id}>
      <Stack gap="sm" h="100%">
        <div>
          <Anchor
            component={Link}
            to={`/operator/programs/${program.id}`}
            fw={700}
            fz="lg"
            data-testid="operator-program-link"
          >
            {programName(program)}
          </Anchor>
          <Text fz="xs" c={program.open ? 'teal.9' : 'orange.9'} fw={600}>
            {program.open ? t('programs.operator.open') : t('programs.operator.closedShort')}
          </Text>
        </div>
        {dashboard.isError && <QueryError error={dashboard.error} onRetry={() => dashboard.refetch()} />}
        {dashboard.isPending && <Skeleton height={100} />}
        {d && (
          <>
            <Group gap="lg" wrap="wrap">
              {(['applied', 'active', 'removed'] as const).map((s) => (
                <div key={s}>
                  <Text fz="xs" c="dimmed">
                    {t(`programs.status.${s}`)}
                  </Text>
                  <Text fw={700} fz="lg" data-testid={`program-count-${s}`}>
                    {format.number(d.enrollments[s] ?? 0)}
                  </Text>
                </div>
              ))}
            </Group>
            {d.target ? (
              <TargetProgressView target={d.target} compact />
            ) : (
              <Text fz="sm" c="dimmed">
                {t('programs.operator.noTarget')}
              </Text>
            )}
            {d.enrollments.applied > 0 && (
              <Text fz="sm" fw={600} c="lane.8">
                {t('programs.operator.toReview', { count: d.enrollments.applied })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
};

/** Recomputes every supplier's score and tier for this month (the monthly timer does it on the 1st). */
const RecomputeTiers = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const tierName = useTierName();
  const recompute = useRecomputeTiers();
  const run = recompute.data;
  return (
    <Stack gap="xs" align="flex-end" maw={520}>
      <ConfirmButton
        variant="default"
        title={t('programs.operator.recomputeTitle')}
        body={t('programs.operator.recomputeBody')}
        confirmLabel={t('programs.operator.recompute')}
        onConfirm={() => recompute.mutate()}
        loading={recompute.isPending}
        data-testid="recompute-tiers"
      >
        {t('programs.operator.recompute')}
      </ConfirmButton>
      <FormError error={recompute.error} />
      {run && (
        <Alert color="teal" role="status" data-testid="recompute-result">
          {t('programs.operator.recomputed', {
            count: run.suppliers,
            value: format.number(run.suppliers),
            month: format.month(`${run.month}-15T12:00:00Z`),
            tiers: Object.entries(run.tiers)
              .map(([key, n]) => `${tierName({ key, name: key })} ${format.number(n)}`)
              .join(' · '),
          })}
        </Alert>
      )}
    </Stack>
  );
};
