import { Alert, Button, CloseButton, FileButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_COUNT,
  ATTACHMENT_TYPES,
  isAcceptedAttachment,
  uploadAttachment,
} from '../api/upload';
import { useFormat } from '../format/use-format';
import { useErrorMessage } from './form-error';

/** Why a file is not attached. Kept as data, not text, so it follows a language switch. */
type Problem = { kind: 'type' } | { kind: 'size' } | { kind: 'count' } | { kind: 'server'; error: unknown };

type PickedFile = {
  key: string;
  fileName: string;
  sizeBytes: number;
  /** 0..1 of the bytes sent. */
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  id: string | null;
  problem: Problem | null;
};

const ACCEPT = [...ATTACHMENT_TYPES, ...ATTACHMENT_EXTENSIONS].join(',');

/**
 * Files a form attaches: each is uploaded as soon as it is picked, and the
 * form sends the ids of those that made it (`attachmentIds`).
 */
export const useAttachments = () => {
  const [items, setItems] = useState<PickedFile[]>([]);
  const [nudged, setNudged] = useState(false);
  const controllers = useRef(new Map<string, AbortController>());
  const nextKey = useRef(0);

  // A closed dialog or a left page takes its unfinished uploads with it.
  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      running.clear();
    };
  }, []);

  const update = useCallback((key: string, patch: Partial<PickedFile>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }, []);

  const start = useCallback(
    (key: string, file: File) => {
      const controller = new AbortController();
      controllers.current.set(key, controller);
      uploadAttachment(file, {
        signal: controller.signal,
        onProgress: (progress) => update(key, { progress }),
      })
        .then((uploaded) => update(key, { status: 'done', progress: 1, id: uploaded.id }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          update(key, { status: 'failed', problem: { kind: 'server', error } });
        })
        .finally(() => controllers.current.delete(key));
    },
    [update],
  );

  const add = useCallback(
    (files: File[]) => {
      setNudged(false);
      let room = ATTACHMENT_MAX_COUNT - items.filter((item) => item.status !== 'failed').length;
      const added: PickedFile[] = [];
      const toUpload: [string, File][] = [];
      for (const file of files) {
        nextKey.current += 1;
        const key = `file-${nextKey.current}`;
        // Checked here first: the server says the same, but only after the whole file has travelled.
        const problem: Problem | null = !isAcceptedAttachment(file)
          ? { kind: 'type' }
          : file.size > ATTACHMENT_MAX_BYTES
            ? { kind: 'size' }
            : room <= 0
              ? { kind: 'count' }
              : null;
        if (!problem) {
          room -= 1;
          toUpload.push([key, file]);
        }
        added.push({
          key,
          fileName: file.name,
          sizeBytes: file.size,
          progress: 0,
          status: problem ? 'failed' : 'uploading',
          id: null,
          problem,
        });
      }
      setItems((current) => [...current, ...added]);
      for (const [key, file] of toUpload) start(key, file);
    },
    [items, start],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    setItems((current) => current.filter((item) => item.key !== key));
  }, []);

  const reset = useCallback(() => {
    for (const controller of controllers.current.values()) controller.abort();
    controllers.current.clear();
    setItems([]);
    setNudged(false);
  }, []);

  const ids = useMemo(
    () => items.flatMap((item) => (item.status === 'done' && item.id ? [item.id] : [])),
    [items],
  );
  const busy = items.some((item) => item.status === 'uploading');

  /** False (and says why, next to the files) while an upload is still running. */
  const ready = useCallback(() => {
    setNudged(busy);
    return !busy;
  }, [busy]);

  return { items, ids, busy, nudged, add, remove, reset, ready };
};

export type Attachments = ReturnType<typeof useAttachments>;

/** Pick, upload (with progress) and list files for a form; the form reads `attachments.ids`. */
export const AttachmentPicker = ({
  attachments,
  disabled = false,
}: {
  attachments: Attachments;
  disabled?: boolean;
}) => {
  const { t } = useTranslation();
  const resetInput = useRef<() => void>(null);
  const hintId = useId();
  const labelId = useId();
  const { items, add, remove, nudged } = attachments;
  const full = items.filter((item) => item.status !== 'failed').length >= ATTACHMENT_MAX_COUNT;

  return (
    <Stack gap="xs" role="group" aria-labelledby={labelId} data-testid="attachment-picker">
      <Text fz="sm" fw={500} id={labelId}>
        {t('attachments.label')}
      </Text>
      <Group gap="sm" wrap="wrap" align="center" mt={-4}>
        <FileButton
          multiple
          accept={ACCEPT}
          resetRef={resetInput}
          disabled={disabled || full}
          onChange={(files) => {
            add(files);
            // The same file can be picked again after removing it.
            resetInput.current?.();
          }}
        >
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="xs"
              disabled={disabled || full}
              aria-describedby={hintId}
              data-testid="attach-files"
            >
              {t('attachments.add')}
            </Button>
          )}
        </FileButton>
        <Text fz="xs" c="dimmed" id={hintId} style={{ flex: '1 1 12rem' }}>
          {t('attachments.hint', { max: ATTACHMENT_MAX_COUNT })}
        </Text>
      </Group>
      {nudged && attachments.busy && (
        <Alert color="yellow" role="alert" p="xs" data-testid="attachments-busy">
          {t('attachments.errors.busy')}
        </Alert>
      )}
      {items.length > 0 && (
        <Stack
          gap={6}
          component="ul"
          aria-label={t('attachments.listLabel')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {items.map((item) => (
            <li key={item.key}>
              <AttachmentRow item={item} onRemove={() => remove(item.key)} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
};

const AttachmentRow = ({ item, onRemove }: { item: PickedFile; onRemove: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();

  const problemText = (problem: Problem): string => {
    if (problem.kind === 'type') return t('attachments.errors.type');
    if (problem.kind === 'size') return t('attachments.errors.size');
    if (problem.kind === 'count') return t('attachments.errors.count', { max: ATTACHMENT_MAX_COUNT });
    const { error } = problem;
    if (error instanceof ApiError && error.code === 'UNSUPPORTED_MEDIA_TYPE')
      return t('attachments.errors.type');
    if (error instanceof ApiError && error.code === 'PAYLOAD_TOO_LARGE') return t('attachments.errors.size');
    return errorMessage(error);
  };

  const percent = Math.round(item.progress * 100);
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="attachment"
      data-status={item.status}
      bg={item.status === 'failed' ? 'red.0' : undefined}
    >
      <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text fz="sm" truncate="end" title={item.fileName}>
            {item.fileName}
          </Text>
          <Text fz="xs" c="dimmed">
            {format.fileSize(item.sizeBytes)}
            {' · '}
            {item.status === 'uploading'
              ? t('attachments.uploading', { percent })
              : item.status === 'done'
                ? t('attachments.attached')
                : t('attachments.notAttached')}
          </Text>
        </div>
        <CloseButton
          size="sm"
          onClick={onRemove}
          aria-label={t('attachments.remove', { name: item.fileName })}
          data-testid="remove-attachment"
        />
      </Group>
      {item.status === 'uploading' && (
        <Progress
          value={percent}
          size="sm"
          mt={6}
          animated={percent >= 100}
          striped={percent >= 100}
          aria-label={t('attachments.progressLabel', { name: item.fileName })}
        />
      )}
      {item.problem && (
        <Text fz="xs" c="red.8" mt={4} role="alert" data-testid="attachment-error">
          {problemText(item.problem)}
        </Text>
      )}
    </Paper>
  );
};
