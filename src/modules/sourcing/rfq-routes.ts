import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmptyBody } from '../../http/empty-body.js';
import { PageQuery } from '../catalog/index.js';
import {
  ComparisonSchema,
  CreateRfqBody,
  FeedSchema,
  IdParams,
  QuoteOfferBody,
  QuoteSchema,
  RfqMatchesSchema,
  RfqSchema,
} from './api.js';
import { cancelRfq } from './cancel-rfq.js';
import { compareQuotes } from './compare-quotes.js';
import { createRfq } from './create-rfq.js';
import { listRfqQuotes } from './get-quote.js';
import { getRfq, getRfqMatches, listMyRfqs } from './get-rfq.js';
import { publishRfq } from './publish-rfq.js';
import { rfqFeed } from './rfq-feed.js';
import { submitQuote } from './submit-quote.js';

export const registerRfqRoutes = (instance: FastifyInstance) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['sourcing'];

  app.post(
    '/api/rfqs',
    { schema: { tags, summary: 'Draft an RFQ (buyer)', body: CreateRfqBody, response: { 201: RfqSchema } } },
    async (req, reply) => reply.status(201).send(await createRfq(req.ctx, req.body)),
  );
  app.get(
    '/api/rfqs',
    {
      schema: {
        tags,
        summary: "Your company's RFQs, newest first",
        querystring: PageQuery,
        response: {
          200: z.object({
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            items: z.array(RfqSchema),
          }),
        },
      },
    },
    (req) => listMyRfqs(req.ctx, req.query),
  );
  app.get(
    '/api/rfqs/:id',
    { schema: { tags, summary: 'An RFQ', params: IdParams, response: { 200: RfqSchema } } },
    (req) => getRfq(req.ctx, { rfqId: req.params.id }),
  );
  app.post(
    '/api/rfqs/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft RFQ: match and invite suppliers',
        params: IdParams,
        body: EmptyBody,
        response: { 200: RfqSchema },
      },
    },
    (req) => publishRfq(req.ctx, { rfqId: req.params.id }),
  );
  app.post(
    '/api/rfqs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an RFQ (declines its live quotes)',
        params: IdParams,
        body: EmptyBody,
        response: { 200: RfqSchema },
      },
    },
    (req) => cancelRfq(req.ctx, { rfqId: req.params.id }),
  );
  app.get(
    '/api/rfqs/:id/matches',
    {
      schema: {
        tags,
        summary: 'The suppliers an RFQ invited, with score components (buyer)',
        params: IdParams,
        response: { 200: RfqMatchesSchema },
      },
    },
    (req) => getRfqMatches(req.ctx, { rfqId: req.params.id }),
  );
  app.get(
    '/api/rfqs/:id/quotes',
    {
      schema: {
        tags,
        summary: 'Quotes on an RFQ: all of them for its buyer, only your own for a supplier',
        params: IdParams,
        response: { 200: z.object({ items: z.array(QuoteSchema) }) },
      },
    },
    (req) => listRfqQuotes(req.ctx, { rfqId: req.params.id }),
  );
  app.post(
    '/api/rfqs/:id/quotes',
    {
      schema: {
        tags,
        summary: 'Quote on an RFQ (supplier; spends one of the monthly quota)',
        params: IdParams,
        body: QuoteOfferBody,
        response: { 201: QuoteSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await submitQuote(req.ctx, { rfqId: req.params.id, offer: req.body })),
  );
  app.get(
    '/api/rfqs/:id/comparison',
    {
      schema: {
        tags,
        summary: "Side-by-side quotes in the RFQ's currency (buyer)",
        params: IdParams,
        response: { 200: ComparisonSchema },
      },
    },
    (req) => compareQuotes(req.ctx, { rfqId: req.params.id }),
  );
  app.get(
    '/api/supplier/rfq-feed',
    {
      schema: {
        tags,
        summary: 'RFQs for your company to quote on, with match reasons and quota left (supplier)',
        querystring: z.strictObject({ status: z.enum(['open', 'all']).default('open') }),
        response: { 200: FeedSchema },
      },
    },
    (req) => rfqFeed(req.ctx, { status: req.query.status }),
  );
};
