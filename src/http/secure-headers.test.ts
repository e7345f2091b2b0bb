import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../test/harness.js';
import { type App, buildApp } from './app.js';

const h = useHarness();
const webBuilt = existsSync(fileURLToPath(new URL('../../web/dist/index.html', import.meta.url)));

const expectSecureHeaders = (response: LightMyRequestResponse) => {
  const csp = String(response.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(response.headers['x-powered-by']).toBeUndefined();
};

describe('secure headers (helmet)', () => {
  it('are on every API answer, errors included', async () => {
    for (const url of ['/api/taxonomy', '/api/me', '/api/no-such-route']) {
      expectSecureHeaders(await h.app.inject({ method: 'GET', url }));
    }
  });

  it.runIf(webBuilt)('are on the web app’s pages', async () => {
    for (const url of ['/', '/sign-in', '/orders/ord_123']) {
      const page = await h.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expectSecureHeaders(page);
    }
  });

  it('send no HSTS and no upgrade over plain HTTP (browsers ignore the one, the other breaks the page)', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/taxonomy' });
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(String(response.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });

  describe('behind HTTPS (TRADELANE_BASE_URL=https://…)', () => {
    let secure: App;
    beforeAll(async () => {
      secure = await buildApp({ database: h.database, dataDir: h.dataDir, baseURL: 'https://trade.example' });
    });
    afterAll(async () => {
      await secure?.close();
    });

    it('sends HSTS for a year with subdomains and upgrades insecure requests', async () => {
      for (const url of ['/api/taxonomy', '/']) {
        const response = await secure.inject({ method: 'GET', url });
        expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
        expectSecureHeaders(response);
      }
    });
  });
});
