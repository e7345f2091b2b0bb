import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  Grid,
  Group,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDispute, useDisputeStep, useRespondToDispute } from '../../api/order-queries';
import type { Dispute } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { Countdown } from '../../components/countdown';
import { type Fact, FactList } from '../../components/fact-list';
import { FormError } from '../../components/form-error';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { SignedInGate } from '../../components/signed-in-gate';
import { DisputeStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { DecideForm } from './decide-form';

const OPEN = ['awaiting_response', 'responded', 'escalated'];

export const DisputeScreen = () => <SignedInGate>{() => <DisputeLoader />}</SignedInGate>;

const DisputeLoader = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const dispute = useDispute(id);
  useDocumentTitle(t('dispute.title'));
  if (dispute.isError && isNotFound(dispute.error)) return <NotFound />;
  if (dispute.isError) {
    return (
      <Container size="xl" py="lg">
        <QueryError error={dispute.error} onRetry={() => dispute.refetch()} />
      </Container>
    );
  }
  if (!dispute.data) {
    return (
      <Container size="xl" py="lg" aria-busy="true">
        <Skeleton height={32} width="50%" />
        <Skeleton height={260} mt="lg" />
      </Container>
    );
  }
  return <DisputePage dispute={dispute.data} />;
};

const DisputePage = ({ dispute }: { dispute: Dispute }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const can = (action: string) => dispute.viewer.actions.includes(action);
  const open = OPEN.includes(dispute.status);
  const facts: Fact[] = [
    { label: t('dispute.reason'), value: t(`disputeReason.${dispute.reason}`) },
    { label: t('dispute.claimed'), value: <strong>{format.money(dispute.amount)}</strong> },
    { label: t('dispute.openedAt'), value: format.dateTime(dispute.openedAt) },
  ];
  if (dispute.escalatedAt)
    facts.push({
      label: t('dispute.escalatedAt'),
      value: t('dispute.escalatedBy', {
        date: format.dateTime(dispute.escalatedAt),
        by: t(`dispute.by.${dispute.escalatedBy ?? 'timer'}`, { defaultValue: dispute.escalatedBy ?? '' }),
      }),
    });

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to={`/orders/${dispute.orderId}`} fz="sm">
            {t('dispute.backToOrder')}
          </Anchor>
          <Group gap="sm" mt={4}>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }} data-testid="dispute-title">
              {t('dispute.heading', { reason: t(`disputeReason.${dispute.reason}`) })}
            </Title>
            <DisputeStatusBadge status={dispute.status} />
          </Group>
          <Text fz="sm" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
            {t('dispute.subtitle', { id: dispute.id, order: dispute.orderId })}
          </Text>
        </div>

        {dispute.status === 'withdrawn' && <Alert color="gray">{t('dispute.withdrawn')}</Alert>}
        {dispute.status === 'escalated' && dispute.viewer.role !== 'operator' && (
          <Alert color="lane" variant="light" data-testid="dispute-under-review">
            {t('dispute.underReview')}
          </Alert>
        )}
        {dispute.decision && <Decision dispute={dispute} />}

        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
            <Stack gap="lg">
              <Card withBorder padding="lg" component="section" aria-labelledby="claim">
                <Title order={2} fz="h4" id="claim" mb="sm">
                  {t('dispute.claim')}
                </Title>
                <Stack gap="md">
                  <FactList facts={facts} cols={{ base: 1, sm: 2 }} />
                  <Text style={{ whiteSpace: 'pre-line' }} data-testid="dispute-description">
                    {dispute.description}
                  </Text>
                  <Evidence dispute={dispute} />
                </Stack>
              </Card>
              <Card withBorder padding="lg" component="section" aria-labelledby="response">
                <Title order={2} fz="h4" id="response" mb="sm">
                  {t('dispute.response')}
                </Title>
                {dispute.response ? (
                  <Stack gap={4}>
                    <Text style={{ whiteSpace: 'pre-line' }} data-testid="dispute-response">
                      {dispute.response}
                    </Text>
                    {dispute.respondedAt && (
                      <Text fz="xs" c="dimmed">
                        {format.dateTime(dispute.respondedAt)}
                      </Text>
                    )}
                  </Stack>
                ) : can('respond') ? (
                  <RespondForm dispute={dispute} />
                ) : (
                  <Text fz="sm" c="dimmed">
                    {open ? t('dispute.noResponseYet') : t('dispute.noResponse')}
                  </Text>
                )}
              </Card>
              {dispute.viewer.role === 'operator' && open && (
                <Card withBorder padding="lg" component="section" aria-labelledby="decide">
                  <Title order={2} fz="h4" id="decide" mb="sm">
                    {t('decide.title')}
                  </Title>
                  {/* The server decides escalated disputes only, whatever else `decide` is offered on. */}
                  {dispute.status === 'escalated' && can('decide') ? (
                    <DecideForm dispute={dispute} />
                  ) : (
                    <Text fz="sm" c="dimmed">
                      {t('decide.notYet')}
                    </Text>
                  )}
                </Card>
              )}
            </Stack>
          </Grid.Col>
          {/* The clocks and buttons come first on phones: they are what the reader acts on. */}
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            <Stack gap="lg">
              {open && <Deadlines dispute={dispute} />}
              <DisputeButtons dispute={dispute} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
};

