import { afterEach, describe, expect, it, vi } from 'vitest';
import { newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { sessionCacheStats } from './session-cache.js';

const h = useHarness();

const me = async (cookie: string) => {
  const response = await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
  return { status: response.statusCode, body: response.json() };
};

// The embedded database caches who a cookie acts for; PostgreSQL caches nothing, and every
// answer below must be the same on both.
const cached = () => sessionCacheStats(h.database.db) !== null;

afterEach(() => {
  vi.useRealTimers();
});

describe('session cache', () => {
  it('resolves a signed-in cookie once, then from memory', async () => {
    expect(cached()).toBe(h.database.engine === 'pglite');
    const supplier = await newSupplier(h);
    expect((await me(supplier.cookie)).status).toBe(200);
    const before = sessionCacheStats(h.database.db);
    expect((await me(supplier.cookie)).body.company.id).toBe(supplier.companyId);
    if (before) expect(sessionCacheStats(h.database.db)!.hits).toBe(before.hits + 1);
  });

  it('refuses a session deleted straight from the table at the next request', async () => {
    const supplier = await newSupplier(h);
    expect((await me(supplier.cookie)).status).toBe(200);
    await h.database.sql('delete from sessions where user_id = $1', [supplier.userId]);
    expect((await me(supplier.cookie)).status).toBe(401);
  });

  it('drops a removed member from its company, and shows a changed role, at the next request', async () => {
    const supplier = await newSupplier(h);
    expect((await me(supplier.cookie)).body.role).toBe('owner');
    await h.database.sql('update members set role = $1 where user_id = $2', ['sales', supplier.userId]);
    expect((await me(supplier.cookie)).body.role).toBe('sales');
    await h.database.sql('delete from members where user_id = $1', [supplier.userId]);
    expect((await me(supplier.cookie)).body.company).toBeNull();
  });

  it('never serves a session past its expiry, even with no write in between', async () => {
    const supplier = await newSupplier(h);
    expect((await me(supplier.cookie)).status).toBe(200);
    // better-auth and the cache both read the real clock: move it past the session's 7 days.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 8 * 24 * 3600_000 });
    expect((await me(supplier.cookie)).status).toBe(401);
  });
});
