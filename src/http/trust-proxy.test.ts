import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../test/harness.js';
import { type App, buildApp } from './app.js';

const h = useHarness();

// /api/auth/* allows 30 requests a minute per client address; the 31st from one address is refused.
const authLimit = 30;

let behindProxy: App;
beforeAll(async () => {
  behindProxy = await buildApp({ database: h.database, dataDir: h.dataDir, trustProxy: '10.0.0.0/8' });
});
afterAll(async () => {
  await behindProxy?.close();
});

const getSession = (app: App, remoteAddress: string, forwardedFor?: string) =>
  app.inject({
    method: 'GET',
    url: '/api/auth/get-session',
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

const exhaust = async (app: App, remoteAddress: string, forwardedFor: string) => {
  for (let i = 0; i < authLimit; i++)
    expect((await getSession(app, remoteAddress, forwardedFor)).statusCode).toBe(200);
};

describe('client addresses behind a trusted proxy (TRADELANE_TRUST_PROXY)', () => {
  it('counts the limits per client named by a trusted proxy', async () => {
    await exhaust(behindProxy, '10.0.0.2', '198.51.100.1');
    expect((await getSession(behindProxy, '10.0.0.2', '198.51.100.1')).statusCode).toBe(429);
    // Another visitor behind the same proxy keeps their own budget.
    expect((await getSession(behindProxy, '10.0.0.2', '198.51.100.2')).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
    await exhaust(behindProxy, '192.0.2.7', '198.51.100.3');
    // A client cannot buy a fresh budget by naming another address.
    expect((await getSession(behindProxy, '192.0.2.7', '198.51.100.4')).statusCode).toBe(429);
  });

  it('trusts no proxy by default', async () => {
    await exhaust(h.app, '10.0.0.2', '198.51.100.5');
    expect((await getSession(h.app, '10.0.0.2', '198.51.100.6')).statusCode).toBe(429);
  });
});
