import {
  Anchor,
  Button,
  Card,
  Container,
  Group,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { licenceUrl, useDecideVerification, useVerificationQueue } from '../../api/onboarding-queries';
import type { VerificationQueueItem, VerificationRequestStatus } from '../../api/onboarding-types';
import { FormError } from '../../components/form-error';
import { OperatorOnly } from '../../components/operator-only';
import { QueryError } from '../../components/query-error';
import { SignedInGate } from '../../components/signed-in-gate';
import { VerificationBadge } from '../../components/verification-badge';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';

export const VerificationQueueScreen = () => (
  <SignedInGate>
    {(me) => (me.company.kind === 'operator' ? <Queue /> : <OperatorOnly title="verificationQueue.title" />)}
  </SignedInGate>
);

const Queue = () => {
  const { t } = useTranslation();
  const [status, setStatus] = useState<VerificationRequestStatus>('pending');
  const queue = useVerificationQueue(status, true);
  useDocumentTitle(t('verificationQueue.title'));
  const items = queue.data?.items ?? [];
  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('verificationQueue.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('verificationQueue.subtitle')}
          </Text>
        </div>
        <SegmentedControl
          aria-label={t('verificationQueue.show')}
          value={status}
          onChange={(value) => setStatus(value as VerificationRequestStatus)}
          data={(['pending', 'approved', 'rejected'] as const).map((value) => ({
            value,
            label: t(`verificationQueue.status.${value}`),
          }))}
          style={{ alignSelf: 'flex-start' }}
        />
        {queue.isError && <QueryError error={queue.error} onRetry={() => queue.refetch()} />}
        {queue.isPending && <Skeleton height={160} aria-busy="true" />}
        {queue.data && items.length === 0 && (
          <Text c="dimmed" data-testid="queue-empty">
            {t(`verificationQueue.empty.${status}`)}
          </Text>
        )}
        {items.map((item) => (
          <RequestCard key={item.id} item={item} />
        ))}
      </Stack>
    </Container>
  );
};

const RequestCard = ({ item }: { item: VerificationQueueItem }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const { company } = item;
  return (
    <Card withBorder padding="lg" radius="md" data-testid="verification-request" data-company-id={company.id}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={2} fz="h4">
              {company.kind === 'supplier' ? (
                <Anchor component={Link} to={`/suppliers/${company.id}`} inherit>
                  {company.name}
                </Anchor>
              ) : (
                company.name
              )}
            </Title>
            <Text fz="sm" c="dimmed">
              {t(`companyKind.${company.kind}`)} · {format.country(company.country)}
              {company.yearEstablished
                ? ` · ${t('verificationQueue.since', { year: company.yearEstablished })}`
                : ''}
            </Text>
          </div>
          <VerificationBadge level={company.verificationLevel} />
        </Group>
        <Text fz="sm">
          {t('verificationQueue.requested', { date: format.dateTime(item.requestedAt) })}
          {item.licence && (
            <>
              {' · '}
              <Anchor href={licenceUrl(company.id, item.licence.id)} data-testid="queue-licence">
                {t('verificationQueue.licence', { name: item.licence.fileName })}
              </Anchor>
            </>
          )}
        </Text>
        {item.status === 'pending' ? (
          <DecisionForm item={item} />
        ) : (
          <Text fz="sm" data-testid="decided">
            {item.status === 'approved'
              ? t('verificationQueue.approvedAs', {
                  level: t(`verification.${item.level ?? 'licence_checked'}`),
                })
              : t('verificationQueue.rejectedFor', { reason: item.reason ?? '' })}
          </Text>
        )}
      </Stack>
    </Card>
  );
};

type Level = 'licence_checked' | 'onsite_audited';

/** Approve with the level earned (an on-site audit names its auditor), or reject with a reason the company reads. */
const DecisionForm = ({ item }: { item: VerificationQueueItem }) => {
  const { t } = useTranslation();
  const decide = useDecideVerification();
  const [mode, setMode] = useState<'approve' | 'reject'>('approve');
  const [level, setLevel] = useState<Level>('licence_checked');
  const [auditor, setAuditor] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ auditor?: string; reason?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (mode === 'approve' && level === 'onsite_audited' && auditor.trim().length < 2)
      found.auditor = t('verificationQueue.errors.auditor');
    if (mode === 'reject' && reason.trim().length < 3) found.reason = t('verificationQueue.errors.reason');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    decide.mutate({
      requestId: item.id,
      decision:
        mode === 'approve'
          ? {
              decision: 'approve',
              level,
              ...(level === 'onsite_audited' ? { auditorName: auditor.trim() } : {}),
            }
          : { decision: 'reject', reason: reason.trim() },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('verificationQueue.decision')}
          value={mode}
          onChange={(value) => setMode(value as 'approve' | 'reject')}
          data={[
            { value: 'approve', label: t('verificationQueue.approve') },
            { value: 'reject', label: t('verificationQueue.reject') },
          ]}
          style={{ alignSelf: 'flex-start' }}
          data-testid="decision-mode"
        />
        {mode === 'approve' ? (
          <Group align="flex-start" gap="sm" wrap="wrap">
            <Select
              label={t('verificationQueue.level')}
              data={(['licence_checked', 'onsite_audited'] as const).map((value) => ({
                value,
                label: t(`verification.${value}`),
              }))}
              value={level}
              onChange={(value) => value && setLevel(value as Level)}
              allowDeselect={false}
              style={{ flex: '0 1 220px' }}
              data-testid="decision-level"
            />
            {level === 'onsite_audited' && (
              <TextInput
                label={t('verificationQueue.auditor')}
                value={auditor}
                onChange={(event) => setAuditor(event.currentTarget.value)}
                error={errors.auditor}
                style={{ flex: '1 1 220px' }}
              />
            )}
          </Group>
        ) : (
          <Textarea
            label={t('verificationQueue.reason')}
            description={t('verificationQueue.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
            autosize
            minRows={2}
            maxLength={500}
          />
        )}
        <FormError error={decide.error} />
        <Group>
          <Button
            type="submit"
            color={mode === 'reject' ? 'red.9' : undefined}
            loading={decide.isPending}
            data-testid="decision-submit"
          >
            {mode === 'approve' ? t('verificationQueue.approveSubmit') : t('verificationQueue.rejectSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
