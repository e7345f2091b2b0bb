import { BlockList, isIP } from 'node:net';

/** Loopback, private, link-local, shared, multicast and unspecified ranges: never a public receiver. */
const internal = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  internal.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  internal.addSubnet(network, prefix, 'ipv6');
}

const isInternalAddress = (host: string): boolean => {
  const version = isIP(host);
  if (version === 4) return internal.check(host, 'ipv4');
  if (version !== 6) return false;
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1, which URL writes as ::ffff:a00:1) is its IPv4 address.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(host);
  if (mapped) {
    const hi = Number.parseInt(mapped[1]!, 16);
    const lo = Number.parseInt(mapped[2]!, 16);
    return internal.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
  }
  return internal.check(host, 'ipv6');
};

const isLocalhost = (host: string) =>
  host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1' || host === '::1';

/** `TRADELANE_WEBHOOKS_ALLOW_HTTP=1` (development and tests): local http receivers are accepted. */
export const localReceiversAllowed = () => process.env.TRADELANE_WEBHOOKS_ALLOW_HTTP === '1';

/**
 * Why `raw` cannot be a webhook URL, or undefined when it can. Receivers
 * must be https on a public host: no credentials in the URL, and no literal
 * loopback, private or link-local address (a subscriber must not be able
 * to make the server call into its own network). Host names are not
 * resolved here.
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
  if (!allowLocal && (isLocalhost(host) || isInternalAddress(host))) {
    return 'The URL must not point at a loopback, private or link-local address';
  }
  return undefined;
};
