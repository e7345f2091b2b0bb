import type { Actor, CompanyActor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { companyKinds, requireRole } from '../identity/index.js';

/** Webhooks are integration settings: a company's owners and admins manage them, whatever its kind. */
export const webhookAdmins = { kinds: companyKinds, roles: ['owner', 'admin'] } as const;

/**
 * The one place webhook access is decided: 401 without a caller, 403 for a
 * member who is not an owner or admin, 404 for another company's endpoint
 * or delivery (its existence is not revealed).
 */
export const webhookPolicy = {
  assertAdmin: (actor: Actor): CompanyActor => requireRole(actor, webhookAdmins),
  assertOwns: <T extends { companyId: string }>(
    member: CompanyActor,
    record: T | undefined,
    what: string,
    id: string,
  ): T => {
    if (!record || record.companyId !== member.companyId) throw notFound(what, id);
    return record;
  },
};
