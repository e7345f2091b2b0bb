import fc from 'fast-check';
import { arbitraryFor, hostileStrings, hostileValue, type JsonSchema } from './json-schema-arbitrary.js';
import { type FuzzOperation, fillPath } from './openapi-operations.js';

/** Who may call: a name for the report and the headers that make a request theirs (none: anonymous). */
export type Caller = { name: string; headers: Record<string, string> };

export type FuzzRequest = {
  caller: string;
  method: FuzzOperation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
};

/** Path segments that try to climb out of a route or a storage folder. */
const traversals = [
  '..',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f',
  '....//....//',
  'a/../../b',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'img_%00.png',
];

/** Bodies no JSON parser should accept, or accept only to find the wrong shape. */
const brokenBodies: (string | Buffer)[] = [
  '',
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  'null',
  '[]',
  '"text"',
  '1e99999',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
  Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
];

const contentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/json; charset=latin1',
  'application/xml',
  'application/json, text/html',
];

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

/** Header values must be visible ASCII: anything else is refused by the HTTP client, never sent. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, '?');

const pathValue = (schema: JsonSchema, ids: readonly string[], hostile: boolean) =>
  fc.oneof(
    { weight: 3, arbitrary: ids.length > 0 ? fc.constantFrom(...ids) : fc.constant('x') },
    { weight: 2, arbitrary: arbitraryFor(schema, 'valid').map(asText) },
    ...(hostile
      ? [
          { weight: 2, arbitrary: fc.constantFrom(...traversals, ...hostileStrings.filter(Boolean)) },
          { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }) },
        ]
      : []),
  );

const queryEntries = (op: FuzzOperation, hostile: boolean): fc.Arbitrary<[string, string][]> => {
  const params = op.query.map((p) => {
    const value = hostile
      ? arbitraryFor(p.schema, 'hostile').map(asText)
      : arbitraryFor(p.schema, 'valid').map(asText);
    const present = p.required && !hostile ? fc.constant(true) : fc.boolean();
    // A repeated key arrives as an array: a classic way past a string check.
    const times = hostile ? fc.constantFrom(1, 1, 1, 2) : fc.constant(1);
    return fc
      .tuple(present, fc.array(value, { minLength: 1, maxLength: 2 }), times)
      .map(([on, values, n]) => (on ? values.slice(0, n).map((v) => [p.name, v] as [string, string]) : []));
  });
  const unknown = hostile
    ? fc.option(
        fc.tuple(fc.constantFrom('__proto__[x]', 'constructor', 'zzz', 'q[]'), fc.string({ maxLength: 20 })),
        {
          nil: undefined,
        },
      )
    : fc.constant(undefined);
  return fc
    .tuple(fc.tuple(...params), unknown)
    .map(([entries, extra]) => [...entries.flat(), ...(extra ? [extra] : [])]);
};

const bodyArbitrary = (op: FuzzOperation, hostile: boolean): fc.Arbitrary<string | Buffer | undefined> => {
  if (op.method === 'GET' || op.method === 'DELETE') {
    return hostile ? fc.option(fc.constant('{"x":1}'), { nil: undefined }) : fc.constant(undefined);
  }
  if (!op.body) {
    return hostile ? fc.oneof(fc.constant('{}'), hostileValue.map(asText)) : fc.constant(undefined);
  }
  if (!hostile) return arbitraryFor(op.body, 'valid').map((v) => JSON.stringify(v));
  return fc.oneof(
    { weight: 6, arbitrary: arbitraryFor(op.body, 'hostile').map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom(...brokenBodies) },
    { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
  );
};

const headerArbitrary = (op: FuzzOperation, hostile: boolean, hasBody: boolean) => {
  const idempotencyKey = fc.oneof(
    fc.uuid().map((u) => `fuzz-${u}`),
    fc.constant(undefined),
    ...(hostile ? [fc.string({ maxLength: 300 }).map(headerSafe)] : []),
  );
  const contentType =
    hostile && hasBody
      ? fc.oneof({ weight: 5, arbitrary: fc.constant('application/json') }, fc.constantFrom(...contentTypes))
      : fc.constant(hasBody ? 'application/json' : undefined);
  return fc.tuple(idempotencyKey, contentType).map(([key, type]) => ({
    ...(key !== undefined && op.method !== 'GET' ? { 'idempotency-key': key } : {}),
    ...(type ? { 'content-type': type } : {}),
  }));
};

/**
 * Requests to `op`: half follow its schemas (so they reach policies and use
 * cases with real ids), half are hostile (wrong types, near misses,
 * polluting keys, broken JSON, wrong content types, traversal in the path).
 */
export const requestArbitrary = (
  op: FuzzOperation,
  callers: readonly Caller[],
  ids: readonly string[],
): fc.Arbitrary<FuzzRequest> =>
  fc.boolean().chain((hostile) =>
    fc
      .tuple(
        fc.constantFrom(...callers),
        fc.tuple(
          ...op.pathParams.map((p) => pathValue(p.schema, ids, hostile).map((v) => [p.name, v] as const)),
        ),
        queryEntries(op, hostile),
        bodyArbitrary(op, hostile),
      )
      .chain(([caller, params, query, payload]) =>
        headerArbitrary(op, hostile, payload !== undefined).map((headers) => {
          const search = new URLSearchParams(query).toString();
          const path = fillPath(op.path, Object.fromEntries(params));
          return {
            caller: caller.name,
            method: op.method,
            url: search ? `${path}?${search}` : path,
            headers: { ...caller.headers, ...headers },
            ...(payload !== undefined ? { payload } : {}),
          };
        }),
      ),
  );
