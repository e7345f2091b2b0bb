import { Alert, Anchor, Button, Card, FileButton, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  licenceUrl,
  useRequestVerification,
  useUploadLicence,
  useVerificationStatus,
} from '../../api/onboarding-queries';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, isAcceptedAttachment } from '../../api/upload';
import { FormError } from '../../components/form-error';
import { QueryError } from '../../components/query-error';
import { VerificationBadge } from '../../components/verification-badge';
import { useFormat } from '../../format/use-format';

/** What a file problem is, as data, so its sentence follows a language switch. */
type FileProblem = 'type' | 'size' | null;

/**
 * Verification, step by step: upload the business licence (with progress),
 * ask the operator to check it, and see the answer. Owners and admins act;
 * other members see where the company stands.
 */
export const VerificationPanel = ({ companyId, canManage }: { companyId: string; canManage: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useVerificationStatus(companyId);
  const upload = useUploadLicence(companyId);
  const request = useRequestVerification(companyId);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<FileProblem>(null);

  const pick = (file: File | null) => {
    if (!file) return;
    setProblem(null);
    upload.reset();
    if (!isAcceptedAttachment(file)) return setProblem('type');
    if (file.size > ATTACHMENT_MAX_BYTES) return setProblem('size');
    setProgress(0);
    upload.mutate({ file, onProgress: setProgress }, { onSettled: () => setProgress(null) });
  };

  const data = status.data;
  const pending = data?.request?.status === 'pending';
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="verification-heading">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="h3" id="verification-heading">
            {t('onboarding.verification.title')}
          </Title>
          {data && <VerificationBadge level={data.level} />}
        </Group>
        {status.isError && <QueryError error={status.error} onRetry={() => status.refetch()} />}
        {data && (
          <>
            <Text fz="sm" c="dimmed">
              {t(`onboarding.verification.levelHint.${data.level}`)}
            </Text>
            <Stack gap={4}>
              <Text fw={600} fz="sm">
                {t('onboarding.verification.licence')}
              </Text>
              {data.licence ? (
                <Text fz="sm" data-testid="licence-file">
                  <Anchor href={licenceUrl(companyId, data.licence.id)}>{data.licence.fileName}</Anchor>
                  {' · '}
                  {format.fileSize(data.licence.sizeBytes)}
                  {' · '}
                  {t('onboarding.verification.uploadedOn', { date: format.date(data.licence.uploadedAt) })}
                </Text>
              ) : (
                <Text fz="sm" c="dimmed" data-testid="licence-none">
                  {t('onboarding.verification.noLicence')}
                </Text>
              )}
            </Stack>
            {canManage && !pending && (
              <Group gap="sm" wrap="wrap">
                <FileButton onChange={pick} accept={ATTACHMENT_TYPES.join(',')}>
                  {(props) => (
                    <Button
                      {...props}
                      variant="default"
                      loading={upload.isPending}
                      data-testid="licence-upload"
                    >
                      {data.licence
                        ? t('onboarding.verification.replace')
                        : t('onboarding.verification.upload')}
                    </Button>
                  )}
                </FileButton>
                <Text fz="xs" c="dimmed">
                  {t('onboarding.verification.fileRule', { size: format.fileSize(ATTACHMENT_MAX_BYTES) })}
                </Text>
              </Group>
            )}
            {progress !== null && (
              <Progress
                value={Math.round(progress * 100)}
                aria-label={t('onboarding.verification.uploading')}
                data-testid="licence-progress"
                animated
              />
            )}
            {problem && (
              <Alert color="red" role="alert">
                {t(`onboarding.verification.problem.${problem}`, {
                  size: format.fileSize(ATTACHMENT_MAX_BYTES),
                })}
              </Alert>
            )}
            <FormError error={upload.error} testId="licence-error" />
            <RequestState companyId={companyId} />
            {canManage && !pending && data.licence && (
              <Group>
                <Button
                  onClick={() => request.mutate()}
                  loading={request.isPending}
                  data-testid="request-verification"
                >
                  {data.request
                    ? t('onboarding.verification.requestAgain')
                    : t('onboarding.verification.request')}
                </Button>
              </Group>
            )}
            <FormError error={request.error} testId="request-error" />
          </>
        )}
      </Stack>
    </Card>
  );
};

/** The newest request's answer: waiting, approved with its level, or refused with the operator's reason. */
const RequestState = ({ companyId }: { companyId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useVerificationStatus(companyId);
  const request = status.data?.request;
  if (!request) return null;
  if (request.status === 'pending')
    return (
      <Alert color="blue" data-testid="verification-pending">
        {t('onboarding.verification.pending', { date: format.date(request.requestedAt) })}
      </Alert>
    );
  if (request.status === 'approved')
    return (
      <Alert color="teal" data-testid="verification-approved">
        {t('onboarding.verification.approved', {
          level: t(`verification.${request.level ?? 'licence_checked'}`),
          date: format.date(request.decidedAt ?? request.requestedAt),
        })}
      </Alert>
    );
  return (
    <Alert color="orange" data-testid="verification-rejected">
      {t('onboarding.verification.rejected', { reason: request.reason ?? '' })}
    </Alert>
  );
};
