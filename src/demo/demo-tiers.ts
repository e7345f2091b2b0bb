import { makeCtx } from '../core/context.js';
import { isAppError } from '../core/errors.js';
import type { Database } from '../db/client.js';
import { registerBackgroundWork } from '../jobs/registry.js';
import { Scheduler } from '../jobs/scheduler.js';
import {
  approveEnrollment,
  computeSupplierScores,
  enrollInProgram,
  markMilestone,
  programById,
} from '../modules/tiers/index.js';
import { memberActor, userOf } from './demo-actors.js';

/** The program the demo supplier joins: the most ambitious one it qualifies for. */
const preference = ['star-factory-brand', 'digital-factory', 'new-exporter'];

/**
 * Tiers for the demo: every supplier scored for the current month (as the
 * monthly timer would), and the demo supplier enrolled in a growth program,
 * approved by the operator with its first milestone reached.
 */
export const loadDemoTiers = async (database: Database, now: Date, log: (line: string) => void) => {
  const db = database.db;
  const clock = () => new Date(now);
  // The demo orders' payments become trade facts (GMV, paid orders) through the outbox, as the
  // server's poller would deliver them at start: delivered first, so the scores count them.
  const scheduler = new Scheduler(database, clock);
  registerBackgroundWork(scheduler);
  await scheduler.drainOutbox();
  const run = await computeSupplierScores(db, now);
  log(
    `Tiers: ${run.suppliers} suppliers scored for ${run.month} in ${run.elapsedMs} ms (${Object.entries(
      run.tiers,
    )
      .map(([tier, n]) => `${tier} ${n}`)
      .join(', ')}).`,
  );
  const supplierUser = await userOf(db, 'supplier@demo.tradelane.dev');
  const operatorUser = await userOf(db, 'operator@demo.tradelane.dev');
  const supplier = makeCtx(db, memberActor(supplierUser.companyId, 'supplier', supplierUser.userId), clock);
  const operator = makeCtx(db, memberActor(operatorUser.companyId, 'operator', operatorUser.userId), clock);
  for (const programId of preference) {
    try {
      const enrollmentId = await enrollInProgram(supplier, { programId });
      await approveEnrollment(operator, enrollmentId);
      const first = programById(programId)!.milestones[0]!;
      await markMilestone(operator, enrollmentId, { milestone: first.key, achieved: true });
      log(`Tiers: the demo supplier is in the ${programById(programId)!.name} program.`);
      return;
    } catch (error) {
      // Not eligible: try the next program.
      if (isAppError(error) && error.code === 'FORBIDDEN') continue;
      throw error;
    }
  }
};
