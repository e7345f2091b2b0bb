import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { uploadWithProgress } from '../api/upload';
import { FormError } from './form-error';

/** One line the server refused (src/core/csv.ts `CsvProblem`): nothing of the file was imported. */
type CsvProblem = { line: number; column?: string; message: string };

const problemsOf = (error: unknown): CsvProblem[] => {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as CsvProblem[]) : [];
};

/** The most problems listed on screen; the message says how many there are in all. */
const SHOWN_PROBLEMS = 50;

type Phase = { step: 'idle' } | { step: 'uploading'; fraction: number } | { step: 'importing' };

/**
 * Uploads a CSV file to an all-or-nothing import route and shows its
 * progress: the upload's bytes, then the server's work, then either what was
 * imported or every refused line with its column, so the file can be fixed
 * in one pass.
 */
export const CsvImportCard = <T,>({
  title,
  hint,
  path,
  columns,
  templateName,
  done,
  onImported,
  testId,
}: {
  title: string;
  hint: ReactNode;
  /** The multipart route that takes the file, e.g. `/api/products/import`. */
  path: string;
  /** The file's columns (`GET /api/csv-formats`), shown and offered as a blank template. */
  columns: readonly string[] | undefined;
  /** The blank template's file name. */
  templateName: string;
  /** The success message for the server's answer. */
  done: (result: T) => ReactNode;
  onImported?: (result: T) => void;
  testId: string;
}) => {
  const { t } = useTranslation();
  const headingId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setError(null);
    setResult(null);
    setPhase({ step: 'uploading', fraction: 0 });
    try {
      const answer = await uploadWithProgress<T>(path, file, {
        // Once every byte is sent the server parses and imports: progress turns into "importing".
        onProgress: (fraction) =>
          setPhase(fraction >= 1 ? { step: 'importing' } : { step: 'uploading', fraction }),
      });
      setResult(answer);
      onImported?.(answer);
    } catch (failure) {
      setError(failure);
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  const problems = problemsOf(error);
  const busy = phase.step !== 'idle';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Title order={2} fz="h4" id={headingId}>
        {title}
      </Title>
      <Text fz="sm" c="dimmed">
        {hint}
      </Text>
      {columns && (
        <Group gap="xs" mt={4} wrap="wrap">
          <Text fz="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {t('csvImport.columns', { columns: columns.join(',') })}
          </Text>
          <Anchor
            fz="xs"
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(`${columns.join(',')}\r\n`)}`}
            download={templateName}
            data-testid={`${testId}-template`}
          >
            {t('csvImport.template')}
          </Anchor>
        </Group>
      )}
      <form onSubmit={submit} noValidate>
        <Group gap="sm" align="flex-end" wrap="wrap" mt="md">
          <FileInput
            label={t('csvImport.file')}
            placeholder={t('csvImport.placeholder')}
            accept=".csv,text/csv"
            clearable
            value={file}
            onChange={(picked) => {
              setFile(picked);
              setMissing(false);
              setError(null);
              setResult(null);
            }}
            error={missing ? t('csvImport.missing') : undefined}
            style={{ flex: '1 1 16rem', maxWidth: 420 }}
            data-testid={`${testId}-file`}
          />
          <Button type="submit" loading={busy} data-testid={`${testId}-submit`}>
            {t('csvImport.submit')}
          </Button>
        </Group>
      </form>
      {busy && (
        <Stack gap={4} mt="md" data-testid={`${testId}-progress`}>
          <Progress
            value={phase.step === 'uploading' ? phase.fraction * 100 : 100}
            animated={phase.step === 'importing'}
            aria-label={t('csvImport.progress')}
          />
          <Text fz="xs" c="dimmed" aria-live="polite">
            {phase.step === 'uploading'
              ? t('csvImport.uploading', { percent: Math.round(phase.fraction * 100) })
              : t('csvImport.importing')}
          </Text>
        </Stack>
      )}
      {result !== null && (
        <Alert color="teal" mt="md" data-testid={`${testId}-done`}>
          {done(result)}
        </Alert>
      )}
      {error !== null && problems.length === 0 && (
        <Stack mt="md">
          <FormError error={error} testId={`${testId}-error`} />
        </Stack>
      )}
      {problems.length > 0 && (
        <Stack gap="xs" mt="md" data-testid={`${testId}-problems`}>
          <Alert color="red">{t('csvImport.refused', { count: problems.length })}</Alert>
          <Table.ScrollContainer minWidth={480}>
            <Table fz="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('csvImport.line')}</Table.Th>
                  <Table.Th>{t('csvImport.column')}</Table.Th>
                  <Table.Th>{t('csvImport.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.slice(0, SHOWN_PROBLEMS).map((problem) => (
                  <Table.Tr
                    key={`${problem.line}-${problem.column ?? ''}-${problem.message}`}
                    data-testid="csv-problem"
                  >
                    <Table.Td>{problem.line}</Table.Td>
                    <Table.Td ff="monospace">{problem.column ?? '—'}</Table.Td>
                    <Table.Td>{problem.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Card>
  );
};
