import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useHarness } from '../test/harness.js';
import { commandsWithoutBody, looseRequestBodies, type OpenApiDocument } from '../test/openapi-strictness.js';

const h = useHarness();

/** The OpenAPI document of a throwaway app with the given routes, built as the real app builds its own. */
const documentOf = async (register: (app: ReturnType<typeof appWithZod>) => void) => {
  const app = appWithZod();
  await app.register(swagger, {
    openapi: { openapi: '3.1.0', info: { title: 't', version: '0' } },
    transform: jsonSchemaTransform,
  });
  register(app);
  await app.ready();
  const doc = app.swagger() as unknown as OpenApiDocument;
  await app.close();
  return doc;
};
const appWithZod = () => {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app;
};

describe('request bodies are strict (no mass assignment)', () => {
  it('the check names loose objects at any depth and commands without a body', async () => {
    const doc = await documentOf((app) => {
      app.post('/loose', { schema: { body: z.object({ name: z.string() }) } }, () => ({}));
      app.post(
        '/nested',
        {
          schema: {
            body: z.strictObject({
              lines: z.array(z.object({ quantity: z.number() })),
              terms: z.union([z.strictObject({ a: z.string() }), z.object({ b: z.string() })]),
            }),
          },
        },
        () => ({}),
      );
      app.post(
        '/strict',
        { schema: { body: z.strictObject({ tags: z.record(z.string(), z.string()) }) } },
        () => ({}),
      );
      app.post('/no-body', { schema: {} }, () => ({}));
      app.post('/upload', { schema: { summary: 'Upload a file (multipart)' } }, () => ({}));
    });
    expect(looseRequestBodies(doc)).toEqual(['POST /loose ((body))', 'POST /nested (lines[], terms)']);
    expect(commandsWithoutBody(doc)).toEqual(['POST /no-body']);
  });

  it('every JSON body of the API refuses unknown fields, at every level', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
    const bodies = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods).filter((operation) => operation.requestBody),
    );
    // The walk has something to walk: the API takes JSON on dozens of routes.
    expect(bodies.length).toBeGreaterThan(40);
    expect(looseRequestBodies(doc), 'routes whose body accepts fields it does not name').toEqual([]);
  });

  it('every command that takes JSON declares its body, so a stray field is refused rather than ignored', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
    expect(commandsWithoutBody(doc), 'POST/PUT/PATCH routes without a body schema').toEqual([]);
  });
});
