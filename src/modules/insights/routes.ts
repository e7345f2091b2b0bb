import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildIndexReport } from './report.js';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month, YYYY-MM');

/** The trade index is public: aggregates only, never a company's own figures. */
export const registerInsightsRoutes = (instance: FastifyInstance) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/index',
    {
      schema: {
        tags: ['insights'],
        summary: 'The trade index for a period of months against the same months a year earlier',
        querystring: z.strictObject({ from: Month, to: Month }),
      },
    },
    (req) => buildIndexReport(req.ctx.db, req.query),
  );
};
