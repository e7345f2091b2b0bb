import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { products } from '../catalog/index.js';
import { findCompany } from '../identity/index.js';
import { tierByKey, tiersConfig } from './config.js';
import { type ApplicantFacts, goalOf, type ProgramDefinition, programById } from './programs.js';
import { programEnrollments, programMilestones, programSettings } from './schema.js';
import { latestScores } from './score-store.js';

const yearMs = 365.25 * 24 * 60 * 60 * 1000;

export type EnrollmentRow = typeof programEnrollments.$inferSelect;

export const requireProgram = (id: string): ProgramDefinition => {
  const program = programById(id);
  if (!program) throw notFound('Program', id);
  return program;
};

export const findEnrollment = async (db: Db, id: string): Promise<EnrollmentRow | undefined> =>
  (await db.select().from(programEnrollments).where(eq(programEnrollments.id, id)).limit(1))[0];

export const findCompanyEnrollments = (db: Db, companyId: string) =>
  db.select().from(programEnrollments).where(eq(programEnrollments.companyId, companyId));

/** Milestones reached per enrollment: milestone key → when. */
export const milestonesOf = async (db: Db, enrollmentIds: readonly string[]) => {
  const reached = new Map<string, Map<string, Date>>();
  if (enrollmentIds.length === 0) return reached;
  const rows = await db
    .select()
    .from(programMilestones)
    .where(inArray(programMilestones.enrollmentId, [...enrollmentIds]));
  for (const r of rows) {
    const of = reached.get(r.enrollmentId) ?? new Map<string, Date>();
    of.set(r.milestone, r.achievedAt);
    reached.set(r.enrollmentId, of);
  }
  return reached;
};

const addYears = (day: string, years: number) => {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCFullYear(at.getUTCFullYear() + years);
  return at.toISOString().slice(0, 10);
};

/**
 * A program's settings in force: the operator's, else its defaults. The
 * period of a target starts on the program's first application unless the
 * operator set it (and runs the target's years).
 */
export const settingsOf = async (db: Db, program: ProgramDefinition) => {
  const [row] = await db.select().from(programSettings).where(eq(programSettings.programId, program.id));
  const targetCount = row?.targetCount ?? program.target?.count ?? null;
  const startsOn = row?.startsOn ?? null;
  const endsOn =
    row?.endsOn ?? (startsOn && program.target ? addYears(startsOn, program.target.years) : null);
  return { open: row?.open ?? true, targetCount, startsOn, endsOn, goal: goalOf(program).key };
};

/** The first application starts the program's period, unless the operator set one already. */
export const startProgramPeriod = async (db: Db, programId: string, at: Date) => {
  await db
    .insert(programSettings)
    .values({ programId, startsOn: at.toISOString().slice(0, 10), updatedAt: at })
    .onConflictDoUpdate({
      target: programSettings.programId,
      set: { startsOn: sql`coalesce(${programSettings.startsOn}, excluded.starts_on)` },
    });
};

/** What a program's criteria are checked against: the supplier as the platform knows it now. */
export const applicantFacts = async (db: Db, companyId: string, now: Date): Promise<ApplicantFacts> => {
  const company = await findCompany(db, companyId);
  if (!company) throw notFound('Company', companyId);
  const scored = (await latestScores(db, [companyId])).get(companyId);
  const active = and(eq(products.companyId, companyId), eq(products.status, 'active'));
  const [listings] = await db
    .select({
      all: count(),
      withCapacity: sql<number>`count(*) filter (where ${isNotNull(products.monthlyCapacity)})`,
    })
    .from(products)
    .where(active);
  return {
    tier: tierByKey(tiersConfig(), scored?.tier).key,
    verificationLevel: company.verificationLevel,
    yearsOnPlatform:
      Math.round(Math.max(0, (now.getTime() - company.createdAt.getTime()) / yearMs) * 100) / 100,
    paidOrders: scored?.paidOrders ?? 0,
    activeListings: Number(listings?.all ?? 0),
    listingsWithCapacity: Number(listings?.withCapacity ?? 0),
  };
};
