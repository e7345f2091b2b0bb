import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { tiersPolicy } from './policy.js';
import { requireProgram, settingsOf } from './program-store.js';
import { programSettings } from './schema.js';

export type ProgramSettingsInput = {
  targetCount?: number | null;
  startsOn?: string | null;
  endsOn?: string | null;
  open?: boolean;
};

/** The operator sets a program's target, its period, or whether it takes applications; null restores a default. */
export const updateProgramSettings = async (ctx: Ctx, programId: string, input: ProgramSettingsInput) => {
  const member = tiersPolicy.assertProgramManager(ctx.actor);
  const program = requireProgram(programId);
  const current = await settingsOf(ctx.db, program);
  const startsOn = input.startsOn === undefined ? current.startsOn : input.startsOn;
  const endsOn = input.endsOn === undefined ? current.endsOn : input.endsOn;
  if (startsOn && endsOn && endsOn <= startsOn)
    throw new AppError('VALIDATION_FAILED', `The period must end after it starts (${startsOn} → ${endsOn})`, {
      startsOn,
      endsOn,
    });
  const values = {
    ...(input.targetCount !== undefined ? { targetCount: input.targetCount } : {}),
    ...(input.startsOn !== undefined ? { startsOn: input.startsOn } : {}),
    ...(input.endsOn !== undefined ? { endsOn: input.endsOn } : {}),
    ...(input.open !== undefined ? { open: input.open } : {}),
    updatedAt: ctx.now(),
    updatedBy: member.userId,
  };
  await ctx.db
    .insert(programSettings)
    .values({ programId: program.id, ...values })
    .onConflictDoUpdate({ target: programSettings.programId, set: values });
};
