import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPermittedAddress, publicOnlyLookup, ReceiverAddressError } from './receiver-address.js';

type PostOptions = {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Tests and local development: a receiver on a loopback address may be called. */
  allowLoopback: boolean;
};

/**
 * POSTs `body` to a webhook receiver and resolves with its status code.
 * Only public addresses are connected to: a literal IP is checked here, a
 * host name by the lookup the connection uses (so the checked address is
 * the one called). Redirects are not followed; the response body is
 * discarded unread.
 */
export const postToReceiver = (rawUrl: string, { headers, body, timeoutMs, allowLoopback }: PostOptions) =>
  new Promise<number>((resolve, reject) => {
    const url = new URL(rawUrl);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !isPermittedAddress(host, allowLoopback)) {
      reject(new ReceiverAddressError(host, host));
      return;
    }
    const signal = AbortSignal.timeout(timeoutMs);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: publicOnlyLookup(allowLoopback),
        signal,
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on('error', (error) => reject(signal.aborted ? signal.reason : error));
    outgoing.end(body);
  });
