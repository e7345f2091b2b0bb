import { z } from 'zod';
import { webhookUrlProblem } from './endpoint-url.js';
import { eventPatternRegex, webhookEventFamilies } from './events.js';
import { webhookDeliveryStatuses } from './schema.js';

/** At most this many active endpoints per company. */
export const maxWebhookEndpoints = 10;

const families = webhookEventFamilies.map((f) => `${f}.*`).join(', ');

export const WebhookUrl = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .superRefine((value, issue) => {
    const problem = webhookUrlProblem(value);
    if (problem) issue.addIssue({ code: 'custom', message: problem });
  });

export const EventPattern = z
  .string()
  .trim()
  .regex(eventPatternRegex, `An event family (${families}) or one event type such as payment.received`);

export const CreateWebhookBody = z
  .strictObject({
    url: WebhookUrl,
    events: z
      .array(EventPattern)
      .min(1, 'Subscribe to at least one event pattern')
      .max(20)
      .transform((patterns) => [...new Set(patterns)]),
    description: z.string().trim().max(500).default(''),
  })
  .describe('A new webhook endpoint: where to POST which events');
export type CreateWebhookInput = z.infer<typeof CreateWebhookBody>;

export const WebhookIdParams = z.strictObject({
  id: z.string().regex(/^whk_[0-9a-z]{22}$/, 'A webhook endpoint id (whk_…)'),
});
export const DeliveryIdParams = z.strictObject({
  id: z.string().regex(/^whd_[0-9a-z]{22}$/, 'A webhook delivery id (whd_…)'),
});
export const DeliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const WebhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpointView = z.infer<typeof WebhookEndpointSchema>;

/** Returned only when an endpoint is created or its secret rotated: the secret is never shown again. */
export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().describe('Verify tradelane-signature with it; shown once'),
});

export const WebhookAttemptSchema = z.object({
  attempt: z.number(),
  startedAt: z.string(),
  durationMs: z.number(),
  statusCode: z.number().nullable(),
  error: z.string().nullable(),
});

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(webhookDeliveryStatuses),
  /** The exact JSON that is (or was) sent. */
  payload: z.object({
    id: z.string(),
    type: z.string(),
    createdAt: z.string(),
    data: z.record(z.string(), z.unknown()),
  }),
  /** When a pending delivery is next tried. */
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  attempts: z.array(WebhookAttemptSchema),
});
export type WebhookDeliveryView = z.infer<typeof WebhookDeliverySchema>;
