import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { readBacklog } from '../jobs/backlog.js';
import { memberRoles, requireRole } from '../modules/identity/index.js';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ engine: z.enum(['pglite', 'postgres']), ok: z.boolean(), latencyMs: z.number() }),
});

const PlatformHealth = z.object({
  database: z.object({ engine: z.enum(['pglite', 'postgres']), ok: z.boolean(), latencyMs: z.number() }),
  uptimeSeconds: z.number(),
  startedAt: z.string(),
  outbox: z.object({ pending: z.number(), oldestPendingAt: z.string().nullable() }),
  jobs: z.record(z.string(), z.number()).nullable(),
  webhooks: z.object({ due: z.number() }),
});

export const registerHealthRoutes = (app: FastifyInstance, database: Database) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database status',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const started = performance.now();
      const ok = await database.sql('select $1::int as ok', [1]).then(
        () => true,
        () => false,
      );
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: {
          engine: database.engine,
          ok,
          latencyMs: Math.round((performance.now() - started) * 10) / 10,
        },
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health/platform',
    {
      schema: {
        tags: ['platform'],
        summary: 'Operator: database, uptime and background backlog (outbox, jobs, webhooks)',
        response: { 200: PlatformHealth },
      },
    },
    async (request) => {
      requireRole(request.ctx.actor, { kinds: ['operator'], roles: memberRoles });
      const started = performance.now();
      const ok = await database.sql('select $1::int as ok', [1]).then(
        () => true,
        () => false,
      );
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      const uptimeSeconds = Math.floor(process.uptime());
      return {
        database: { engine: database.engine, ok, latencyMs },
        uptimeSeconds,
        startedAt: new Date(Date.now() - uptimeSeconds * 1000).toISOString(),
        ...(await readBacklog(database.sql)),
      };
    },
  );
};
