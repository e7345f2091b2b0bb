import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmptyBody } from '../../http/empty-body.js';
import {
  CreateWebhookBody,
  DeliveriesQuery,
  DeliveryIdParams,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookIdParams,
} from './api.js';
import { listWebhookDeliveries, retryWebhookDelivery } from './deliveries.js';
import {
  createWebhookEndpoint,
  deactivateWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
} from './endpoints.js';

/** Webhook endpoints and their delivery log (company owners and admins). */
export const registerWebhookRoutes = (instance: FastifyInstance) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];

  app.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Register a webhook endpoint; the response shows its signing secret, once',
        body: CreateWebhookBody,
        response: { 201: WebhookEndpointWithSecretSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createWebhookEndpoint(req.ctx, req.body)),
  );
  app.get(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: "Your company's webhook endpoints",
        response: { 200: z.object({ items: z.array(WebhookEndpointSchema) }) },
      },
    },
    (req) => listWebhookEndpoints(req.ctx),
  );
  app.get(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'A webhook endpoint',
        params: WebhookIdParams,
        response: { 200: WebhookEndpointSchema },
      },
    },
    (req) => getWebhookEndpoint(req.ctx, { id: req.params.id }),
  );
  app.delete(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Deactivate a webhook endpoint (its delivery log stays)',
        params: WebhookIdParams,
        response: { 200: WebhookEndpointSchema },
      },
    },
    (req) => deactivateWebhookEndpoint(req.ctx, { id: req.params.id }),
  );
  app.post(
    '/api/webhooks/:id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Replace the signing secret; the response shows the new one, once',
        params: WebhookIdParams,
        body: EmptyBody,
        response: { 200: WebhookEndpointWithSecretSchema },
      },
    },
    (req) => rotateWebhookSecret(req.ctx, { id: req.params.id }),
  );
  app.get(
    '/api/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: "An endpoint's deliveries, newest first, with their attempts",
        params: WebhookIdParams,
        querystring: DeliveriesQuery,
        response: { 200: z.object({ items: z.array(WebhookDeliverySchema) }) },
      },
    },
    (req) => listWebhookDeliveries(req.ctx, { endpointId: req.params.id, limit: req.query.limit }),
  );
  app.post(
    '/api/webhooks/deliveries/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send a failed delivery again, now',
        params: DeliveryIdParams,
        body: EmptyBody,
        response: { 200: WebhookDeliverySchema },
      },
    },
    (req) => retryWebhookDelivery(req.ctx, { deliveryId: req.params.id }),
  );
};
