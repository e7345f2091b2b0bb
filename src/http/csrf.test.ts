import { beforeAll, describe, expect, it } from 'vitest';
import { newSupplier, type Session } from '../test/factories.js';
import { useHarness } from '../test/harness.js';
import { crossSiteReason } from './csrf.js';

const h = useHarness();
const host = 'trade.example';

let owner: Session;
beforeAll(async () => {
  owner = await newSupplier(h);
});

/** Issues an API key (a state-changing POST) with the owner's session cookie and the given headers. */
const issueKey = (headers: Record<string, string>, session = owner) =>
  h.app.inject({
    method: 'POST',
    url: '/api/api-keys',
    headers: { host, cookie: session.cookie, ...headers },
    payload: { name: 'ERP' },
  });

const keyCount = async () =>
  (await h.app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie: owner.cookie } })).json()
    .items.length as number;

describe('CSRF protection of cookie sessions', () => {
  it('accepts the app’s own pages: same Origin, or Sec-Fetch-Site same-origin', async () => {
    expect((await issueKey({ origin: `https://${host}` })).statusCode).toBe(201);
    expect((await issueKey({ origin: `http://${host}:80`, host: `${host}:80` })).statusCode).toBe(201);
    expect((await issueKey({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    // The configured base URL's origin, when a proxy sends another Host.
    const baseOrigin = new URL(process.env.TRADELANE_BASE_URL ?? 'http://localhost:3000').origin;
    expect((await issueKey({ origin: baseOrigin, host: '10.0.0.5:3000' })).statusCode).toBe(201);
  });

  it('refuses a cross-site or same-site page, and Origin: null, before anything runs', async () => {
    const before = await keyCount();
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: `https://${host}.evil.example` },
      { origin: 'null' },
      { origin: 'not a url' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const response = await issueKey(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json().error).toMatchObject({
        code: 'FORBIDDEN',
        details: { reason: 'cross_site_request' },
      });
    }
    expect(await keyCount()).toBe(before);
  });

  it('guards better-auth’s own cookie routes too (sign-out, member changes)', async () => {
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { host, cookie: owner.cookie, origin: 'https://evil.example' },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
    const me = await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: owner.cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('lets reads through, and requests without cookies (nothing ambient to abuse)', async () => {
    const read = await h.app.inject({
      method: 'GET',
      url: '/api/api-keys',
      headers: { host, cookie: owner.cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(read.statusCode).toBe(200);
    const anonymous = await h.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { host, origin: 'https://evil.example' },
      payload: { name: 'x' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('exempts API-key requests: a page cannot send an Authorization header cross-site', async () => {
    const key = (await issueKey({})).json().key as string;
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: {
        host,
        authorization: `Bearer ${key}`,
        cookie: owner.cookie,
        origin: 'https://integrations.example',
      },
      payload: { name: 'from the ERP' },
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('treats a request with neither Origin nor Sec-Fetch-Site as a non-browser client', async () => {
    expect((await issueKey({})).statusCode).toBe(201);
    const trusted = new Set(['https://trade.example']);
    expect(crossSiteReason({ host }, trusted)).toBeNull();
    expect(crossSiteReason({ host, 'sec-fetch-site': 'none' }, trusted)).toBeNull();
    expect(crossSiteReason({ host: 'internal:3000', origin: 'https://trade.example' }, trusted)).toBeNull();
    expect(crossSiteReason({ host, origin: 'null', 'sec-fetch-site': 'same-origin' }, trusted)).toBeNull();
    expect(crossSiteReason({ host, origin: 'http://evil.example' }, trusted)).toContain('evil.example');
  });
});
