import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookUrlProblem } from './endpoint-url.js';
import { postToReceiver } from './post-to-receiver.js';
import { isPermittedAddress, publicOnlyLookup, receiverHostProblem } from './receiver-address.js';

const refused = [
  '127.0.0.1',
  '127.255.0.9',
  '::1',
  '10.0.0.1',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '169.254.169.254',
  '169.254.0.1',
  '0.0.0.0',
  '100.64.0.1',
  '::',
  'fc00::1',
  'fd12:3456::1',
  'fe80::1',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '::ffff:10.0.0.1',
  '::ffff:a9fe:a9fe',
  '64:ff9b::a9fe:a9fe',
  '224.0.0.1',
];
const publicAddresses = ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:5db8:d822'];

describe('receiver addresses', () => {
  it('refuses loopback, private, link-local (cloud metadata), unspecified and IPv4-mapped forms of them', () => {
    for (const address of refused) expect(isPermittedAddress(address, false), address).toBe(false);
    for (const address of publicAddresses) expect(isPermittedAddress(address, false), address).toBe(true);
  });

  it('lets loopback through only when explicitly allowed, and nothing else internal', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(isPermittedAddress(address, true), address).toBe(true);
    }
    for (const address of ['10.0.0.1', '169.254.169.254', 'fe80::1', '0.0.0.0']) {
      expect(isPermittedAddress(address, true), address).toBe(false);
    }
    expect(webhookUrlProblem('https://169.254.169.254/latest/meta-data', true)).toMatch(/link-local/);
    expect(webhookUrlProblem('http://127.0.0.1:4010/hook', true)).toBeUndefined();
  });

  it('resolves a host name and refuses it when it lands on an internal address', async () => {
    // "localhost" is a name, not a literal: only resolving it shows that it is loopback.
    expect(await receiverHostProblem('https://localhost:8443/hook', false)).toMatch(
      /resolves to (127\.0\.0\.1|::1)/,
    );
    expect(await receiverHostProblem('https://localhost:8443/hook', true)).toBeUndefined();
    expect(await receiverHostProblem('https://[::ffff:169.254.169.254]/', true)).toMatch(
      /not a public address/,
    );
    // A name that does not resolve now is checked again at every delivery.
    expect(await receiverHostProblem('https://receiver.invalid/hook', false)).toBeUndefined();
    const lookup = publicOnlyLookup(false);
    const error = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (e) => resolve(e)));
    expect(error?.message).toMatch(/loopback, private or link-local/);
  });
});

describe('posting to a receiver', () => {
  let server: Server;
  let port: number;
  let received = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      received += 1;
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (url: string, allowLoopback: boolean) =>
    postToReceiver(url, {
      headers: { 'content-type': 'application/json' },
      body: '{}',
      timeoutMs: 5_000,
      allowLoopback,
    });

  it('never connects to a loopback receiver unless allowed, whether named by address or by host name', async () => {
    await expect(post(`http://127.0.0.1:${port}/hook`, false)).rejects.toThrow(
      /loopback, private or link-local/,
    );
    await expect(post(`http://localhost:${port}/hook`, false)).rejects.toThrow(
      /loopback, private or link-local/,
    );
    await expect(post(`http://[::ffff:127.0.0.1]:${port}/hook`, false)).rejects.toThrow(/loopback/);
    expect(received).toBe(0);
    expect(await post(`http://127.0.0.1:${port}/hook`, true)).toBe(204);
    expect(await post(`http://localhost:${port}/hook`, true)).toBe(204);
    expect(received).toBe(2);
  });

  it('refuses metadata and private addresses even with loopback allowed', async () => {
    await expect(post('http://169.254.169.254/latest/meta-data', true)).rejects.toThrow(/link-local/);
    await expect(post('https://10.0.0.1/hook', true)).rejects.toThrow(/link-local/);
  });
});
