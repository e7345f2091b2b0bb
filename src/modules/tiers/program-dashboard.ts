import { and, eq, gte, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { tierByKey, tiersConfig } from './config.js';
import { windowStart } from './gather-facts.js';
import { tiersPolicy } from './policy.js';
import { requireProgram, settingsOf } from './program-store.js';
import { enrollmentStatuses, programEnrollments, programMilestones } from './schema.js';
import { latestScores } from './score-store.js';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Where the program stands against its target: suppliers that reached the
 * goal (active ones only), the share of the period gone, and the pace needed
 * for the rest. On pace when the goal count is at least the target times
 * the elapsed share of the period.
 */
export const targetProgress = (input: {
  achieved: number;
  targetCount: number;
  startsOn: string | null;
  endsOn: string | null;
  today: Date;
}) => {
  const { achieved, targetCount, startsOn, endsOn, today } = input;
  const progress = targetCount > 0 ? Math.round((achieved / targetCount) * 10000) / 10000 : 1;
  if (!startsOn || !endsOn)
    return {
      achieved,
      targetCount,
      progress,
      startsOn,
      endsOn,
      elapsed: null,
      expectedByNow: null,
      onPace: null,
      monthsLeft: null,
      neededPerMonth: null,
    };
  const start = Date.parse(`${startsOn}T00:00:00Z`);
  const end = Date.parse(`${endsOn}T00:00:00Z`);
  const elapsed = Math.min(1, Math.max(0, (today.getTime() - start) / Math.max(dayMs, end - start)));
  const expectedByNow = Math.floor(targetCount * elapsed);
  const monthsLeft = Math.max(0, Math.round(((end - today.getTime()) / dayMs / 30.4375) * 10) / 10);
  const remaining = Math.max(0, targetCount - achieved);
  return {
    achieved,
    targetCount,
    progress,
    startsOn,
    endsOn,
    elapsed: Math.round(elapsed * 10000) / 10000,
    expectedByNow,
    onPace: achieved >= expectedByNow,
    monthsLeft,
    neededPerMonth: remaining === 0 ? 0 : monthsLeft > 0 ? Math.ceil(remaining / monthsLeft) : remaining,
  };
};

/**
 * The operator's view of a program: enrollments per status, how many active
 * suppliers reached each milestone, their tiers, the last 12 months of
 * applications and goals reached, and progress toward the target.
 */
export const programDashboard = async (ctx: Ctx, programId: string) => {
  tiersPolicy.assertProgramManager(ctx.actor);
  const program = requireProgram(programId);
  const settings = await settingsOf(ctx.db, program);
  const now = ctx.now();
  const enrollments = await ctx.db
    .select({ companyId: programEnrollments.companyId, status: programEnrollments.status })
    .from(programEnrollments)
    .where(eq(programEnrollments.programId, program.id));
  const statuses = Object.fromEntries(enrollmentStatuses.map((s) => [s, 0])) as Record<string, number>;
  for (const e of enrollments) statuses[e.status]! += 1;

  const activeIds = enrollments.filter((e) => e.status === 'active').map((e) => e.companyId);
  const reached = await ctx.db
    .select({ milestone: programMilestones.milestone, achievedAt: programMilestones.achievedAt })
    .from(programMilestones)
    .innerJoin(
      programEnrollments,
      and(
        eq(programEnrollments.companyId, programMilestones.companyId),
        eq(programEnrollments.id, programMilestones.enrollmentId),
      ),
    )
    .where(and(eq(programMilestones.programId, program.id), eq(programEnrollments.status, 'active')));
  const milestones = program.milestones.map((m) => ({
    key: m.key,
    name: m.name,
    reached: reached.filter((r) => r.milestone === m.key).length,
  }));

  const config = tiersConfig();
  const scores = await latestScores(ctx.db, activeIds);
  const tiers = Object.fromEntries(config.tiers.map((t) => [t.key, 0])) as Record<string, number>;
  for (const id of activeIds) tiers[tierByKey(config, scores.get(id)?.tier).key]! += 1;

  const since = windowStart(now, 11);
  since.setUTCDate(1);
  const months: string[] = [];
  for (const at = new Date(since); at <= now; at.setUTCMonth(at.getUTCMonth() + 1))
    months.push(at.toISOString().slice(0, 7));
  const applications = await ctx.db
    .select({
      month: sql<string>`to_char(${programEnrollments.appliedAt} at time zone 'UTC', 'YYYY-MM')`,
      n: sql<number>`count(*)::int`,
    })
    .from(programEnrollments)
    .where(and(eq(programEnrollments.programId, program.id), gte(programEnrollments.appliedAt, since)))
    .groupBy(sql`1`);
  const goalMonths = reached
    .filter((r) => r.milestone === settings.goal)
    .map((r) => r.achievedAt.toISOString().slice(0, 7));
  const monthly = months.map((month) => ({
    month,
    applications: applications.find((a) => a.month === month)?.n ?? 0,
    goalReached: goalMonths.filter((m) => m === month).length,
  }));

  const achieved = milestones.find((m) => m.key === settings.goal)?.reached ?? 0;
  return {
    program: { id: program.id, name: program.name, nameZh: program.nameZh, open: settings.open },
    enrollments: { ...statuses, total: enrollments.length },
    milestones,
    goal: settings.goal,
    tiers,
    monthly,
    target:
      settings.targetCount === null
        ? null
        : targetProgress({
            achieved,
            targetCount: settings.targetCount,
            startsOn: settings.startsOn,
            endsOn: settings.endsOn,
            today: now,
          }),
  };
};
