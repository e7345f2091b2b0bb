import { toApiError } from './client';
import type { UploadedAttachment } from './types';

/** What the server stores as an attachment (src/core/file-types.ts): checked here first to save a round trip. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export const ATTACHMENT_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.webp'] as const;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** The server takes at most this many attachment ids on an RFQ or a message. */
export const ATTACHMENT_MAX_COUNT = 10;

/** Some systems report no type for a file; its extension is the next best clue. */
export const isAcceptedAttachment = (file: File): boolean => {
  if (file.type) return (ATTACHMENT_TYPES as readonly string[]).includes(file.type);
  const name = file.name.toLowerCase();
  return ATTACHMENT_EXTENSIONS.some((ext) => name.endsWith(ext));
};

const parse = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

/**
 * Uploads one file as the `file` field of a multipart POST to `path`.
 * XMLHttpRequest rather than fetch: fetch reports no upload progress. Rejects
 * with an ApiError for a server answer, a plain Error when the server can't be
 * reached, and an AbortError when `signal` aborts.
 */
export const uploadWithProgress = <T>(
  path: string,
  file: File,
  {
    onProgress,
    signal,
    idempotencyKey,
  }: { onProgress?: (fraction: number) => void; signal?: AbortSignal; idempotencyKey?: string } = {},
): Promise<T> =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (idempotencyKey) xhr.setRequestHeader('idempotency-key', idempotencyKey);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new Error('Network error'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    if (signal) {
      if (signal.aborted) {
        reject(new DOMException('Upload cancelled', 'AbortError'));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });

/** Uploads one file to `POST /api/attachments`, to attach to an RFQ or a message. */
export const uploadAttachment = (
  file: File,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<UploadedAttachment> => uploadWithProgress<UploadedAttachment>('/api/attachments', file, options);
