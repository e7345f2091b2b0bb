import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { indexLangs } from './charts/index.js';
import { indexCoverage } from './coverage.js';
import { buildIndexReport } from './report.js';
import { renderIndexPdf } from './report-pdf/index-pdf.js';
import { SupplierAnalytics, SupplierAnalyticsQuery, supplierAnalytics } from './supplier-analytics.js';

// Years 1900–2199: the index has no data outside them, and a year like 0258 breaks date formatting.
const Month = z.string().regex(/^(19|2[01])\d{2}-(0[1-9]|1[0-2])$/, 'A month, YYYY-MM (1900–2199)');
const PeriodQuery = z.strictObject({ from: Month, to: Month });

/** The trade index is public: aggregates only. A supplier's own figures are for its members alone. */
export const registerInsightsRoutes = (instance: FastifyInstance) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/index',
    {
      schema: {
        tags: ['insights'],
        summary: 'The trade index for a period of months against the same months a year earlier',
        querystring: PeriodQuery,
      },
    },
    (req) => buildIndexReport(req.ctx.db, req.query),
  );

  app.get(
    '/api/analytics/supplier',
    {
      schema: {
        tags: ['insights'],
        summary:
          "A supplier's own figures month by month: inquiries, quotes, orders and paid trade (its members)",
        querystring: SupplierAnalyticsQuery,
        response: { 200: SupplierAnalytics },
      },
    },
    (req) => supplierAnalytics(req.ctx, req.query),
  );

  app.get(
    '/api/index/coverage',
    {
      schema: {
        tags: ['insights'],
        summary: 'The first and last month the index has trade for, and a suggested period to show',
      },
    },
    (req) => indexCoverage(req.ctx.db),
  );

  app.get(
    '/api/index/report.pdf',
    {
      schema: {
        tags: ['insights'],
        summary: 'The trade index as a PDF report with its charts, in one language',
        querystring: PeriodQuery.extend({ lang: z.enum(indexLangs).default('en') }),
      },
    },
    async (req, reply) => {
      const { from, to, lang } = req.query;
      const report = await buildIndexReport(req.ctx.db, { from, to });
      const pdf = await renderIndexPdf(report, lang, req.ctx.now());
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="tradelane-index-${from}-${to}-${lang}.pdf"`)
        .send(pdf);
    },
  );
};
