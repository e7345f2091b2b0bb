import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type AppError, type ErrorCode, isAppError } from '../core/errors.js';

/** The only place an error code becomes an HTTP status. */
export const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  BELOW_MOQ: 422,
  DEADLINE_PASSED: 409,
  LIMIT_REACHED: 409,
  QUOTA_EXHAUSTED: 409,
  INSUFFICIENT_FUNDS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export type ErrorBody = { error: { code: ErrorCode; message: string; details: Record<string, unknown> } };

export const errorBody = (
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): ErrorBody => ({
  error: { code, message, details },
});

/** The limit a too_small / too_big issue names ({ origin: 'string', minimum: 3 }), or the format an invalid_format one expected. */
const issueBound = (params: Record<string, unknown>) => {
  const bound: { origin?: string; minimum?: number; maximum?: number; format?: string } = {};
  if (typeof params.origin === 'string') bound.origin = params.origin;
  if (typeof params.minimum === 'number') bound.minimum = params.minimum;
  if (typeof params.maximum === 'number') bound.maximum = params.maximum;
  if (typeof params.format === 'string') bound.format = params.format;
  return bound;
};

const fromFastify = (error: FastifyError): ErrorBody | undefined => {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is invalid',
      // The zod issue code and its bound let the web app say the same thing in the reader's language.
      code: v.keyword,
      ...issueBound(v.params),
    }));
    return errorBody(
      'VALIDATION_FAILED',
      `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues },
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errorBody('PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errorBody('UNSUPPORTED_MEDIA_TYPE', 'Send JSON (Content-Type: application/json)');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return errorBody('VALIDATION_FAILED', 'The body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errorBody('VALIDATION_FAILED', 'Content-Length does not match the body');
    case 'FST_REQ_FILE_TOO_LARGE':
      return errorBody('PAYLOAD_TOO_LARGE', 'The file is too large');
    default:
      break;
  }
  if (error.statusCode === 429) return errorBody('RATE_LIMITED', 'Too many requests; try again shortly');
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return errorBody('VALIDATION_FAILED', 'The request is malformed');
  }
  return undefined;
};

/** SQLSTATEs that mean "another request got there first": unique violation, serialization failure, deadlock. */
const raceStates = new Set(['23505', '40001', '40P01']);
const sqlStateOf = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code =
    typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/** Maps every error to the wire format; an unknown one is logged with its request id and answered 500. */
export const handleError = (error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
  if (isAppError(error)) {
    return reply.status(statusOf[error.code]).send(errorBody(error.code, error.message, error.details));
  }
  const known = fromFastify(error as FastifyError);
  if (known) return reply.status(statusOf[known.error.code]).send(known);
  const sqlState = sqlStateOf(error);
  // A value the database cannot take (SQLSTATE class 22: a NUL byte in text, a number out of its
  // column's range, an impossible date) is the client's bad input, and its transaction rolled back.
  // The edge's schemas should have refused it first; this keeps a missed one from becoming a 500.
  if (sqlState?.startsWith('22')) {
    request.log.warn({ err: error }, 'value refused by the database');
    return reply
      .status(400)
      .send(
        errorBody('VALIDATION_FAILED', 'A value in the request is not one that can be stored', { sqlState }),
      );
  }
  // A race the database settled (its transaction rolled back): the client retries, as after any CONFLICT.
  if (raceStates.has(sqlState ?? '')) {
    request.log.warn({ err: error }, 'concurrent write refused by the database');
    return reply
      .status(409)
      .send(errorBody('CONFLICT', 'Another request changed this at the same time; reload and retry'));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(500)
    .send(errorBody('INTERNAL', 'Something went wrong on our side', { requestId: request.id }));
};
