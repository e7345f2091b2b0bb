/**
 * The closed set of error codes the domain may raise. The HTTP layer alone
 * maps them to statuses (src/http/errors.ts); domain code never knows HTTP.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'BELOW_MOQ',
  'DEADLINE_PASSED',
  'LIMIT_REACHED',
  'QUOTA_EXHAUSTED',
  'INSUFFICIENT_FUNDS',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string) =>
  new AppError('NOT_FOUND', `${what} ${id} was not found`, { id });

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
