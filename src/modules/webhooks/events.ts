/** The event families a company may subscribe to; each is an outbox event type prefix. */
export const webhookEventFamilies = ['order', 'payment', 'dispute', 'quote'] as const;
export type WebhookEventFamily = (typeof webhookEventFamilies)[number];

/** `order.*` (a whole family) or one concrete type such as `payment.received`. */
export const eventPatternRegex = new RegExp(`^(${webhookEventFamilies.join('|')})\\.(\\*|[a-z][a-z0-9_]*)$`);

export const familyOf = (type: string): string => type.slice(0, Math.max(0, type.indexOf('.')));

/** The patterns an endpoint may list that match `type`: the type itself and its family's wildcard. */
export const patternsMatching = (type: string): string[] => [type, `${familyOf(type)}.*`];

export const patternMatches = (pattern: string, type: string): boolean =>
  patternsMatching(type).includes(pattern);

/**
 * The companies an event concerns: the one it was recorded for, and the
 * buyer, supplier or notified company its payload names. Each of them may
 * receive it on its own endpoints.
 */
export const audienceOf = (event: { companyId: string | null; payload: Record<string, unknown> }) => {
  const candidates = [event.companyId, event.payload.buyerId, event.payload.supplierId, event.payload.notify];
  return [...new Set(candidates.filter((c): c is string => typeof c === 'string' && c.length > 0))];
};
