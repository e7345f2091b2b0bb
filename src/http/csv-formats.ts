import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { productCsvColumns } from '../modules/catalog/index.js';
import { bookingEventCsvColumns, rateCardCsvColumns } from '../modules/logistics/index.js';

const CsvFormats = z.object({
  products: z.array(z.string()),
  rateCards: z.array(z.string()),
  bookingEvents: z.array(z.string()),
});

/**
 * `GET /api/csv-formats`: the columns each CSV import reads, so the web app
 * shows them and offers a blank template from the same lists the parsers use.
 */
export const registerCsvFormatRoutes = (app: FastifyInstance) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/csv-formats',
    {
      schema: {
        tags: ['platform'],
        summary: 'The columns of the product, rate-card and tracking-event CSV imports',
        response: { 200: CsvFormats },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return {
        products: [...productCsvColumns],
        rateCards: [...rateCardCsvColumns],
        bookingEvents: [...bookingEventCsvColumns],
      };
    },
  );
};
