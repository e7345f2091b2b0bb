import { and, desc, eq, gte, like, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { AuditLogInput } from './api.js';
import { requireRole } from './policy.js';
import { memberRoles } from './schema.js';
import { auditLog } from './security-schema.js';

/** Every member of the operator's company reads the log; nobody else, and nobody edits it. */
const auditReaders = { kinds: ['operator'], roles: memberRoles } as const;

const filters = (input: AuditLogInput): SQL[] => {
  const where: SQL[] = [];
  if (input.action)
    where.push(
      input.action.includes('.')
        ? eq(auditLog.action, input.action)
        : or(eq(auditLog.action, input.action), like(auditLog.action, `${input.action}.%`))!,
    );
  if (input.companyId) where.push(eq(auditLog.companyId, input.companyId));
  if (input.actorUserId) where.push(eq(auditLog.actorUserId, input.actorUserId));
  if (input.subjectId) where.push(eq(auditLog.subjectId, input.subjectId));
  if (input.from) where.push(gte(auditLog.at, new Date(input.from)));
  if (input.to) where.push(lte(auditLog.at, new Date(input.to)));
  if (input.before) where.push(lt(auditLog.seq, input.before));
  return where;
};

/** The audit log, newest first, a page at a time (keyset on `seq`: pages stay stable as entries arrive). */
export const listAuditLog = async (ctx: Ctx, input: AuditLogInput) => {
  requireRole(ctx.actor, auditReaders);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...filters(input)))
    .orderBy(desc(auditLog.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      id: r.id,
      at: r.at.toISOString(),
      actor: {
        kind: r.actorKind,
        userId: r.actorUserId,
        companyId: r.actorCompanyId,
        apiKeyId: r.apiKeyId,
      },
      action: r.action,
      subject: { type: r.subjectType, id: r.subjectId },
      companyId: r.companyId,
      details: r.details,
    })),
    nextCursor: rows.length > input.limit ? page.at(-1)!.seq : null,
  };
};
