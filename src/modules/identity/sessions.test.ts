import { verifyPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signUp } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { accounts, sessions } from './schema.js';

const h = useHarness();
const password = 'correct-horse-battery';

const me = (cookie: string) => h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

const cookieOf = (set: string | string[] | undefined) =>
  (Array.isArray(set) ? set : set ? [set] : []).map((c) => c.split(';')[0]).join('; ');

const signIn = async (email: string) => {
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email, password },
  });
  expect(response.statusCode, response.body).toBe(200);
  return cookieOf(response.headers['set-cookie']);
};

const post = (url: string, cookie: string) =>
  h.app.inject({ method: 'POST', url, headers: { cookie }, payload: {} });

describe('passwords', () => {
  it('are stored as salted scrypt hashes that verify, never as themselves', async () => {
    const a = await signUp(h);
    const b = await signUp(h);
    const hashOf = async (userId: string) => {
      const [row] = await h.database.db
        .select({ password: accounts.password })
        .from(accounts)
        .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
      return row!.password!;
    };
    const [hashA, hashB] = [await hashOf(a.userId), await hashOf(b.userId)];
    expect(hashA).not.toContain(password);
    // better-auth's scrypt format: 16-byte salt and 64-byte key, hex, `salt:key`.
    expect(hashA).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    expect(hashB).not.toBe(hashA);
    expect(await verifyPassword({ hash: hashA, password })).toBe(true);
    expect(await verifyPassword({ hash: hashA, password: `${password}!` })).toBe(false);
  });
});

describe('sessions', () => {
  it('last 7 days and are refused once expired', async () => {
    const user = await signUp(h);
    const cookie = await signIn(user.email);
    expect((await me(cookie)).statusCode).toBe(200);
    const rows = await h.database.db.select().from(sessions).where(eq(sessions.userId, user.userId));
    for (const s of rows) {
      const days = (s.expiresAt.getTime() - s.updatedAt.getTime()) / (24 * 3600 * 1000);
      expect(days).toBeCloseTo(7, 1);
    }
    await h.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(sessions.userId, user.userId));
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered session cookie', async () => {
    const user = await signUp(h);
    const cookie = await signIn(user.email);
    const [name, value] = cookie.split('=') as [string, string];
    const flipped = `${value[0] === 'A' ? 'B' : 'A'}${value.slice(1)}`;
    expect((await me(`${name}=${flipped}`)).statusCode).toBe(401);
  });

  it('signing out ends that session only: its cookie is refused at once', async () => {
    const user = await signUp(h);
    const laptop = await signIn(user.email);
    const phone = await signIn(user.email);
    expect((await post('/api/auth/sign-out', laptop)).statusCode).toBe(200);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(200);
  });

  it('revoking the other sessions refuses their cookies and keeps the current one', async () => {
    const user = await signUp(h);
    const stolen = await signIn(user.email);
    const current = await signIn(user.email);
    const revoked = await post('/api/auth/revoke-other-sessions', current);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await me(stolen)).statusCode).toBe(401);
    expect((await me(current)).statusCode).toBe(200);

    expect((await post('/api/auth/revoke-sessions', current)).statusCode).toBe(200);
    expect((await me(current)).statusCode).toBe(401);
    expect(await h.database.db.select().from(sessions).where(eq(sessions.userId, user.userId))).toEqual([]);
  });
});
