import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EmptyBody } from '../../http/empty-body.js';
import { idempotencyHeader, idempotentWhenKeyed } from '../../http/idempotency.js';
import { readUploadedFile } from '../../http/uploads.js';
import { BookingBody, BookingEventBody, FreightSearchQuery, IdParams, RateCardBody } from './api.js';
import { bookFreight } from './book-freight.js';
import { cancelBooking, postBookingEvent } from './booking-events.js';
import { FreightIndexQuery, freightIndex } from './freight-index.js';
import { getBooking, listBookings } from './get-booking.js';
import { importBookingEvents } from './import-booking-events.js';
import { uploadRateCards } from './import-rate-cards.js';
import { getRateCard, listRateCards, publishRateCard, rateCardInputOf } from './rate-cards.js';
import { searchFreight } from './search-freight.js';

/** JSON has no bigint: money leaves as strings of minor units. */
const json = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));

/** Freight: search, bookings and their events, forwarders' rate cards. */
export const registerLogisticsRoutes = (instance: FastifyInstance) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['freight'];

  app.get(
    '/api/freight/search',
    {
      schema: {
        tags,
        summary: 'Freight offers on a lane for a cargo and ready date',
        querystring: FreightSearchQuery,
      },
    },
    (req) => {
      const q = req.query;
      const cargo =
        q.containerType && q.containers
          ? { containers: { type: q.containerType, count: q.containers } }
          : { weightKg: q.weightKg!, volumeCbm: q.volumeCbm ?? 0 };
      return searchFreight(req.ctx, { ...q, cargo });
    },
  );
  app.get(
    '/api/freight/index',
    {
      schema: {
        tags,
        summary:
          'Weekly freight rate index: median all-in USD per 40′ container by lane, and the composite (public)',
        querystring: FreightIndexQuery,
      },
    },
    (req) => freightIndex(req.ctx, req.query),
  );
  app.post(
    '/api/freight/bookings',
    {
      schema: {
        tags,
        summary: 'Book space on a departure (shipper; Idempotency-Key recommended)',
        headers: idempotencyHeader,
        body: BookingBody,
      },
    },
    (req, reply) =>
      idempotentWhenKeyed(req, reply, 'freight.book', async (ctx) => {
        const booking = await bookFreight(ctx, req.body);
        reply.status(201);
        return getBooking(ctx, booking.id);
      }),
  );
  app.get(
    '/api/freight/bookings',
    { schema: { tags, summary: "The company's bookings, newest first" } },
    (req) => listBookings(req.ctx),
  );
  app.get(
    '/api/freight/bookings/:id',
    { schema: { tags, summary: 'A booking with its timeline', params: IdParams } },
    (req) => getBooking(req.ctx, req.params.id),
  );
  app.post(
    '/api/freight/bookings/:id/events',
    {
      schema: {
        tags,
        summary:
          'Report a booking event: confirmation, gate-in, loading, departure, arrival, delivery, a roll (forwarder)',
        params: IdParams,
        headers: idempotencyHeader,
        body: BookingEventBody,
      },
    },
    (req, reply) =>
      idempotentWhenKeyed(req, reply, 'freight.event', async (ctx) => {
        const { occurredAt, ...rest } = req.body;
        await postBookingEvent(ctx, req.params.id, {
          ...rest,
          occurredAt: occurredAt ? new Date(occurredAt) : undefined,
        });
        return getBooking(ctx, req.params.id);
      }),
  );
  app.post(
    '/api/freight/bookings/events/import',
    {
      schema: {
        tags,
        summary:
          'Report booking events from a CSV file, applied in order: all or none (multipart; forwarder)',
      },
    },
    (req) => importBookingEvents(req.ctx, { readUpload: readUploadedFile(req) }),
  );
  app.post(
    '/api/freight/bookings/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Withdraw a booking before its cargo reaches the terminal (shipper)',
        params: IdParams,
        headers: idempotencyHeader,
        body: EmptyBody,
      },
    },
    (req, reply) =>
      idempotentWhenKeyed(req, reply, 'freight.cancel', async (ctx) => {
        await cancelBooking(ctx, req.params.id);
        return getBooking(ctx, req.params.id);
      }),
  );
  app.post(
    '/api/freight/rate-cards',
    {
      schema: {
        tags,
        summary: 'Publish a rate card and open its departures (forwarder)',
        body: RateCardBody,
      },
    },
    async (req, reply) => {
      const created = await publishRateCard(req.ctx, rateCardInputOf(req.body));
      return reply.status(201).send(json(created));
    },
  );
  app.post(
    '/api/freight/rate-cards/import',
    {
      schema: {
        tags,
        summary: 'Publish rate cards from a CSV file, one per line: all or none (multipart; forwarder)',
      },
    },
    async (req, reply) =>
      reply.status(201).send(await uploadRateCards(req.ctx, { readUpload: readUploadedFile(req) })),
  );
  app.get(
    '/api/freight/rate-cards',
    { schema: { tags, summary: "The forwarder's rate cards" } },
    async (req) => json(await listRateCards(req.ctx)),
  );
  app.get(
    '/api/freight/rate-cards/:id',
    {
      schema: {
        tags,
        summary: 'A rate card with its departures and allotments (its forwarder)',
        params: IdParams,
      },
    },
    async (req) => json(await getRateCard(req.ctx, req.params.id)),
  );
};
