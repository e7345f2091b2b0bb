import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useImportStatement } from '../../api/payment-queries';
import type { StatementImport } from '../../api/types';
import { useIdempotencyKey } from '../../api/use-idempotency-key';
import { FormError } from '../../components/form-error';
import { IncomingStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';

const ACCEPT = '.sta,.mt940,.940,.txt,.xml,.camt,text/plain,application/xml,text/xml';
const COUNTS = [
  'credits',
  'matched',
  'partial',
  'overpaid',
  'unmatched',
  'duplicates',
  'debitsSkipped',
] as const;

/** The operator uploads the bank's statement (MT940 or camt.053); wires are matched to dues by reference. */
export const StatementUpload = () => {
  const { t } = useTranslation();
  const intent = useIdempotencyKey();
  const upload = useImportStatement();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  // Share of the file sent; once all is sent the server reads the statement and matches its wires.
  const [sent, setSent] = useState(0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    // The key stays with this file until it is imported: a retry of the same upload books nothing twice.
    setSent(0);
    upload.mutate({ file, idempotencyKey: intent.key, onProgress: setSent });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="statement-upload">
      <Title order={2} fz="h4" id="statement-upload">
        {t('reconciliation.upload.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        {t('reconciliation.upload.hint')}
      </Text>
      <form onSubmit={submit} noValidate data-testid="statement-form">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <FileInput
            label={t('reconciliation.upload.file')}
            placeholder={t('reconciliation.upload.placeholder')}
            accept={ACCEPT}
            clearable
            value={file}
            onChange={(picked) => {
              setFile(picked);
              setMissing(false);
              intent.renew();
              upload.reset();
            }}
            error={missing ? t('reconciliation.upload.missing') : undefined}
            style={{ flex: '1 1 16rem', maxWidth: 420 }}
            data-testid="statement-file"
          />
          <Button type="submit" loading={upload.isPending} data-testid="statement-submit">
            {t('reconciliation.upload.submit')}
          </Button>
        </Group>
      </form>
      {upload.isPending && <UploadProgress sent={sent} />}
      <Stack gap="md" mt={upload.isError || upload.data ? 'md' : 0}>
        <FormError error={upload.error} testId="statement-error" />
        {upload.data && <ImportSummary result={upload.data} />}
      </Stack>
    </Card>
  );
};

const UploadProgress = ({ sent }: { sent: number }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const importing = sent >= 1;
  return (
    <Stack gap={4} mt="md" data-testid="statement-progress">
      <Progress
        value={importing ? 100 : sent * 100}
        animated={importing}
        aria-label={t('reconciliation.upload.progress')}
      />
      <Text fz="xs" c="dimmed" aria-live="polite">
        {importing
          ? t('reconciliation.upload.importing')
          : t('reconciliation.upload.uploading', { percent: format.percent(sent) })}
      </Text>
    </Stack>
  );
};

const ImportSummary = ({ result }: { result: StatementImport }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" data-testid="import-summary">
      {result.alreadyImported ? (
        <Alert color="yellow" data-testid="already-imported">
          {t('reconciliation.summary.already', { file: result.fileName })}
        </Alert>
      ) : (
        <Alert color="teal" data-testid="import-done">
          {t('reconciliation.summary.done', {
            file: result.fileName,
            format: t(`reconciliation.format.${result.format}`),
          })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, xs: 4, md: 7 }} spacing="xs" component="dl" m={0}>
        {COUNTS.map((key) => (
          <div key={key} data-testid={`count-${key}`}>
            <Text component="dt" fz="xs" c="dimmed">
              {t(`reconciliation.counts.${key}`)}
            </Text>
            <Text component="dd" m={0} fw={700} fz="lg">
              {format.number(result.counts[key])}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {result.payments.length > 0 && (
        <Stack
          gap="xs"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={t('reconciliation.summary.payments')}
          data-testid="import-payments"
        >
          {result.payments.map((payment) => (
            <Paper
              key={payment.id}
              component="li"
              withBorder
              p="sm"
              radius="sm"
              data-testid="import-payment"
              data-status={payment.status}
            >
              <Group justify="space-between" gap="xs">
                <Group gap="sm">
                  <Text fw={700}>{format.money(payment.amount)}</Text>
                  <IncomingStatusBadge status={payment.status} />
                </Group>
                {payment.orderId ? (
                  <Anchor
                    component={Link}
                    to={`/orders/${payment.orderId}`}
                    fz="sm"
                    data-testid="import-order-link"
                  >
                    {t('reconciliation.openOrder')}
                  </Anchor>
                ) : (
                  <Text fz="sm" c="dimmed">
                    {t('reconciliation.noOrder')}
                  </Text>
                )}
              </Group>
              <Text fz="sm" ff="monospace" mt={4} style={{ overflowWrap: 'anywhere' }}>
                {payment.remittance || t('reconciliation.noRemittance')}
              </Text>
              {payment.note && (
                <Text fz="xs" c="dimmed">
                  {payment.note}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
};
