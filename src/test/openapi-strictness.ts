/**
 * Reads the app's OpenAPI document for request bodies that would let a
 * client slip in fields the route does not name (mass assignment): an object
 * schema without `additionalProperties: false`, at any depth, or a command
 * that takes JSON but declares no body at all.
 */

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

type Operation = {
  summary?: string;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const isObjectSchema = (s: JsonSchema) =>
  s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object')) || s.properties !== undefined;

/**
 * The places in `schema` where an object admits unnamed fields, as dotted
 * paths (`lines[].extra`; `(body)` for the top level). A record (a map whose
 * values have a schema) is strict about its values, so its values are walked
 * instead.
 */
export const looseObjectPaths = (
  schema: JsonSchema,
  components: Record<string, JsonSchema> = {},
): string[] => {
  const loose: string[] = [];
  const seen = new Set<string>();
  const walk = (s: JsonSchema | undefined, path: string) => {
    if (!s || typeof s !== 'object') return;
    if (s.$ref) {
      const name = s.$ref.split('/').pop() ?? '';
      if (seen.has(name)) return;
      seen.add(name);
      walk(components[name], path);
      return;
    }
    if (isObjectSchema(s)) {
      if (s.additionalProperties === undefined || s.additionalProperties === true)
        loose.push(path || '(body)');
      if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${path}.*`);
      for (const [name, property] of Object.entries(s.properties ?? {}))
        walk(property, path ? `${path}.${name}` : name);
    }
    for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(branch, path);
    for (const item of [s.items ?? [], s.prefixItems ?? []].flat()) walk(item, `${path}[]`);
  };
  walk(schema, '');
  return [...new Set(loose)];
};

const operations = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      route: `${method.toUpperCase()} ${path}`,
      method,
      operation,
    })),
  );

/** Every route whose JSON body is not strict, with the loose places: `POST /api/x (body, lines[])`. */
export const looseRequestBodies = (doc: OpenApiDocument): string[] =>
  operations(doc).flatMap(({ route, operation }) => {
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    const loose = schema ? looseObjectPaths(schema, doc.components?.schemas) : [];
    return loose.length > 0 ? [`${route} (${loose.join(', ')})`] : [];
  });

/**
 * POST, PUT and PATCH routes that declare no body: Fastify would accept any
 * JSON there unchecked. Uploads, which say "multipart" in their summary, read
 * a file instead of JSON and are left out.
 */
export const commandsWithoutBody = (doc: OpenApiDocument): string[] =>
  operations(doc)
    .filter(({ method }) => ['post', 'put', 'patch'].includes(method))
    .filter(({ operation }) => !operation.requestBody && !/multipart/i.test(operation.summary ?? ''))
    .map(({ route }) => route);
