import fc from 'fast-check';

/** The JSON Schema vocabulary the zod → OpenAPI transform emits for our routes. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

/**
 * Strings a hostile client sends: markup, spreadsheet formulas, traversal,
 * NUL and lone surrogates, SQL and template fragments, right-to-left and
 * zero-width characters, astral CJK, prototype keys.
 */
export const hostileStrings = [
  '',
  ' ',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(A1:A9)',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  "' OR 1=1 --",
  '"; DROP TABLE products; --',
  '\u0024{7*7}{{7*7}}',
  '\u202Egnp.exe',
  '\u200B\u200D\uFEFF',
  '𠜎𠜱𠝹',
  '泵'.repeat(300),
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  '0x7f',
  '9'.repeat(40),
  'https://169.254.169.254/latest/meta-data',
];

/** Keys that would pollute prototypes if a handler merged bodies naively. */
const pollutingKeys = ['__proto__', 'constructor', 'prototype'];

/** An object whose keys are own properties, `__proto__` included (Object.fromEntries defines, never sets). */
const objectOf = (entries: [string, unknown][]) => Object.fromEntries(entries);

/** Nested arrays or objects `depth` levels deep: parsers and validators must not recurse without end. */
export const deeplyNested = (depth: number, kind: 'array' | 'object' = 'array'): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
};

/** Any JSON value a client could send in place of the expected one. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, -0, 1e308, -1e308, 2 ** 53 + 1, 0.1, {}, []),
  fc.constantFrom(...hostileStrings),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'A'.repeat(n)),
  // Deeper nesting is sent as raw text (request-arbitrary's broken bodies): stringify would recurse as deep.
  fc.constantFrom(64, 256).map((d) => deeplyNested(d, 'array')),
  fc.constantFrom(64, 256).map((d) => deeplyNested(d, 'object')),
  fc.constantFrom(...pollutingKeys).map((k) => objectOf([[k, { polluted: true }]])),
  fc.jsonValue({ maxDepth: 3 }),
);

const bounded = (n: number | undefined, fallback: number) => (n === undefined ? fallback : n);

const stringArbitrary = (schema: JsonSchema): fc.Arbitrary<string> => {
  if (schema.format === 'date-time' || schema.format === 'date') {
    const dates = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
    return schema.format === 'date' ? dates.map((d) => d.slice(0, 10)) : dates;
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, 60));
  const atLimit = schema.maxLength ?? 10_000;
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength, maxLength }) },
    { weight: 2, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
    // The longest string the schema allows: limits are where length bugs live.
    { weight: 1, arbitrary: fc.constantFrom('x', '泵', 'é').map((c) => c.repeat(atLimit)) },
    { weight: 1, arbitrary: fc.constantFrom(...hostileStrings) },
  );
};

const numberArbitrary = (schema: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? (integer ? -(2 ** 53 - 1) : -1e12);
  const max = schema.maximum ?? schema.exclusiveMaximum ?? (integer ? 2 ** 53 - 1 : 1e12);
  const edges = [min, max].filter((n) => Number.isFinite(n));
  if (integer) {
    const lo = Math.ceil(schema.exclusiveMinimum !== undefined ? min + 1 : min);
    const hi = Math.floor(schema.exclusiveMaximum !== undefined ? max - 1 : max);
    return fc.oneof(
      fc.bigInt({ min: BigInt(lo), max: BigInt(Math.max(lo, hi)) }).map(Number),
      fc.integer({ min: Math.max(lo, -1000), max: Math.max(Math.max(lo, -1000), Math.min(hi, 1000)) }),
      fc.constantFrom(...edges),
    );
  }
  return fc.oneof(
    fc.double({
      min,
      max,
      minExcluded: schema.exclusiveMinimum !== undefined,
      maxExcluded: schema.exclusiveMaximum !== undefined,
      noNaN: true,
      noDefaultInfinity: true,
    }),
    fc.constantFrom(...edges),
  );
};

type Mode = 'valid' | 'hostile';

/**
 * Values for `schema`. In `valid` mode they follow the schema (a pattern,
 * a length, a range) so requests reach the use cases; in `hostile` mode any
 * node may instead be a hostile value, an object may gain polluting or
 * unknown keys or lose a required one: near misses the edge must refuse.
 */
export const arbitraryFor = (schema: JsonSchema, mode: Mode = 'valid', depth = 0): fc.Arbitrary<unknown> => {
  const shaped = shapedArbitrary(schema, mode, depth);
  if (mode === 'valid') return shaped;
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
};

const shapedArbitrary = (schema: JsonSchema, mode: Mode, depth: number): fc.Arbitrary<unknown> => {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((s) => arbitraryFor(s, mode, depth)));
  }
  if (schema.allOf && schema.allOf.length > 0) return arbitraryFor(schema.allOf[0]!, mode, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, mode, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(bounded(schema.maxItems, 4), depth > 2 ? 1 : 4)),
      });
    case 'object':
      return objectArbitrary(schema, mode, depth);
    default:
      return depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
};

const objectArbitrary = (schema: JsonSchema, mode: Mode, depth: number): fc.Arbitrary<unknown> => {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(properties).map(([key, sub]) =>
    fc
      .tuple(
        fc.constant(key),
        arbitraryFor(sub, mode, depth + 1),
        required.has(key) ? fc.constant(true) : fc.boolean(),
      )
      .map(([k, v, present]) => (present ? [[k, v] as [string, unknown]] : [])),
  );
  const values =
    typeof schema.additionalProperties === 'object'
      ? fc.array(
          fc.tuple(fc.string({ maxLength: 12 }), arbitraryFor(schema.additionalProperties, mode, depth + 1)),
          {
            maxLength: 3,
          },
        )
      : fc.constant([] as [string, unknown][]);
  const valid = fc
    .tuple(fc.tuple(...fields), values)
    .map(([present, extra]) => objectOf([...present.flat(), ...extra]));
  if (mode === 'valid') return valid;
  const extraKey = fc.oneof(fc.constantFrom(...pollutingKeys), fc.string({ maxLength: 12 }));
  const requiredKeys = [...required];
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, extraKey, hostileValue)
        .map(([o, key, value]) => objectOf([...Object.entries(o as object), [key, value]])),
    },
    ...(requiredKeys.length > 0
      ? [
          {
            weight: 1,
            arbitrary: fc
              .tuple(valid, fc.constantFrom(...requiredKeys))
              .map(([o, drop]) => objectOf(Object.entries(o as object).filter(([k]) => k !== drop))),
          },
        ]
      : []),
  );
};
