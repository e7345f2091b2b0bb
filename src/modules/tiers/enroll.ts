import { and, eq } from 'drizzle-orm';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { transition } from '../../core/transition.js';
import { tiersConfig } from './config.js';
import { enrollmentMachine } from './machines.js';
import { tiersPolicy } from './policy.js';
import { applicantFacts, requireProgram, settingsOf, startProgramPeriod } from './program-store.js';
import { checkCriteria } from './programs.js';
import { programEnrollments } from './schema.js';

/**
 * A supplier applies to a program. Every criterion is checked first; any
 * unmet one refuses the application (403, each criterion with the
 * supplier's value in `details.criteria`) and nothing is written. A
 * supplier removed earlier applies again on the same enrollment.
 */
export const enrollInProgram = async (ctx: Ctx, input: { programId: string }): Promise<string> => {
  const member = tiersPolicy.assertApplicant(ctx.actor);
  const program = requireProgram(input.programId);
  return inTransaction(ctx, async (tx) => {
    if (!(await settingsOf(tx.db, program)).open)
      throw new AppError('CONFLICT', `${program.name} is not taking applications now`, {
        programId: program.id,
      });
    const [existing] = await tx.db
      .select()
      .from(programEnrollments)
      .where(
        and(eq(programEnrollments.programId, program.id), eq(programEnrollments.companyId, member.companyId)),
      )
      .for('update');
    if (existing && existing.status !== 'removed')
      throw new AppError('CONFLICT', `Your company is already ${existing.status} in ${program.name}`, {
        enrollmentId: existing.id,
        status: existing.status,
      });
    const criteria = checkCriteria(
      program,
      await applicantFacts(tx.db, member.companyId, tx.now()),
      tiersConfig(),
    );
    const unmet = criteria.filter((c) => !c.met);
    if (unmet.length > 0)
      throw new AppError(
        'FORBIDDEN',
        `Your company does not meet the criteria of ${program.name}: ${unmet.map((c) => c.message).join('; ')}`,
        { reason: 'criteria_not_met', programId: program.id, criteria },
      );
    const at = tx.now();
    await startProgramPeriod(tx.db, program.id, at);
    const application = {
      criteria,
      appliedAt: at,
      appliedBy: member.userId,
      approvedAt: null,
      approvedBy: null,
      removedAt: null,
      removedBy: null,
      removalReason: null,
    };
    if (existing) {
      await transition(tx, {
        machine: enrollmentMachine,
        table: programEnrollments,
        record: existing,
        to: 'applied',
        set: application,
        payload: { programId: program.id },
      });
      return existing.id;
    }
    const id = newId('enr', at);
    await tx.db.insert(programEnrollments).values({
      companyId: member.companyId,
      id,
      programId: program.id,
      status: 'applied',
      ...application,
      updatedAt: at,
    });
    await tx.events.emit(
      'program_enrollment.applied',
      { id, programId: program.id, from: null, to: 'applied' },
      member.companyId,
    );
    return id;
  });
};
