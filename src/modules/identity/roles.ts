import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements } from 'better-auth/plugins/organization/access';
import type { MemberRole } from './schema.js';

/**
 * better-auth's access control for company administration (members,
 * invitations, API keys). Trade actions (products, RFQs, orders…) are decided
 * by each module's own policy from the member's role.
 */
const statements = { ...defaultStatements, apiKey: ['create', 'read', 'update', 'delete'] } as const;

export const accessControl = createAccessControl(statements);

const administrator = {
  organization: ['update'],
  member: ['create', 'update', 'delete'],
  invitation: ['create', 'cancel'],
  apiKey: ['create', 'read', 'update', 'delete'],
} as const;

export const roles: Record<MemberRole, ReturnType<typeof accessControl.newRole>> = {
  owner: accessControl.newRole({ ...administrator, organization: ['update', 'delete'] }),
  admin: accessControl.newRole(administrator),
  sales: accessControl.newRole({ apiKey: ['read'] }),
  purchasing: accessControl.newRole({ apiKey: ['read'] }),
  finance: accessControl.newRole({ apiKey: ['read'] }),
  logistics: accessControl.newRole({ apiKey: ['read'] }),
};
