import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Container,
  Grid,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { issuesByField } from '../../api/field-errors';
import {
  useApproveEnrollment,
  useEnrollments,
  useMarkMilestone,
  useProgram,
  useProgramDashboard,
  useRemoveEnrollment,
  useUpdateProgramSettings,
} from '../../api/tier-queries';
import type { Enrollment, EnrollmentStatus, Program, ProgramDashboard } from '../../api/tier-types';
import { DialogButton } from '../../components/dialog-button';
import { FormError } from '../../components/form-error';
import { NotFound } from '../../components/not-found';
import { OperatorOnly } from '../../components/operator-only';
import { PaginationBar } from '../../components/pagination-bar';
import { isNotFound, QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { TierBadgeView, useProgramName, useTierName } from '../tiers/tier-parts';
import { CriteriaList, EnrollmentStatusBadge, useProgramText } from './program-parts';
import { TargetProgressView } from './target-progress';

type Filter = EnrollmentStatus | 'all';
const PAGE_SIZE = 20;

/** One program for the operator: target progress, enrollments to approve, milestones to mark. */
export const OperatorProgramScreen = () => <SignedInGate>{(me) => <OperatorProgram me={me} />}</SignedInGate>;

const OperatorProgram = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const operator = me.company.kind === 'operator';
  const program = useProgram(operator ? id : undefined);
  const dashboard = useProgramDashboard(id, operator);
  const programName = useProgramName();
  useDocumentTitle(program.data ? programName(program.data) : t('programs.operator.title'));
  if (!operator) return <OperatorOnly title="programs.operator.title" />;
  if (program.isError && isNotFound(program.error)) return <NotFound />;

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Anchor component={Link} to="/operator/programs" fz="sm">
          {t('programs.operator.back')}
        </Anchor>
        {program.isError && <QueryError error={program.error} onRetry={() => program.refetch()} />}
        {program.isPending && <Skeleton height={60} width="60%" aria-busy="true" />}
        {program.data && (
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }} data-testid="program-title">
              {programName(program.data)}
            </Title>
            <Text fz="sm" c="dimmed">
              {program.data.nameZh} ·{' '}
              {program.data.open ? t('programs.operator.open') : t('programs.operator.closedShort')}
            </Text>
          </div>
        )}
        {dashboard.isError && <QueryError error={dashboard.error} onRetry={() => dashboard.refetch()} />}
        {dashboard.isPending && <Skeleton height={240} aria-busy="true" />}
        {dashboard.data && program.data && (
          <DashboardView dashboard={dashboard.data} program={program.data} />
        )}
        {program.data && <EnrollmentList program={program.data} />}
      </Stack>
    </Container>
  );
};

