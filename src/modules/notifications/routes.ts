import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmptyBody } from '../../http/empty-body.js';
import { listNotifications, markNotificationRead } from './list-notifications.js';

const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});

export const registerNotificationRoutes = (instance: FastifyInstance) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'The newest notifications of your company',
        querystring: z.strictObject({
          unread: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ unread: z.number(), items: z.array(NotificationSchema) }) },
      },
    },
    (req) => listNotifications(req.ctx, { unreadOnly: req.query.unread === 'true', limit: req.query.limit }),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a notification read',
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        body: EmptyBody,
        response: { 200: z.object({ id: z.string(), read: z.boolean() }) },
      },
    },
    (req) => markNotificationRead(req.ctx, { id: req.params.id }),
  );
};
