import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/client.js';
import { clientIpHeader } from './client-ip.js';
import { recordSignInFailure, signInLockedUntil } from './sign-in-lockout.js';

const signInPath = '/sign-in/email';

const emailOf = (body: unknown) => {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.length <= 320 ? email : null;
};

const lockedError = (until: Date, now: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new APIError(
    'TOO_MANY_REQUESTS',
    {
      code: 'ACCOUNT_LOCKED',
      message:
        `Too many failed sign-ins for this account: password sign-in is locked until ` +
        `${until.toISOString()} (about ${minutes} minute${minutes === 1 ? '' : 's'}). ` +
        'Sessions already signed in are not affected.',
      retryAfter: until.toISOString(),
    },
    { 'retry-after': String(Math.ceil((until.getTime() - now.getTime()) / 1000)) },
  );
};

/**
 * better-auth's before/after hooks around password sign-in: a locked email is
 * refused before its password is checked; a wrong password (401) is counted.
 * Only this path is watched: sessions, sign-up and everything else pass.
 */
export const signInHooks = ({ db, now }: { db: Db; now: Clock }) => ({
  before: createAuthMiddleware(async (ctx) => {
    if (ctx.path !== signInPath) return;
    const email = emailOf(ctx.body);
    if (!email) return;
    const at = now();
    const until = await signInLockedUntil(db, email, at);
    if (until) throw lockedError(until, at);
  }),
  after: createAuthMiddleware(async (ctx) => {
    if (ctx.path !== signInPath) return;
    const returned = ctx.context.returned;
    if (!isAPIError(returned) || returned.statusCode !== 401) return;
    const email = emailOf(ctx.body);
    if (!email) return;
    await recordSignInFailure(db, {
      email,
      ipAddress: ctx.headers?.get(clientIpHeader) ?? null,
      now: now(),
    });
  }),
});
