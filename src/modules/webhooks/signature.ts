import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new signing secret: `whsec_` and 32 random bytes, base64url. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** The v1 signature: hex HMAC-SHA256, keyed with the whole secret string, of `<timestamp>.<body>`. */
export const signWebhook = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The `tradelane-signature` header for a body sent at `at`: `t=<unix seconds>,v1=<hex>`. */
export const signatureHeader = (secret: string, at: Date, body: string): string => {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${signWebhook(secret, timestamp, body)}`;
};

/**
 * For receivers: is `header` a valid signature of the raw `body` with
 * `secret`, made within `toleranceSeconds` of `now`? The timestamp is
 * signed too, so an old request cannot be replayed with a fresh one.
 * Several `v1=` values are accepted (any one must match).
 */
export const verifyWebhookSignature = (
  secret: string,
  header: string | undefined | null,
  body: string,
  now: Date = new Date(),
  toleranceSeconds = 300,
): boolean => {
  if (!header) return false;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body), 'hex');
  return signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
};
