import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { findCompany, requireRole, toCompanyCard } from '../identity/index.js';
import { hasHan } from '../search/index.js';
import type { CreateRfqInput, RfqView } from './api.js';
import { incotermProblem } from './incoterms.js';
import { buyerSourcers } from './policy.js';
import { toRfqView } from './rfq-store.js';
import { attachments, rfqs } from './schema.js';

/** How far ahead a deadline may be: RFQs are for current needs. */
const maxDeadlineDays = 180;
const day = 24 * 60 * 60 * 1000;

const problemsOf = async (ctx: Ctx, companyId: string, input: CreateRfqInput) => {
  const problems: { path: string; message: string }[] = [];
  const deadline = new Date(input.deadline);
  const now = ctx.now();
  if (deadline.getTime() <= now.getTime() + 60 * 60 * 1000)
    problems.push({ path: 'deadline', message: 'The deadline must be at least an hour from now' });
  if (deadline.getTime() > now.getTime() + maxDeadlineDays * day)
    problems.push({ path: 'deadline', message: `The deadline must be within ${maxDeadlineDays} days` });
  const incoterm = incotermProblem(input.incoterm, input.transportMode);
  if (incoterm) problems.push({ path: 'incoterm', message: incoterm });
  if (input.destinationPort && input.destinationPort.slice(0, 2) !== input.destinationCountry)
    problems.push({
      path: 'destinationPort',
      message: `${input.destinationPort} is not in ${input.destinationCountry}`,
    });
  if (input.targetUnitPrice != null && BigInt(input.targetUnitPrice) === 0n)
    problems.push({ path: 'targetUnitPrice', message: 'A target price must be positive' });
  if (input.attachmentIds.length > 0) {
    const owned = await ctx.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.companyId, companyId), inArray(attachments.id, input.attachmentIds)));
    if (owned.length !== new Set(input.attachmentIds).size)
      problems.push({ path: 'attachmentIds', message: 'Attach only files your company uploaded' });
  }
  return problems;
};

/** A buyer drafts an RFQ; nothing is sent to suppliers until it is published. */
export const createRfq = async (ctx: Ctx, input: CreateRfqInput): Promise<RfqView> => {
  const member = requireRole(ctx.actor, buyerSourcers);
  const problems = await problemsOf(ctx, member.companyId, input);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', problems.map((p) => `${p.path}: ${p.message}`).join('; '), {
      issues: problems,
    });
  }
  const at = ctx.now();
  const [row] = await ctx.db
    .insert(rfqs)
    .values({
      companyId: member.companyId,
      id: newId('rfq', at),
      status: 'draft',
      title: input.title,
      description: input.description,
      language: input.language ?? (hasHan(`${input.title} ${input.description}`) ? 'zh' : null),
      industryCode: input.categoryCode.split('/')[0]!,
      categoryCode: input.categoryCode,
      quantity: input.quantity,
      unit: input.unit,
      targetUnitPrice: input.targetUnitPrice == null ? null : BigInt(input.targetUnitPrice),
      currency: input.currency,
      destinationCountry: input.destinationCountry,
      destinationPort: input.destinationPort ?? null,
      transportMode: input.transportMode,
      incoterm: input.incoterm,
      deadline: new Date(input.deadline),
      visibility: input.visibility,
      inviteLimit: input.inviteLimit,
      attachmentIds: [...new Set(input.attachmentIds)],
      createdBy: member.userId,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const buyer = toCompanyCard((await findCompany(ctx.db, member.companyId))!);
  return toRfqView(row!, buyer, { role: 'buyer', invited: false, myQuoteId: null, match: null }, []);
};
