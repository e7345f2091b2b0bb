import type { Actor, Ctx } from '../../core/context.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { type AuditActorKind, auditLog } from './security-schema.js';

export type AuditEntry = {
  /** `<subject>.<what happened>`: `company.verification_changed`, `order.refunded`… */
  action: string;
  subjectType: string;
  subjectId: string;
  /** The company the action concerns. */
  companyId?: string | null;
  /** JSON only: amounts as decimal strings. */
  details?: Record<string, unknown>;
};

/** Who acted, as the log keeps it: a person, an integration key, or the platform's own timers. */
export type AuditActor = {
  kind: AuditActorKind;
  userId: string | null;
  companyId: string | null;
  apiKeyId: string | null;
};

export const auditActorOf = (actor: Actor): AuditActor => ({
  kind: actor.kind === 'api_key' ? 'api_key' : actor.kind === 'anonymous' ? 'system' : 'user',
  userId: 'userId' in actor && actor.userId ? actor.userId : null,
  companyId: 'companyId' in actor ? actor.companyId : null,
  apiKeyId: actor.kind === 'api_key' ? (actor.apiKeyId ?? null) : null,
});

/**
 * Appends an entry for a privileged action. Call it with the action's own
 * transaction (`tx` inside `inTransaction`): the entry commits with the
 * action or not at all. Timers act as `system`.
 */
export const recordAudit = async (ctx: Pick<Ctx, 'db' | 'actor' | 'now'>, entry: AuditEntry) =>
  appendAudit(ctx.db, auditActorOf(ctx.actor), ctx.now(), entry);

export const appendAudit = async (db: Db, actor: AuditActor, at: Date, entry: AuditEntry) => {
  await db.insert(auditLog).values({
    id: newId('aud', at),
    at,
    actorKind: actor.kind,
    actorUserId: actor.userId,
    actorCompanyId: actor.companyId,
    apiKeyId: actor.apiKeyId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    companyId: entry.companyId ?? null,
    details: entry.details ?? {},
  });
};
