import { Alert, Button, Card, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEnroll, usePrograms } from '../../api/tier-queries';
import type { Program } from '../../api/tier-types';
import { FormError } from '../../components/form-error';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { MetMark, TierBadgeView, useProgramName } from '../tiers/tier-parts';
import {
  CriteriaList,
  EnrollmentStatusBadge,
  refusedCriteria,
  useProgramText,
  useTargetText,
} from './program-parts';

/** The growth programs for a supplier: what each asks, whether it qualifies, its own enrollment. */
export const ProgramsScreen = () => <SignedInGate>{(me) => <ProgramList me={me} />}</SignedInGate>;

const ProgramList = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const supplier = me.company.kind === 'supplier';
  const programs = usePrograms(supplier);
  useDocumentTitle(t('programs.title'));

  if (!supplier) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('programs.title')}
        </Title>
        <Text mt="sm">{t('programs.suppliersOnly')}</Text>
      </Container>
    );
  }
  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('programs.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('programs.subtitle')}
          </Text>
        </div>
        {programs.isError && <QueryError error={programs.error} onRetry={() => programs.refetch()} />}
        {programs.isPending && (
          <Stack aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={200} />
            ))}
          </Stack>
        )}
        {programs.data && programs.data.length === 0 && (
          <Card withBorder padding="xl" data-testid="programs-empty">
            <Text ta="center">{t('programs.empty')}</Text>
          </Card>
        )}
        {programs.data?.map((p) => (
          <ProgramCard key={p.id} program={p} />
        ))}
      </Stack>
    </Container>
  );
};

const ProgramCard = ({ program }: { program: Program }) => {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const programName = useProgramName();
  const text = useProgramText();
  const targetText = useTargetText();
  const enroll = useEnroll();
  const enrollment = program.enrollment ?? null;
  const eligibility = program.eligibility;
  const canApply = program.open && (!enrollment || enrollment.status === 'removed');
  const refused = refusedCriteria(enroll.error);
  const headingId = `program-${program.id}`;

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby={headingId}
      data-testid="program-card"
      data-program-id={program.id}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Title order={2} fz="h3" id={headingId}>
              {programName(program)}
            </Title>
            {i18n.language !== 'zh-CN' && (
              <Text fz="sm" c="dimmed" lang="zh-CN">
                {program.nameZh}
              </Text>
            )}
          </div>
          <Group gap="xs">
            {enrollment && <EnrollmentStatusBadge status={enrollment.status} />}
            {!enrollment && eligibility && (
              <Text
                fz="sm"
                fw={600}
                c={eligibility.eligible ? 'teal.9' : 'orange.9'}
                data-testid="program-eligibility"
              >
                {eligibility.eligible ? t('programs.eligible') : t('programs.notEligible')}
              </Text>
            )}
          </Group>
        </Group>
        <Text>{text.summary(program)}</Text>
        {program.target && (
          <Text fz="sm" fw={600} data-testid="program-target">
            {targetText(program.target)}
          </Text>
        )}

        <Group align="flex-start" gap="xl" wrap="wrap">
          <Stack gap="xs" style={{ flex: '1 1 280px', minWidth: 0 }}>
            <Title order={3} fz="h5">
              {t('programs.criteria')}
            </Title>
            {eligibility ? (
              <CriteriaList criteria={eligibility.criteria} testId="program-criteria" />
            ) : (
              <Text fz="sm" c="dimmed">
                {t('programs.criteriaUnknown')}
              </Text>
            )}
          </Stack>
          <Stack gap="xs" style={{ flex: '1 1 280px', minWidth: 0 }}>
            <Title order={3} fz="h5">
              {t('programs.milestones')}
            </Title>
            <Stack gap={4} component="ol" style={{ padding: 0, margin: 0, listStyle: 'none' }}>
              {program.milestones.map((m) => {
                const reached = enrollment?.milestones.find((x) => x.key === m.key)?.achievedAt ?? null;
                return (
                  <Group
                    key={m.key}
                    component="li"
                    gap="xs"
                    wrap="nowrap"
                    align="flex-start"
                    data-testid="milestone"
                  >
                    {enrollment ? (
                      <MetMark met={Boolean(reached)} />
                    ) : (
                      <span style={{ width: '1.2em' }}>·</span>
                    )}
                    <Text fz="sm">
                      {text.milestone(m)}
                      {m.key === program.goal && (
                        <Text span fz="xs" fw={700} c="lane.8">
                          {' '}
                          {t('programs.goal')}
                        </Text>
                      )}
                      {reached && (
                        <Text span fz="xs" c="dimmed">
                          {' '}
                          {t('programs.reachedOn', { date: format.date(reached) })}
                        </Text>
                      )}
                    </Text>
                  </Group>
                );
              })}
            </Stack>
          </Stack>
        </Group>

        {enrollment && (
          <Stack gap={4} data-testid="my-enrollment">
            <Group gap="xs">
              <TierBadgeView tier={enrollment.tier} size="sm" />
              <Text fz="sm">
                {enrollment.status === 'applied' &&
                  t('programs.appliedOn', { date: format.date(enrollment.appliedAt) })}
                {enrollment.status === 'active' &&
                  t('programs.activeSince', {
                    date: format.date(enrollment.approvedAt ?? enrollment.appliedAt),
                  })}
                {enrollment.status === 'removed' &&
                  t('programs.removedOn', {
                    date: format.date(enrollment.removedAt ?? enrollment.appliedAt),
                  })}
              </Text>
            </Group>
            {enrollment.status === 'removed' && enrollment.removalReason && (
              <Text fz="sm" c="dimmed">
                {t('programs.removalReason', { reason: enrollment.removalReason })}
              </Text>
            )}
          </Stack>
        )}

        {refused && (
          <Alert color="red" role="alert" title={t('programs.refusedTitle')} data-testid="program-refused">
            <Stack gap={4}>
              <Text fz="sm">{t('programs.refusedBody')}</Text>
              <CriteriaList criteria={refused.filter((c) => !c.met)} />
            </Stack>
          </Alert>
        )}
        {!refused && <FormError error={enroll.error} />}
        {enroll.isSuccess && (
          <Alert color="teal" role="status" data-testid="program-applied">
            {t('programs.appliedBody')}
          </Alert>
        )}
        <Group>
          {canApply && (
            <Button
              loading={enroll.isPending}
              onClick={() => enroll.mutate(program.id)}
              data-testid="program-apply"
            >
              {enrollment ? t('programs.applyAgain') : t('programs.apply')}
            </Button>
          )}
          {!program.open && (!enrollment || enrollment.status === 'removed') && (
            <Group gap="xs">
              <MetMark met={false} />
              <Text fz="sm">{t('programs.closed')}</Text>
            </Group>
          )}
        </Group>
      </Stack>
    </Card>
  );
};
