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

const request = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
  const response = await fetch(path, {
    method,
    credentials: 'include',
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
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

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>): Promise<T> =>
    request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}): Promise<T> => request<T>('POST', path, body),
};
