import { and, asc, count, eq } from 'drizzle-orm';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { transition } from '../../core/transition.js';
import type { Db } from '../../db/client.js';
import { findCompanyCards } from '../identity/index.js';
import { tierByKey, tiersConfig } from './config.js';
import { enrollmentMachine } from './machines.js';
import { tiersPolicy } from './policy.js';
import { type EnrollmentRow, findEnrollment, milestonesOf, requireProgram } from './program-store.js';
import { programById } from './programs.js';
import { type EnrollmentStatus, programEnrollments, programMilestones } from './schema.js';
import { latestScores } from './score-store.js';

/** Enrollments as shown: the program's milestones in order, each reached or not, and the supplier's tier. */
export const enrollmentViews = async (db: Db, rows: readonly EnrollmentRow[]) => {
  const ids = rows.map((r) => r.id);
  const companyIds = rows.map((r) => r.companyId);
  const [reached, cards, scores] = [
    await milestonesOf(db, ids),
    await findCompanyCards(db, companyIds),
    await latestScores(db, companyIds),
  ];
  const config = tiersConfig();
  return rows.map((r) => {
    const program = programById(r.programId);
    const tier = tierByKey(config, scores.get(r.companyId)?.tier);
    return {
      id: r.id,
      programId: r.programId,
      programName: program?.name ?? r.programId,
      supplier: { id: r.companyId, name: cards.get(r.companyId)?.name ?? '' },
      tier: { key: tier.key, name: tier.name, badge: tier.badge },
      status: r.status,
      criteria: r.criteria,
      appliedAt: r.appliedAt.toISOString(),
      approvedAt: r.approvedAt?.toISOString() ?? null,
      removedAt: r.removedAt?.toISOString() ?? null,
      removalReason: r.removalReason,
      milestones: (program?.milestones ?? []).map((m) => ({
        key: m.key,
        name: m.name,
        achievedAt: reached.get(r.id)?.get(m.key)?.toISOString() ?? null,
      })),
    };
  });
};

export type EnrollmentView = Awaited<ReturnType<typeof enrollmentViews>>[number];

/** One enrollment, for its supplier and the operator. */
export const getEnrollment = async (ctx: Ctx, id: string): Promise<EnrollmentView> => {
  const row = await findEnrollment(ctx.db, id);
  tiersPolicy.assertCanReadEnrollment(ctx.actor, row, id);
  return (await enrollmentViews(ctx.db, [row!]))[0]!;
};

/** A program's enrollments for the operator, oldest application first, optionally in one status. */
export const listEnrollments = async (
  ctx: Ctx,
  input: { programId: string; status?: EnrollmentStatus; page: number; pageSize: number },
) => {
  tiersPolicy.assertProgramManager(ctx.actor);
  requireProgram(input.programId);
  const where = and(
    eq(programEnrollments.programId, input.programId),
    input.status ? eq(programEnrollments.status, input.status) : undefined,
  );
  const [total] = await ctx.db.select({ n: count() }).from(programEnrollments).where(where);
  const rows = await ctx.db
    .select()
    .from(programEnrollments)
    .where(where)
    .orderBy(asc(programEnrollments.appliedAt), asc(programEnrollments.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  return {
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
    items: await enrollmentViews(ctx.db, rows),
  };
};

/** Checks the operator may manage enrollments, then loads this one under a row lock. */
const lockForManager = async (tx: Ctx, id: string) => {
  const member = tiersPolicy.assertCanManageEnrollments(tx.actor);
  const [row] = await tx.db
    .select()
    .from(programEnrollments)
    .where(eq(programEnrollments.id, id))
    .for('update');
  if (!row) throw notFound('Enrollment', id);
  return { row, member };
};

/** The operator approves an application: the supplier is in the program. */
export const approveEnrollment = (ctx: Ctx, id: string) =>
  inTransaction(ctx, async (tx) => {
    const { row, member } = await lockForManager(tx, id);
    await transition(tx, {
      machine: enrollmentMachine,
      table: programEnrollments,
      record: row,
      to: 'active',
      set: { approvedAt: tx.now(), approvedBy: member.userId },
      payload: { programId: row.programId },
    });
  });

/** The operator declines an application or removes a supplier from the program, saying why. */
export const removeEnrollment = (ctx: Ctx, id: string, input: { reason: string }) =>
  inTransaction(ctx, async (tx) => {
    const { row, member } = await lockForManager(tx, id);
    await transition(tx, {
      machine: enrollmentMachine,
      table: programEnrollments,
      record: row,
      to: 'removed',
      set: { removedAt: tx.now(), removedBy: member.userId, removalReason: input.reason },
      payload: { programId: row.programId, reason: input.reason },
    });
  });

/** The operator marks a milestone reached (or unmarks a mistake) for an active enrollment. */
export const markMilestone = (ctx: Ctx, id: string, input: { milestone: string; achieved: boolean }) =>
  inTransaction(ctx, async (tx) => {
    const { row, member } = await lockForManager(tx, id);
    const program = requireProgram(row.programId);
    if (!program.milestones.some((m) => m.key === input.milestone))
      throw new AppError('VALIDATION_FAILED', `${program.name} has no milestone ${input.milestone}`, {
        milestone: input.milestone,
        milestones: program.milestones.map((m) => m.key),
      });
    if (row.status !== 'active')
      throw new AppError(
        'CONFLICT',
        `Milestones are marked on active enrollments; this one is ${row.status}`,
        {
          status: row.status,
        },
      );
    const key = and(
      eq(programMilestones.companyId, row.companyId),
      eq(programMilestones.enrollmentId, row.id),
      eq(programMilestones.milestone, input.milestone),
    );
    if (!input.achieved) {
      await tx.db.delete(programMilestones).where(key);
      return;
    }
    const inserted = await tx.db
      .insert(programMilestones)
      .values({
        companyId: row.companyId,
        enrollmentId: row.id,
        programId: row.programId,
        milestone: input.milestone,
        achievedAt: tx.now(),
        markedBy: member.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length > 0)
      await tx.events.emit(
        'program_enrollment.milestone_reached',
        { id: row.id, programId: row.programId, milestone: input.milestone },
        row.companyId,
      );
  });
