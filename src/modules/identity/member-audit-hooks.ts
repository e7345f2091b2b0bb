import { tryGetCurrentAuthEndpointContext } from '@better-auth/core/context';
import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/client.js';
import { type AuditActor, appendAudit } from './audit-log.js';
import { type MemberRole, members } from './schema.js';

type Member = { id: string; userId: string; role: string; organizationId: string };
type Organization = { id: string };

/** The signed-in user whose better-auth call runs the hook, acting for the company concerned. */
const sessionActor = (companyId: string): AuditActor => ({
  kind: 'user',
  userId: tryGetCurrentAuthEndpointContext()?.context.session?.user.id ?? null,
  companyId,
  apiKeyId: null,
});

/**
 * The organization plugin's hooks that put member changes in the audit log.
 *
 * better-auth writes a role change or a removal after its `before…` hook and
 * offers no hook inside that write. So the `before…` hooks make the change
 * themselves, with its audit entry, in one transaction; better-auth's own
 * write that follows sets the same role again, or deletes nothing. Every
 * check better-auth makes (permissions, the last owner) has run by then.
 * Invitations are recorded just after better-auth commits them.
 */
export const memberAuditHooks = ({ db, now }: { db: Db; now: Clock }) => ({
  beforeUpdateMemberRole: async ({
    member,
    newRole,
    organization,
  }: {
    member: Member;
    newRole: string;
    organization: Organization;
  }) => {
    await db.transaction(async (tx) => {
      await tx
        .update(members)
        .set({ role: newRole as MemberRole })
        .where(eq(members.id, member.id));
      await appendAudit(tx as unknown as Db, sessionActor(organization.id), now(), {
        action: 'member.role_changed',
        subjectType: 'member',
        subjectId: member.id,
        companyId: organization.id,
        details: { userId: member.userId, from: member.role, to: newRole },
      });
    });
  },
  beforeRemoveMember: async ({ member, organization }: { member: Member; organization: Organization }) => {
    await db.transaction(async (tx) => {
      await tx.delete(members).where(eq(members.id, member.id));
      await appendAudit(tx as unknown as Db, sessionActor(organization.id), now(), {
        action: 'member.removed',
        subjectType: 'member',
        subjectId: member.id,
        companyId: organization.id,
        details: { userId: member.userId, role: member.role },
      });
    });
  },
  afterCreateInvitation: async ({
    invitation,
    organization,
  }: {
    invitation: { id: string; email: string; role: string | null };
    organization: Organization;
  }) => {
    await appendAudit(db, sessionActor(organization.id), now(), {
      action: 'member.invited',
      subjectType: 'invitation',
      // The invitation id is the secret of its link: the log keeps the email and role, not the id.
      subjectId: invitation.email,
      companyId: organization.id,
      details: { email: invitation.email, role: invitation.role },
    });
  },
  afterAcceptInvitation: async ({ member, organization }: { member: Member; organization: Organization }) => {
    await appendAudit(db, sessionActor(organization.id), now(), {
      action: 'member.joined',
      subjectType: 'member',
      subjectId: member.id,
      companyId: organization.id,
      details: { userId: member.userId, role: member.role },
    });
  },
});
