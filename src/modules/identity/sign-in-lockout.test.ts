import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../http/app.js';
import { signUp } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { lockoutPolicy } from './sign-in-lockout.js';

const h = useHarness();
const password = 'correct-horse-battery';
const minute = 60_000;

const signIn = (email: string, secret: string, ip = '198.51.100.7') =>
  h.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email, password: secret },
    remoteAddress: ip,
  });

/** `n` wrong passwords for `email`, each from another address: the lockout is per account, not per IP. */
const fail = async (email: string, n: number) => {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++)
    statuses.push((await signIn(email, 'wrong-password-1', `203.0.113.${i}`)).statusCode);
  return statuses;
};

describe('sign-in lockout', () => {
  it('locks an account after 10 failures in 15 minutes, from any address, for 15 minutes', async () => {
    const user = await signUp(h);
    const session = user.cookie;
    expect(await fail(user.email, lockoutPolicy.maxFailures)).toEqual(Array(10).fill(401));
    const lockedAt = h.clock();

    // The right password, from an address that never failed: still refused, with when to come back.
    const refused = await signIn(user.email, password, '192.0.2.44');
    expect(refused.statusCode).toBe(429);
    const until = new Date(lockedAt.getTime() + lockoutPolicy.lockMs).toISOString();
    expect(refused.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfter: until });
    expect(refused.json().message).toContain(until);
    expect(refused.headers['retry-after']).toBe(String(lockoutPolicy.lockMs / 1000));

    // A session signed in before the lock keeps working, and does not lift it.
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session } })).statusCode,
    ).toBe(200);
    h.clock.advance(14 * minute);
    expect((await signIn(user.email, password)).statusCode).toBe(429);

    h.clock.advance(minute);
    expect((await signIn(user.email, password)).statusCode).toBe(200);
  });

  it('counts an email however it is written, and leaves other accounts alone', async () => {
    const user = await signUp(h);
    const other = await signUp(h);
    expect(await fail(user.email.toUpperCase(), 9)).toEqual(Array(9).fill(401));
    expect((await signIn(user.email, 'wrong-password-1')).statusCode).toBe(401);
    expect((await signIn(user.email, password)).statusCode).toBe(429);
    expect((await signIn(other.email, password)).statusCode).toBe(200);
    h.clock.advance(lockoutPolicy.lockMs);
  });

  it('locks an unknown email the same way: the answer never tells whether an account exists', async () => {
    const ghost = `${randomBytes(5).toString('hex')}@test.tradelane.dev`;
    expect(await fail(ghost, 10)).toEqual(Array(10).fill(401));
    const refused = await signIn(ghost, password);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('ACCOUNT_LOCKED');
    h.clock.advance(lockoutPolicy.lockMs);
  });

  it('does not lock for failures spread wider than the window', async () => {
    const user = await signUp(h);
    await fail(user.email, 9);
    h.clock.advance(lockoutPolicy.windowMs + minute);
    await fail(user.email, 9);
    expect((await signIn(user.email, password)).statusCode).toBe(200);
  });
});

describe('sign-in rate limit per address', () => {
  const previous = process.env.TRADELANE_AUTH_RATE_LIMIT;
  let limited: Awaited<ReturnType<typeof buildApp>> | undefined;
  afterAll(async () => {
    await limited?.close();
    process.env.TRADELANE_AUTH_RATE_LIMIT = previous;
  });

  it('refuses the 11th sign-in in a minute from one address, whatever the emails', async () => {
    process.env.TRADELANE_AUTH_RATE_LIMIT = 'on';
    limited = await buildApp({ database: h.database, now: h.clock, dataDir: h.dataDir });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await limited.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: `nobody-${i}-${randomBytes(3).toString('hex')}@test.tradelane.dev`, password },
        remoteAddress: '198.51.100.200',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});
