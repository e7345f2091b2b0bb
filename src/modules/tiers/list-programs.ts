import type { Ctx } from '../../core/context.js';
import { tiersConfig } from './config.js';
import { enrollmentViews } from './enrollments.js';
import { applicantFacts, findCompanyEnrollments, requireProgram, settingsOf } from './program-store.js';
import { checkCriteria, type ProgramDefinition, programs } from './programs.js';

const programSummary = (program: ProgramDefinition, settings: Awaited<ReturnType<typeof settingsOf>>) => ({
  id: program.id,
  name: program.name,
  nameZh: program.nameZh,
  summary: program.summary,
  criteria: program.criteria,
  milestones: program.milestones,
  goal: settings.goal,
  open: settings.open,
  target: settings.targetCount === null ? null : { count: settings.targetCount, endsOn: settings.endsOn },
});

/**
 * The growth programs (public). A supplier's member also sees, per program,
 * whether its company meets each criterion now and its own enrollment.
 */
export const listPrograms = async (ctx: Ctx, only?: string) => {
  const shown = only ? [requireProgram(only)] : programs;
  const viewer =
    'companyKind' in ctx.actor && ctx.actor.companyKind === 'supplier' ? ctx.actor.companyId : null;
  const facts = viewer ? await applicantFacts(ctx.db, viewer, ctx.now()) : null;
  const enrollments = viewer
    ? await enrollmentViews(ctx.db, await findCompanyEnrollments(ctx.db, viewer))
    : [];
  const config = tiersConfig();
  const items = [];
  for (const program of shown) {
    const base = programSummary(program, await settingsOf(ctx.db, program));
    if (!facts) {
      items.push(base);
      continue;
    }
    const criteria = checkCriteria(program, facts, config);
    items.push({
      ...base,
      eligibility: { eligible: criteria.every((c) => c.met), criteria },
      enrollment: enrollments.find((e) => e.programId === program.id) ?? null,
    });
  }
  return items;
};

export const getProgram = async (ctx: Ctx, id: string) => (await listPrograms(ctx, id))[0]!;
