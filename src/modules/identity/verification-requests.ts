import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { DecideVerificationInput, VerificationQueueInput } from './api.js';
import { recordAudit } from './audit-log.js';
import { type CompanyCard, findCompany, findCompanyCards } from './company-card.js';
import {
  type LicenceView,
  latestLicence,
  requireCompanyAdmin,
  requireLicenceReader,
  toLicenceView,
} from './company-licence.js';
import { requireRole } from './policy.js';
import { companies, type VerificationLevel } from './schema.js';
import { companyLicences, verificationRequests } from './verification-schema.js';
import { verifyCompany } from './verify-company.js';

type RequestRow = typeof verificationRequests.$inferSelect;

export type VerificationRequestView = {
  id: string;
  companyId: string;
  status: RequestRow['status'];
  licence: LicenceView | null;
  requestedAt: string;
  decidedAt: string | null;
  level: VerificationLevel | null;
  reason: string | null;
};

const licencesById = async (ctx: Ctx, rows: readonly RequestRow[]) => {
  if (rows.length === 0) return new Map<string, LicenceView>();
  const found = await ctx.db
    .select()
    .from(companyLicences)
    .where(
      inArray(
        companyLicences.id,
        rows.map((r) => r.licenceId),
      ),
    );
  return new Map(found.map((l) => [l.id, toLicenceView(l)]));
};

const toView = (row: RequestRow, licences: Map<string, LicenceView>): VerificationRequestView => ({
  id: row.id,
  companyId: row.companyId,
  status: row.status,
  licence: licences.get(row.licenceId) ?? null,
  requestedAt: row.requestedAt.toISOString(),
  decidedAt: row.decidedAt?.toISOString() ?? null,
  level: row.level,
  reason: row.reason,
});

const latestRequest = async (ctx: Ctx, companyId: string) =>
  (
    await ctx.db
      .select()
      .from(verificationRequests)
      .where(eq(verificationRequests.companyId, companyId))
      .orderBy(desc(verificationRequests.requestedAt), desc(verificationRequests.id))
      .limit(1)
  )[0];

/** Where a company stands: its level, its newest licence and its newest request. */
export const getVerificationStatus = async (ctx: Ctx, input: { companyId: string }) => {
  requireLicenceReader(ctx, input.companyId);
  const company = await findCompany(ctx.db, input.companyId);
  if (!company) throw notFound('Company', input.companyId);
  const licence = await latestLicence(ctx.db, input.companyId);
  const request = await latestRequest(ctx, input.companyId);
  return {
    companyId: company.id,
    level: company.verificationLevel,
    auditorName: company.auditorName,
    licence: licence ? toLicenceView(licence) : null,
    request: request ? toView(request, await licencesById(ctx, [request])) : null,
  };
};

/** The operator companies: they hear of every new request. */
const operatorIds = async (ctx: Ctx) =>
  (await ctx.db.select({ id: companies.id }).from(companies).where(eq(companies.kind, 'operator'))).map(
    (c) => c.id,
  );

/**
 * The company asks the operator to check its newest licence. One request is
 * pending at a time: asking again while one waits is a conflict.
 */
export const requestVerification = async (
  ctx: Ctx,
  input: { companyId: string },
): Promise<VerificationRequestView> => {
  const member = requireCompanyAdmin(ctx, input.companyId);
  return inTransaction(ctx, async (tx) => {
    const licence = await latestLicence(tx.db, input.companyId);
    if (!licence) {
      throw new AppError('VALIDATION_FAILED', 'Upload your business licence before asking for verification', {
        issues: [{ path: 'licence', message: 'Upload your business licence first' }],
      });
    }
    const pending = await tx.db
      .select({ id: verificationRequests.id })
      .from(verificationRequests)
      .where(
        and(eq(verificationRequests.companyId, input.companyId), eq(verificationRequests.status, 'pending')),
      );
    if (pending.length > 0) {
      throw new AppError('CONFLICT', 'A verification request is already waiting for the operator', {
        requestId: pending[0]!.id,
      });
    }
    const at = tx.now();
    const [row] = await tx.db
      .insert(verificationRequests)
      .values({
        companyId: input.companyId,
        id: newId('vrq', at),
        licenceId: licence.id,
        requestedBy: member.userId,
        requestedAt: at,
      })
      .returning();
    for (const operatorId of await operatorIds(tx)) {
      await tx.events.emit(
        'company.verification_requested',
        { companyId: input.companyId, requestId: row!.id, notify: operatorId },
        input.companyId,
      );
    }
    return toView(row!, new Map([[licence.id, toLicenceView(licence)]]));
  });
};

export type QueueItem = VerificationRequestView & { company: CompanyCard };

/** The operator's queue: pending requests oldest first (decided ones newest first). */
export const listVerificationRequests = async (
  ctx: Ctx,
  input: VerificationQueueInput,
): Promise<{ items: QueueItem[] }> => {
  requireRole(ctx.actor, { kinds: ['operator'], roles: ['owner', 'admin'] });
  const rows = await ctx.db
    .select()
    .from(verificationRequests)
    .where(eq(verificationRequests.status, input.status))
    .orderBy(
      input.status === 'pending'
        ? asc(verificationRequests.requestedAt)
        : desc(verificationRequests.decidedAt),
    )
    .limit(input.limit);
  const licences = await licencesById(ctx, rows);
  const cards = await findCompanyCards(
    ctx.db,
    rows.map((r) => r.companyId),
  );
  return {
    items: rows.flatMap((r) => {
      const company = cards.get(r.companyId);
      return company ? [{ ...toView(r, licences), company }] : [];
    }),
  };
};

/**
 * The operator approves a request with the level it earned (the company's
 * level changes, audited, in the same transaction) or rejects it with a reason.
 * A request decided already is a conflict: two operators cannot both decide it.
 */
export const decideVerificationRequest = async (
  ctx: Ctx,
  input: DecideVerificationInput & { requestId: string },
): Promise<VerificationRequestView> => {
  const operator = requireRole(ctx.actor, { kinds: ['operator'], roles: ['owner', 'admin'] });
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(verificationRequests)
      .where(eq(verificationRequests.id, input.requestId))
      .for('update');
    if (!row) throw notFound('Verification request', input.requestId);
    if (row.status !== 'pending') {
      throw new AppError('CONFLICT', `This request was ${row.status} already`, { status: row.status });
    }
    if (input.decision === 'approve') {
      await verifyCompany(tx, {
        companyId: row.companyId,
        level: input.level,
        auditorName: input.auditorName,
      });
    } else {
      await recordAudit(tx, {
        action: 'company.verification_rejected',
        subjectType: 'company',
        subjectId: row.companyId,
        companyId: row.companyId,
        details: { requestId: row.id, reason: input.reason },
      });
      await tx.events.emit(
        'company.verification_rejected',
        { companyId: row.companyId, requestId: row.id, reason: input.reason },
        row.companyId,
      );
    }
    const [updated] = await tx.db
      .update(verificationRequests)
      .set({
        status: input.decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: operator.userId,
        decidedAt: tx.now(),
        level: input.decision === 'approve' ? input.level : null,
        reason: input.decision === 'reject' ? input.reason : null,
      })
      .where(and(eq(verificationRequests.companyId, row.companyId), eq(verificationRequests.id, row.id)))
      .returning();
    return toView(updated!, await licencesById(tx, [updated!]));
  });
};
