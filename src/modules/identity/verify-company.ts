import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import type { VerifyCompanyInput } from './api.js';
import { recordAudit } from './audit-log.js';
import { type CompanyCard, findCompany, toCompanyCard } from './company-card.js';
import { requireRole } from './policy.js';
import { companies } from './schema.js';

/** The operator records a company's verification (licence checked, or audited on site by a named auditor). */
export const verifyCompany = async (
  ctx: Ctx,
  input: VerifyCompanyInput & { companyId: string },
): Promise<CompanyCard> => {
  requireRole(ctx.actor, { kinds: ['operator'], roles: ['owner', 'admin'] });
  return inTransaction(ctx, async (tx) => {
    const company = await findCompany(tx.db, input.companyId);
    if (!company) throw notFound('Company', input.companyId);
    if (company.kind === 'operator') throw new AppError('CONFLICT', 'Operator companies are not verified');
    const [updated] = await tx.db
      .update(companies)
      .set({
        verificationLevel: input.level,
        auditorName: input.level === 'onsite_audited' ? (input.auditorName ?? null) : null,
        verifiedAt: input.level === 'unverified' ? null : tx.now(),
      })
      .where(eq(companies.id, input.companyId))
      .returning();
    await recordAudit(tx, {
      action: 'company.verification_changed',
      subjectType: 'company',
      subjectId: input.companyId,
      companyId: input.companyId,
      details: {
        from: company.verificationLevel,
        to: input.level,
        auditorName: updated!.auditorName,
      },
    });
    await tx.events.emit(
      'company.verification_changed',
      {
        companyId: input.companyId,
        level: input.level,
        by: 'companyId' in ctx.actor ? ctx.actor.userId : null,
      },
      input.companyId,
    );
    return toCompanyCard(updated!);
  });
};
