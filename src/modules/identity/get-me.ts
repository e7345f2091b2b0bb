import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { findCompany, toCompanyCard } from './company-card.js';
import { requireSignedIn } from './policy.js';
import { users } from './schema.js';

/** The signed-in user, the company they act for, and their role there. */
export const getMe = async (ctx: Ctx) => {
  const actor = requireSignedIn(ctx.actor);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user && actor.kind !== 'api_key') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const company = 'companyId' in actor ? await findCompany(ctx.db, actor.companyId) : undefined;
  return {
    user: user
      ? { id: user.id, name: user.name, email: user.email, locale: user.locale }
      : { id: '', name: 'API key', email: '', locale: null },
    company: company ? toCompanyCard(company) : null,
    role: 'role' in actor ? actor.role : null,
    apiKey: actor.kind === 'api_key',
  };
};