const Decision = ({ dispute }: { dispute: Dispute }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (!dispute.decision) return null;
  return (
    <Alert
      color={dispute.decision === 'rejected' ? 'gray' : 'teal'}
      title={t('dispute.decided', { decision: t(`disputeDecision.${dispute.decision}`) })}
      data-testid="dispute-decision"
    >
      <Stack gap={4}>
        {dispute.refundAmount && BigInt(dispute.refundAmount.amount) > 0n && (
          <Text fz="sm">{t('dispute.refunded', { amount: format.money(dispute.refundAmount) })}</Text>
        )}
        {dispute.decisionNote && (
          <Text fz="sm" style={{ whiteSpace: 'pre-line' }}>
            {dispute.decisionNote}
          </Text>
        )}
        {dispute.decidedAt && (
          <Text fz="xs" c="dimmed">
            {format.dateTime(dispute.decidedAt)}
          </Text>
        )}
      </Stack>
    </Alert>
  );
};

const Evidence = ({ dispute }: { dispute: Dispute }) => {
  const { t } = useTranslation();
  return (
    <div>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.02em' }}>
        {t('dispute.evidence')}
      </Text>
      {dispute.evidence.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('dispute.noEvidence')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {dispute.evidence.map((file, i) => (
            <li key={file.id}>
              <Anchor href={file.url} download fz="sm" data-testid="evidence-link">
                {t('dispute.evidenceFile', { number: i + 1 })}
              </Anchor>
            </li>
          ))}
        </Stack>
      )}
    </div>
  );
};

/** The dispute's clocks: the supplier's time to answer, when the buyer may escalate, when it escalates itself. */
const Deadlines = ({ dispute }: { dispute: Dispute }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: { key: string; at: string; show: boolean }[] = [
    { key: 'response', at: dispute.deadlines.response, show: dispute.status === 'awaiting_response' },
    { key: 'buyerMayEscalate', at: dispute.deadlines.buyerMayEscalate, show: dispute.status !== 'escalated' },
    { key: 'autoEscalation', at: dispute.deadlines.autoEscalation, show: dispute.status !== 'escalated' },
  ];
  const shown = rows.filter((row) => row.show);
  if (shown.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="dispute-deadlines" bg="lane.0">
      <Title order={2} fz="h5" id="dispute-deadlines" mb="sm">
        {t('dispute.deadlines.title')}
      </Title>
      <Stack gap="sm">
        {shown.map((row) => (
          <div key={row.key} data-testid={`deadline-${row.key}`}>
            <Text fz="sm" fw={600}>
              {t(`dispute.deadlines.${row.key}`)}
            </Text>
            <Text fz="sm">{format.dateTime(row.at)}</Text>
            <Countdown at={row.at} fz="xs" c="dimmed" />
          </div>
        ))}
      </Stack>
    </Card>
  );
};

const DisputeButtons = ({ dispute }: { dispute: Dispute }) => {
  const { t } = useTranslation();
  const step = useDisputeStep(dispute.id);
  const can = (action: string) => dispute.viewer.actions.includes(action);
  if (!can('escalate') && !can('withdraw')) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="dispute-actions">
      <Title order={2} fz="h5" id="dispute-actions" mb="sm">
        {t('dispute.actions')}
      </Title>
      <Stack gap="sm" align="flex-start">
        {can('escalate') && (
          <ConfirmButton
            variant="light"
            title={t('dispute.escalate.title')}
            body={t(`dispute.escalate.body.${dispute.viewer.role}`, {
              defaultValue: t('dispute.escalate.body.buyer'),
            })}
            confirmLabel={t('dispute.escalate.label')}
            onConfirm={() => step.mutate('escalate')}
            loading={step.isPending && step.variables === 'escalate'}
            data-testid="dispute-escalate"
          >
            {t('dispute.escalate.label')}
          </ConfirmButton>
        )}
        {can('withdraw') && (
          <ConfirmButton
            variant="subtle"
            color="red.9"
            c="red.9"
            title={t('dispute.withdraw.title')}
            body={t('dispute.withdraw.body')}
            confirmLabel={t('dispute.withdraw.label')}
            onConfirm={() => step.mutate('withdraw')}
            loading={step.isPending && step.variables === 'withdraw'}
            data-testid="dispute-withdraw"
          >
            {t('dispute.withdraw.label')}
          </ConfirmButton>
        )}
        <FormError error={step.error} />
      </Stack>
    </Card>
  );
};

const RespondForm = ({ dispute }: { dispute: Dispute }) => {
  const { t } = useTranslation();
  const respond = useRespondToDispute(dispute.id);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('forms.required'));
      return;
    }
    respond.mutate(text.trim());
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('dispute.respondLabel')} data-testid="respond-form">
      <Stack gap="sm">
        <Text fz="sm">{t('dispute.respondHint')}</Text>
        <FormError error={respond.error} />
        <Textarea
          label={t('dispute.respondLabel')}
          required
          autosize
          minRows={3}
          maxLength={5000}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          data-testid="respond-text"
        />
        <div>
          <Button type="submit" loading={respond.isPending} data-testid="respond-submit">
            {t('dispute.respondSubmit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
};
