import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { writeCsv } from '../../core/csv.js';
import { idempotencyHeader, idempotentWhenKeyed } from '../../http/idempotency.js';
import {
  DeclarationBody,
  DeclarationListQuery,
  DeclarationMoveBody,
  DocumentParams,
  HsSuggestQuery,
  IdParams,
  RebatesQuery,
} from './api.js';
import { createDeclaration } from './create-declaration.js';
import { declarationDocument } from './declaration-documents.js';
import { getDeclaration, listDeclarations } from './get-declaration.js';
import { suggestHsCodes } from './hs-suggest/index.js';
import { moveDeclaration } from './move-declaration.js';
import { monthlyRebates, rebateCsvColumns, rebateCsvRows } from './rebate-summary.js';

/** Foreign-trade services: export declarations, their documents and lifecycle, HS suggestions, VAT rebates. */
export const registerTradeServicesRoutes = (instance: FastifyInstance) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['trade-services'];

  app.post(
    '/api/declarations',
    {
      schema: {
        tags,
        summary:
          'Draft an export declaration for an order or a shipment (exporter); every rule checked first',
        body: DeclarationBody,
      },
    },
    async (req, reply) => {
      const id = await createDeclaration(req.ctx, req.body);
      return reply.status(201).send(await getDeclaration(req.ctx, id));
    },
  );
  app.get(
    '/api/declarations',
    {
      schema: {
        tags,
        summary: "The exporter's declarations, newest first",
        querystring: DeclarationListQuery,
      },
    },
    (req) => listDeclarations(req.ctx, req.query),
  );
  app.get(
    '/api/declarations/:id',
    {
      schema: {
        tags,
        summary: 'A declaration with its findings, timeline, FX settlement and rebate',
        params: IdParams,
      },
    },
    (req) => getDeclaration(req.ctx, req.params.id),
  );
  app.post(
    '/api/declarations/:id/transition',
    {
      schema: {
        tags,
        summary: 'Move a declaration one step: declare, customs answers, FX, VAT invoices, rebate',
        params: IdParams,
        headers: idempotencyHeader,
        body: DeclarationMoveBody,
      },
    },
    (req, reply) =>
      idempotentWhenKeyed(req, reply, 'declaration.move', async (ctx) => {
        await moveDeclaration(ctx, req.params.id, req.body);
        return getDeclaration(ctx, req.params.id);
      }),
  );
  app.get(
    '/api/declarations/:id/documents/:kind',
    {
      schema: {
        tags,
        summary: 'A document as PDF: invoice.pdf, packing-list.pdf or declaration.pdf',
        params: DocumentParams,
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await declarationDocument(req.ctx, req.params.id, req.params.kind);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(pdf);
    },
  );
  app.get(
    '/api/hs/suggest',
    {
      schema: {
        tags,
        summary: 'The likeliest HS codes for a product title or description in English, Chinese or Spanish',
        querystring: HsSuggestQuery,
      },
    },
    (req) => ({
      query: req.query.q,
      suggestions: suggestHsCodes(req.query.q, { lang: req.query.lang, limit: req.query.limit }),
    }),
  );
  app.get(
    '/api/rebates',
    {
      schema: {
        tags,
        summary: "A month's VAT rebate claims with their calculation and totals per supplier",
        querystring: RebatesQuery,
      },
    },
    (req) => monthlyRebates(req.ctx, req.query.month),
  );
  app.get(
    '/api/rebates.csv',
    {
      schema: {
        tags,
        summary: "A month's VAT rebate claims as CSV, one row per invoice line",
        querystring: RebatesQuery,
      },
    },
    async (req, reply) => {
      const summary = await monthlyRebates(req.ctx, req.query.month);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="vat-rebates-${req.query.month}.csv"`)
        .send(writeCsv(rebateCsvColumns, rebateCsvRows(summary)));
    },
  );
};
