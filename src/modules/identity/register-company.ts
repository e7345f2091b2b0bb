import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { newId } from '../../core/ids.js';
import type { RegisterCompanyInput } from './api.js';
import { type CompanyCard, toCompanyCard } from './company-card.js';
import { requireSignedIn } from './policy.js';
import { companies, members } from './schema.js';

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

/** A signed-in user founds a company and becomes its owner. Operator companies are made by the CLI only. */
export const registerCompany = async (ctx: Ctx, input: RegisterCompanyInput): Promise<CompanyCard> => {
  const actor = requireSignedIn(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const id = newId('co', now);
    const [company] = await tx.db
      .insert(companies)
      .values({
        id,
        name: input.name,
        slug: `${slugify(input.name) || 'company'}-${id.slice(-6)}`,
        kind: input.kind,
        country: input.country,
        province: input.province ?? null,
        yearEstablished: input.yearEstablished ?? null,
        createdAt: now,
      })
      .returning();
    await tx.db.insert(members).values({
      id: newId('mem', now),
      organizationId: id,
      userId: actor.userId,
      role: 'owner',
      createdAt: now,
    });
    await tx.events.emit('company.registered', { companyId: id, kind: input.kind }, id);
    return toCompanyCard(company!);
  });
};
