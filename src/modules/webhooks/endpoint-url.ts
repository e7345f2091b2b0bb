import { isIP } from 'node:net';
import { isPermittedAddress } from './receiver-address.js';

const isLocalhost = (host: string) =>
  host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1' || host === '::1';

/**
 * `TRADELANE_WEBHOOKS_ALLOW_HTTP=1` (development and tests): a receiver on
 * this machine (localhost, loopback) is accepted, over http too. Private and
 * link-local addresses stay refused.
 */
export const localReceiversAllowed = () => process.env.TRADELANE_WEBHOOKS_ALLOW_HTTP === '1';

/**
 * Why `raw` cannot be a webhook URL, or undefined when it can. Receivers
 * must be https on a public host: no credentials in the URL, and no literal
 * loopback, private or link-local address (a subscriber must not be able
 * to make the server call into its own network). Host names are resolved
 * when the endpoint is registered (`receiverHostProblem`) and at every
 * delivery (`publicOnlyLookup`).
 */
export const webhookUrlProblem = (raw: string, allowLocal = localReceiversAllowed()): string | undefined => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https://';
  if (url.username || url.password) return 'The URL must not contain a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (url.protocol === 'http:' && !(allowLocal && isLocalhost(host))) {
    return 'The URL must use https (plain http only for a local receiver in development)';
  }
  const local = isLocalhost(host);
  if ((local && !allowLocal) || (!local && isIP(host) && !isPermittedAddress(host, allowLocal))) {
    return 'The URL must not point at a loopback, private or link-local address';
  }
  return undefined;
};
