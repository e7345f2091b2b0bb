import type { ApiErrorBody } from './types';

/** An HTTP failure carrying the server's error code, so screens can react to codes, not text. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type QueryValue = string | number | undefined | null;

const withQuery = (path: string, query?: Record<string, QueryValue>): string => {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};

// Our API answers `{ error: { code, message, details } }`; better-auth's routes
// answer `{ code?, message }`. Accept both so callers see one error shape.
export const toApiError = (status: number, body: unknown): ApiError => {
  if (body && typeof body === 'object') {
    const wrapped = (body as Partial<ApiErrorBody>).error;
    if (wrapped && typeof wrapped === 'object' && typeof wrapped.message === 'string') {
      return new ApiError(status, wrapped.code ?? `HTTP_${status}`, wrapped.message, wrapped.details);
    }
    const flat = body as { code?: unknown; message?: unknown };
    if (typeof flat.message === 'string') {
      return new ApiError(status, typeof flat.code === 'string' ? flat.code : `HTTP_${status}`, flat.message);
    }
  }
  return new ApiError(status, `HTTP_${status}`, `Request failed with status ${status}`);
};

/** Per-request extras: the Idempotency-Key money commands need. */
export type RequestOptions = { idempotencyKey?: string };

const send = async <T>(method: 'GET' | 'POST', path: string, init: RequestInit): Promise<T> => {
  const response = await fetch(path, { method, credentials: 'include', ...init });
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
};

const headersFor = (options: RequestOptions, json: boolean): Record<string, string> => ({
  accept: 'application/json',
  ...(json ? { 'content-type': 'application/json' } : {}),
  ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
});

const request = <T>(method: 'GET' | 'POST', path: string, body?: unknown, options: RequestOptions = {}) =>
  send<T>(method, path, {
    headers: headersFor(options, body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
  });

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>): Promise<T> =>
    request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}, options?: RequestOptions): Promise<T> =>
    request<T>('POST', path, body, options),
  /** A multipart upload of one file as the `file` field (the browser sets the boundary). */
  upload: <T>(path: string, file: File, options: RequestOptions = {}): Promise<T> => {
    const form = new FormData();
    form.append('file', file, file.name);
    return send<T>('POST', path, { headers: headersFor(options, false), body: form });
  },
};

/**
 * A fresh Idempotency-Key: one per thing the user means to do (this payment,
 * this release), reused when the same submission is retried, so a double
 * click or a retry after a lost answer never moves money twice.
 * getRandomValues works outside secure contexts too, unlike randomUUID.
 */
export const newIdempotencyKey = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
};