const DashboardView = ({ dashboard, program }: { dashboard: ProgramDashboard; program: Program }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useProgramText();
  const tierName = useTierName();
  const active = dashboard.enrollments.active;
  return (
    <Stack gap="lg">
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card
            withBorder
            padding="lg"
            h="100%"
            component="section"
            aria-labelledby="program-target"
            data-testid="program-target-card"
          >
            <Title order={2} fz="h4" id="program-target" mb="sm">
              {t('programs.operator.targetTitle')}
            </Title>
            {dashboard.target ? (
              <TargetProgressView target={dashboard.target} />
            ) : (
              <Text fz="sm" c="dimmed">
                {t('programs.operator.noTarget')}
              </Text>
            )}
            <Text fz="xs" c="dimmed" mt="sm">
              {t('programs.operator.goalIs', {
                goal: text.milestone(
                  program.milestones.find((m) => m.key === dashboard.goal) ?? {
                    key: dashboard.goal,
                    name: dashboard.goal,
                  },
                ),
              })}
            </Text>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SettingsCard program={program} />
        </Grid.Col>
      </Grid>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {(['applied', 'active', 'removed'] as const).map((s) => (
          <Card key={s} withBorder padding="sm">
            <Text fz="xs" c="dimmed">
              {t(`programs.status.${s}`)}
            </Text>
            <Text fz="xl" fw={800} data-testid={`program-count-${s}`}>
              {format.number(dashboard.enrollments[s] ?? 0)}
            </Text>
          </Card>
        ))}
        <Card withBorder padding="sm">
          <Text fz="xs" c="dimmed">
            {t('programs.operator.total')}
          </Text>
          <Text fz="xl" fw={800}>
            {format.number(dashboard.enrollments.total)}
          </Text>
        </Card>
      </SimpleGrid>

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="program-milestones">
            <Title order={2} fz="h4" id="program-milestones" mb="sm">
              {t('programs.operator.milestonesTitle')}
            </Title>
            <Stack gap="sm">
              {dashboard.milestones.map((m) => (
                <div key={m.key} data-testid="dashboard-milestone">
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text fz="sm">{text.milestone(m)}</Text>
                    <Text fz="sm" fw={700} style={{ flexShrink: 0 }}>
                      {t('programs.operator.ofActive', {
                        reached: format.number(m.reached),
                        active: format.number(active),
                      })}
                    </Text>
                  </Group>
                  <Progress
                    value={active > 0 ? (m.reached / active) * 100 : 0}
                    size="sm"
                    aria-hidden="true"
                  />
                </div>
              ))}
            </Stack>
            <Title order={3} fz="h5" mt="lg" mb="xs">
              {t('programs.operator.tiersTitle')}
            </Title>
            <Group gap="md" wrap="wrap">
              {Object.entries(dashboard.tiers).map(([key, n]) => (
                <Text key={key} fz="sm">
                  {tierName({ key, name: key })}: <b>{format.number(n)}</b>
                </Text>
              ))}
            </Group>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="program-months">
            <Title order={2} fz="h4" id="program-months" mb="sm">
              {t('programs.operator.monthlyTitle')}
            </Title>
            <div className="table-scroll">
              <Table striped withTableBorder data-testid="program-monthly">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('tiers.month')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('programs.operator.applications')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('programs.operator.goalReached')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...dashboard.monthly].reverse().map((m) => (
                    <Table.Tr key={m.month}>
                      <Table.Td>{format.month(`${m.month}-15T12:00:00Z`)}</Table.Td>
                      <Table.Td ta="right">{format.number(m.applications)}</Table.Td>
                      <Table.Td ta="right">{format.number(m.goalReached)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
};

/** The program's target, its end, and whether it takes applications. */
const SettingsCard = ({ program }: { program: Program }) => {
  const { t } = useTranslation();
  const update = useUpdateProgramSettings(program.id);
  const [target, setTarget] = useState(program.target ? String(program.target.count) : '');
  const [endsOn, setEndsOn] = useState(program.target?.endsOn ?? '');
  const [open, setOpen] = useState(program.open);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const count = target.trim() === '' ? null : Number(target.trim());
    if (count !== null && (!Number.isInteger(count) || count < 1)) {
      setErrors({ targetCount: t('programs.operator.errors.target') });
      return;
    }
    setErrors({});
    update.mutate(
      { targetCount: count, open, ...(endsOn ? { endsOn } : {}) },
      {
        onError: (error) => {
          const byField = issuesByField(error, (key) => ['targetCount', 'endsOn', 'open'].includes(key));
          setErrors(byField);
        },
      },
    );
  };
  const { '': general, ...fieldErrors } = errors;
  return (
    <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="program-settings">
      <Title order={2} fz="h4" id="program-settings" mb="sm">
        {t('programs.operator.settingsTitle')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="program-settings">
        <Stack gap="sm">
          <TextInput
            label={t('programs.operator.targetCount')}
            description={t('programs.operator.targetCountHint')}
            value={target}
            onChange={(e) => {
              setTarget(e.currentTarget.value);
              setErrors((x) => ({ ...x, targetCount: undefined }));
            }}
            inputMode="numeric"
            error={fieldErrors.targetCount}
            data-testid="program-target-count"
          />
          <TextInput
            type="date"
            label={t('programs.operator.endsOn')}
            value={endsOn}
            onChange={(e) => {
              setEndsOn(e.currentTarget.value);
              setErrors((x) => ({ ...x, endsOn: undefined }));
            }}
            error={fieldErrors.endsOn}
          />
          <Switch
            label={t('programs.operator.openLabel')}
            checked={open}
            onChange={(e) => setOpen(e.currentTarget.checked)}
            data-testid="program-open"
          />
          {general && (
            <Text c="red.9" fz="sm" role="alert">
              {general}
            </Text>
          )}
          <FormError error={Object.keys(errors).length === 0 ? update.error : null} />
          {update.isSuccess && (
            <Text fz="sm" c="teal.9" role="status">
              {t('programs.operator.saved')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" variant="default" loading={update.isPending}>
              {t('programs.operator.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
};

const EnrollmentList = ({ program }: { program: Program }) => {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const enrollments = useEnrollments(program.id, {
    status: filter === 'all' ? undefined : filter,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="program-enrollments">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={2} fz="h3" id="program-enrollments">
          {t('programs.operator.enrollmentsTitle')}
        </Title>
        <SegmentedControl
          value={filter}
          onChange={(v) => {
            setFilter(v as Filter);
            setPage(1);
          }}
          data={(['all', 'applied', 'active', 'removed'] as const).map((f) => ({
            value: f,
            label: f === 'all' ? t('programs.operator.all') : t(`programs.status.${f}`),
          }))}
          aria-label={t('programs.operator.filter')}
        />
      </Group>
      {enrollments.isError && <QueryError error={enrollments.error} onRetry={() => enrollments.refetch()} />}
      {enrollments.isPending && <Skeleton height={120} aria-busy="true" />}
      {enrollments.data && enrollments.data.items.length === 0 && (
        <Card withBorder padding="xl" data-testid="enrollments-empty">
          <Text ta="center" c="dimmed">
            {t('programs.operator.noEnrollments')}
          </Text>
        </Card>
      )}
      {enrollments.data?.items.map((e) => (
        <EnrollmentCard key={e.id} enrollment={e} program={program} />
      ))}
      {enrollments.data && (
        <PaginationBar total={enrollments.data.total} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
      )}
    </Stack>
  );
};

const EnrollmentCard = ({ enrollment, program }: { enrollment: Enrollment; program: Program }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useProgramText();
  const approve = useApproveEnrollment();
  const mark = useMarkMilestone();
  const e = enrollment;
  return (
    <Card withBorder padding="md" data-testid="enrollment" data-enrollment-id={e.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Anchor
              component={Link}
              to={`/suppliers/${e.supplier.id}`}
              fw={700}
              style={{ overflowWrap: 'anywhere' }}
            >
              {e.supplier.name}
            </Anchor>
            <Group gap="xs" wrap="wrap">
              <EnrollmentStatusBadge status={e.status} />
              <TierBadgeView tier={e.tier} size="sm" />
              <Text fz="xs" c="dimmed">
                {t('programs.appliedOn', { date: format.date(e.appliedAt) })}
              </Text>
            </Group>
          </Stack>
          <Group gap="xs">
            {e.status === 'applied' && (
              <Button
                size="xs"
                loading={approve.isPending}
                onClick={() => approve.mutate(e.id)}
                data-testid="enrollment-approve"
              >
                {t('programs.operator.approve')}
              </Button>
            )}
            {e.status !== 'removed' && (
              <DialogButton
                size="xs"
                variant="default"
                color="red.9"
                label={
                  e.status === 'applied' ? t('programs.operator.decline') : t('programs.operator.remove')
                }
                title={t('programs.operator.removeTitle', { name: e.supplier.name })}
                data-testid="enrollment-remove"
              >
                {(close) => <RemoveForm enrollment={e} onDone={close} />}
              </DialogButton>
            )}
          </Group>
        </Group>
        {e.status === 'removed' && e.removalReason && (
          <Text fz="sm" c="dimmed">
            {t('programs.removalReason', { reason: e.removalReason })}
          </Text>
        )}
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Text fz="xs" c="dimmed" fw={600} mb={4}>
              {t('programs.operator.criteriaAtApplication')}
            </Text>
            <CriteriaList criteria={e.criteria} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Text fz="xs" c="dimmed" fw={600} mb={4}>
              {t('programs.milestones')}
            </Text>
            <Stack gap={6}>
              {e.milestones.map((m) => (
                <Checkbox
                  key={m.key}
                  checked={Boolean(m.achievedAt)}
                  disabled={e.status !== 'active' || mark.isPending}
                  onChange={(ev) =>
                    mark.mutate({ id: e.id, milestone: m.key, achieved: ev.currentTarget.checked })
                  }
                  label={
                    <span>
                      {text.milestone(m)}
                      {m.key === program.goal && (
                        <Text span fz="xs" fw={700} c="lane.8">
                          {' '}
                          {t('programs.goal')}
                        </Text>
                      )}
                      {m.achievedAt && (
                        <Text span fz="xs" c="dimmed">
                          {' '}
                          {t('programs.reachedOn', { date: format.date(m.achievedAt) })}
                        </Text>
                      )}
                    </span>
                  }
                  data-testid="enrollment-milestone"
                  data-milestone={m.key}
                />
              ))}
            </Stack>
          </Grid.Col>
        </Grid>
        <FormError error={approve.error ?? mark.error} />
      </Stack>
    </Card>
  );
};

const RemoveForm = ({ enrollment, onDone }: { enrollment: Enrollment; onDone: () => void }) => {
  const { t } = useTranslation();
  const remove = useRemoveEnrollment();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setError(t('programs.operator.errors.reason'));
      return;
    }
    remove.mutate(
      { id: enrollment.id, reason: reason.trim() },
      {
        onSuccess: onDone,
        onError: (err) => setError(issuesByField(err, (key) => key === 'reason').reason),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('programs.operator.reason')}
          description={t('programs.operator.reasonHint')}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          maxLength={500}
          autosize
          minRows={3}
          data-autofocus
          data-testid="remove-reason"
        />
        <FormError error={error ? null : remove.error} />
        <Group justify="flex-end">
          <Button type="submit" color="red.9" loading={remove.isPending} data-testid="remove-submit">
            {enrollment.status === 'applied' ? t('programs.operator.decline') : t('programs.operator.remove')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
