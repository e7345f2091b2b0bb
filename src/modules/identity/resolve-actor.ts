import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/context.js';
import { anonymous } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { type Auth, apiKeyPrefix } from './auth.js';
import { companies, type MemberRole, members } from './schema.js';
import { cachedSessionActor } from './session-cache.js';

const membershipOf = async (db: Db, userId: string, companyId: string | null | undefined) => {
  const rows = await db
    .select({ companyId: members.organizationId, role: members.role, kind: companies.kind })
    .from(members)
    .innerJoin(companies, eq(companies.id, members.organizationId))
    .where(
      companyId
        ? and(eq(members.userId, userId), eq(members.organizationId, companyId))
        : eq(members.userId, userId),
    )
    .limit(2);
  // Without an active company chosen, a member of exactly one company acts for it.
  return rows.length === 1 ? rows[0] : undefined;
};

const bearerKey = (headers: Headers) => {
  const value = headers.get('authorization');
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match?.[1]?.startsWith(apiKeyPrefix) ? match[1] : null;
};

/**
 * Who is behind a request: an API key (`Authorization: Bearer tl_…`) acts for
 * its company with the role it was issued with; a session acts for the
 * user's active company. A bad key is an error, never a silent anonymous.
 */
export const resolveActor = async (db: Db, auth: Auth, headers: Headers): Promise<Actor> => {
  const key = bearerKey(headers);
  if (key) {
    const result = await auth.api.verifyApiKey({ body: { key } });
    if (!result.valid || !result.key)
      throw new AppError('UNAUTHENTICATED', 'The API key is invalid or revoked');
    const companyId = result.key.referenceId;
    const metadata = (result.key.metadata ?? {}) as { role?: MemberRole; createdBy?: string };
    const [company] = await db
      .select({ kind: companies.kind })
      .from(companies)
      .where(eq(companies.id, companyId));
    if (!company) throw new AppError('UNAUTHENTICATED', 'The API key is invalid or revoked');
    return {
      kind: 'api_key',
      userId: metadata.createdBy ?? '',
      companyId,
      companyKind: company.kind,
      role: metadata.role ?? 'admin',
      apiKeyId: result.key.id,
    };
  }
  const cookie = headers.get('cookie');
  // No cookie, no session: better-auth would answer null without reading anything.
  if (!cookie) return anonymous;
  return cachedSessionActor(db, cookie, () => sessionActor(db, auth, headers));
};

const sessionActor = async (db: Db, auth: Auth, headers: Headers) => {
  const session = await auth.api.getSession({ headers });
  if (!session) return { actor: anonymous, expiresAt: null };
  const userId = session.user.id;
  const expiresAt = session.session.expiresAt;
  const membership = await membershipOf(db, userId, session.session.activeOrganizationId);
  if (!membership) return { actor: Object.freeze<Actor>({ kind: 'user', userId }), expiresAt };
  const actor = Object.freeze<Actor>({
    kind: 'member',
    userId,
    companyId: membership.companyId,
    companyKind: membership.kind,
    role: membership.role,
  });
  return { actor, expiresAt };
};
