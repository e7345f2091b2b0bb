import { lookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Loopback: refused unless a test or a developer explicitly allows a local receiver. */
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Private, link-local (cloud metadata at 169.254.169.254), shared, multicast and unspecified ranges. */
const internal = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
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
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  internal.addSubnet(network, prefix, 'ipv6');
}

/**
 * The IPv4 address an IPv6 one carries: IPv4-mapped (`::ffff:10.0.0.1`, which
 * URL writes `::ffff:a00:1`) and NAT64 (`64:ff9b::a00:1`) reach that IPv4 host.
 */
const embeddedIpv4 = (address: string): string | undefined => {
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const hi = Number.parseInt(hex[1]!, 16);
  const lo = Number.parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
};

const classify = (address: string): 'loopback' | 'internal' | 'public' => {
  const ipv4 = isIP(address) === 6 ? embeddedIpv4(address) : address;
  const [target, family] = ipv4 ? [ipv4, 'ipv4' as const] : [address, 'ipv6' as const];
  if (loopback.check(target, family)) return 'loopback';
  return internal.check(target, family) ? 'internal' : 'public';
};

/** Whether the server may send to this IP address: public ones always, loopback only when allowed. */
export const isPermittedAddress = (address: string, allowLoopback: boolean): boolean => {
  const kind = classify(address.replace(/^\[|\]$/g, '').toLowerCase());
  return kind === 'public' || (kind === 'loopback' && allowLoopback);
};

export class ReceiverAddressError extends Error {
  readonly code = 'ERECEIVERNOTPUBLIC';
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a loopback, private or link-local address`);
  }
}

type Resolved = { address: string; family: number }[];

const resolveAll = (host: string) =>
  new Promise<Resolved>((resolve, reject) => {
    lookup(host, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

/**
 * A `lookup` for node:http(s) that resolves the receiver's host and refuses
 * it when any of its addresses is not public. The connection then goes to
 * the address checked here, so a name that resolves again differently
 * (DNS rebinding) cannot slip past the check.
 */
export const publicOnlyLookup =
  (allowLoopback: boolean): LookupFunction =>
  (host, options, callback) => {
    resolveAll(host).then(
      (addresses) => {
        const refused = addresses.find((a) => !isPermittedAddress(a.address, allowLoopback));
        if (refused || addresses.length === 0) {
          callback(new ReceiverAddressError(host, refused?.address ?? 'no address'), '', 4);
          return;
        }
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable = addresses.filter((a) => wanted === undefined || a.family === wanted);
        if (options.all) {
          (callback as unknown as (e: null, all: Resolved) => void)(null, usable);
          return;
        }
        const first = usable[0] ?? addresses[0]!;
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };

/**
 * Why a receiver's host is not public, checked when an endpoint is
 * registered: the addresses it resolves to now. A host that does not
 * resolve (yet) is let through; every delivery checks again.
 */
export const receiverHostProblem = async (
  rawUrl: string,
  allowLoopback: boolean,
  timeoutMs = 3_000,
): Promise<string | undefined> => {
  const host = new URL(rawUrl).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host))
    return isPermittedAddress(host, allowLoopback) ? undefined : `${host} is not a public address`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  const addresses = await Promise.race([resolveAll(host).catch(() => undefined), timeout]).finally(() =>
    clearTimeout(timer),
  );
  const refused = addresses?.find((a) => !isPermittedAddress(a.address, allowLoopback));
  return refused
    ? `${host} resolves to ${refused.address}, a loopback, private or link-local address`
    : undefined;
};
