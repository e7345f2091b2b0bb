import { eq } from 'drizzle-orm';
import type { Actor } from '../core/context.js';
import type { Db } from '../db/client.js';
import { members, users } from '../modules/identity/index.js';

/** A demo member acting as its company's owner, for loading data through the real use cases. */
export const memberActor = (
  companyId: string,
  companyKind: 'buyer' | 'supplier' | 'operator',
  userId: string,
): Actor => ({
  kind: 'member',
  userId,
  companyId,
  companyKind,
  role: 'owner',
});

/** A demo sign-in's user and company. */
export const userOf = async (db: Db, email: string) => {
  const [row] = await db
    .select({ userId: users.id, companyId: members.organizationId })
    .from(users)
    .innerJoin(members, eq(members.userId, users.id))
    .where(eq(users.email, email));
  return row!;
};
