import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EmptyBody } from '../../http/empty-body.js';
import { acceptQuote } from './accept-quote.js';
import { CounterBody, IdParams, QuoteOfferBody, QuoteSchema, RateBody, RespondBody } from './api.js';
import { getQuote } from './get-quote.js';
import { counterQuote, reviseQuote } from './negotiate-quote.js';
import { rateQuote, respondToQuote } from './respond-to-quote.js';

export const registerQuoteRoutes = (instance: FastifyInstance) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['sourcing'];
  const quoteResponse = { 200: QuoteSchema };

  app.get(
    '/api/quotes/:id',
    {
      schema: {
        tags,
        summary: 'A quote with its negotiation history',
        params: IdParams,
        response: quoteResponse,
      },
    },
    (req) => getQuote(req.ctx, { quoteId: req.params.id }),
  );
  app.post(
    '/api/quotes/:id/counter',
    {
      schema: {
        tags,
        summary: 'Counter a quote: price, quantity or lead time (buyer)',
        params: IdParams,
        body: CounterBody,
        response: quoteResponse,
      },
    },
    (req) => counterQuote(req.ctx, { quoteId: req.params.id, counter: req.body }),
  );
  app.post(
    '/api/quotes/:id/revise',
    {
      schema: {
        tags,
        summary: 'Revise a quote with a new version (supplier)',
        params: IdParams,
        body: QuoteOfferBody,
        response: quoteResponse,
      },
    },
    (req) => reviseQuote(req.ctx, { quoteId: req.params.id, offer: req.body }),
  );
  app.post(
    '/api/quotes/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept a quote: awards the RFQ and declines the others (buyer)',
        params: IdParams,
        body: EmptyBody,
        response: quoteResponse,
      },
    },
    (req) => acceptQuote(req.ctx, { quoteId: req.params.id }),
  );
  app.post(
    '/api/quotes/:id/respond',
    {
      schema: {
        tags,
        summary: 'Shortlist or decline a quote (buyer), or withdraw it (supplier)',
        params: IdParams,
        body: RespondBody,
        response: quoteResponse,
      },
    },
    (req) => respondToQuote(req.ctx, { quoteId: req.params.id, ...req.body }),
  );
  app.post(
    '/api/quotes/:id/rating',
    {
      schema: {
        tags,
        summary: 'Rate a quote 1–5 (buyer)',
        params: IdParams,
        body: RateBody,
        response: quoteResponse,
      },
    },
    (req) => rateQuote(req.ctx, { quoteId: req.params.id, rating: req.body.rating }),
  );
};
