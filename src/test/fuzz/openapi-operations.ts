import type { JsonSchema } from './json-schema-arbitrary.js';

type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
};

type Operation = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
};

export type OpenApiPaths = { paths: Record<string, Record<string, Operation>> };

/** One route as the fuzzer sees it: where it is and the schemas of what it takes. */
export type FuzzOperation = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, `/api/products/{id}`. */
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  /** The JSON body's schema, when the route takes one. */
  body?: JsonSchema;
};

const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the app's OpenAPI document, in document order. */
export const fuzzOperations = (doc: OpenApiPaths): FuzzOperation[] =>
  Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => methods.has(method))
      .map(([method, op]) => {
        const parameters = op.parameters ?? [];
        return {
          method: method.toUpperCase() as FuzzOperation['method'],
          path,
          pathParams: parameters
            .filter((p) => p.in === 'path')
            .map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } })),
          query: parameters
            .filter((p) => p.in === 'query')
            .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
          body: op.requestBody?.content?.['application/json']?.schema,
        };
      }),
  );

/** Lone surrogates have no UTF-8 form: they become U+FFFD, as a browser would send them. */
const wellFormed = (value: string) =>
  value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** `/api/products/{id}` with its parameters filled in, each one URL-encoded. */
export const fillPath = (path: string, values: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(values[name] ?? '')));
