import { randomBytes } from 'node:crypto';
import { apiKey } from '@better-auth/api-key';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { organization } from 'better-auth/plugins/organization';
import { type Clock, systemClock } from '../../core/clock.js';
import { type IdPrefix, newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { clientIpHeader } from './client-ip.js';
import { memberAuditHooks } from './member-audit-hooks.js';
import { accessControl, roles } from './roles.js';
import {
  accounts,
  apiKeys,
  companies,
  invitations,
  members,
  sessions,
  users,
  verifications,
} from './schema.js';
import { signInHooks } from './sign-in-hooks.js';
import { UserLocale } from './user-locale.js';

const idPrefixes: Record<string, IdPrefix> = {
  user: 'usr',
  session: 'ses',
  account: 'acc',
  verification: 'ver',
  organization: 'co',
  member: 'mem',
  invitation: 'inv',
  apikey: 'key',
};

export type AuthOptions = {
  db: Db;
  /** Signs session cookies; set TRADELANE_AUTH_SECRET in production. */
  secret: string;
  baseURL: string;
  /** The clock of the sign-in lockout and the audit log (tests move it). */
  now?: Clock;
};

export { clientIpHeader };

/** The API key header prefix integrations see: `Authorization: Bearer tl_…`. */
export const apiKeyPrefix = 'tl_';

export const createAuth = ({ db, secret, baseURL, now = systemClock }: AuthOptions) =>
  betterAuth({
    appName: 'Tradelane',
    secret,
    baseURL,
    basePath: '/api/auth',
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        organization: companies,
        member: members,
        invitation: invitations,
        apikey: apiKeys,
      },
    }),
    advanced: {
      // An invitation id is the secret in the invitation link: 120 random bits, no timestamp.
      database: {
        generateId: ({ model }) =>
          model === 'invitation'
            ? `inv_${randomBytes(15).toString('base64url')}`
            : newId(idPrefixes[model] ?? 'evt'),
      },
      // The HTTP bridge sets this header from the socket address (and drops any
      // client-sent copy), so better-auth's per-IP limits count real clients.
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
    },
    // Passwords are hashed with better-auth's default, scrypt (N=16384, r=16, p=1, 16-byte salt).
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128 },
    // A session lasts 7 days from its last renewal (at most once a day); no cookie cache, so a
    // revoked or signed-out session is refused on the very next request.
    session: { expiresIn: 7 * 24 * 3600, updateAge: 24 * 3600, cookieCache: { enabled: false } },
    hooks: signInHooks({ db, now }),
    // Set at sign-up and by update-user (the language switch); only a language the app speaks.
    user: {
      additionalFields: { locale: { type: 'string', required: false, validator: { input: UserLocale } } },
    },
    // better-auth's own limiter guards sign-in and sign-up per IP (10 tries a minute).
    rateLimit: {
      enabled: process.env.TRADELANE_AUTH_RATE_LIMIT !== 'off',
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': { window: 60, max: 10 }, '/sign-up/email': { window: 60, max: 10 } },
    },
    plugins: [
      organization({
        ac: accessControl,
        roles,
        creatorRole: 'owner',
        invitationExpiresIn: 7 * 24 * 3600,
        // Tradelane sends no email yet: the inviter shares the link, whose id is
        // unguessable, and better-auth still requires the invitee's email to match.
        requireEmailVerificationOnInvitation: false,
        organizationHooks: memberAuditHooks({ db, now }),
        schema: {
          organization: {
            additionalFields: {
              kind: { type: 'string', required: true },
              country: { type: 'string', required: true },
              province: { type: 'string', required: false },
              yearEstablished: { type: 'number', required: false },
              verificationLevel: {
                type: 'string',
                required: false,
                input: false,
                defaultValue: 'unverified',
              },
              auditorName: { type: 'string', required: false, input: false },
              verifiedAt: { type: 'date', required: false, input: false },
            },
          },
        },
      }),
      apiKey({
        references: 'organization',
        defaultPrefix: apiKeyPrefix,
        apiKeyHeaders: ['x-api-key'],
        enableMetadata: true,
        rateLimit: { enabled: false },
      }),
    ],
  });

export type Auth = ReturnType<typeof createAuth>;
