/**
 * Merchant tiering (商家分层): a monthly supplier score from trade, response,
 * punctuality, disputes, ratings, verification and tenure; tiers with their
 * benefits (search boost, RFQ quota, ad credit, badge) and the reasons behind
 * each; and the growth programs with enrollment, milestones and targets.
 */
export * from './api.js';
export { computeSupplierScores, type ScoreRun } from './compute-scores.js';
export {
  defaultTiersConfig,
  type Indicator,
  type ScoreComponent,
  type TierDefinition,
  type TiersConfig,
  tierByKey,
  tiersConfig,
} from './config.js';
export { decideTier, type Requirement, type TierDecision } from './decide-tier.js';
export { enrollInProgram } from './enroll.js';
export {
  approveEnrollment,
  type EnrollmentView,
  getEnrollment,
  listEnrollments,
  markMilestone,
  removeEnrollment,
} from './enrollments.js';
export { getMyTier, getSupplierTier, tierCatalog } from './get-tier.js';
export { getProgram, listPrograms } from './list-programs.js';
export { enrollmentMachine } from './machines.js';
export { programApplicants, programManagers, tierAdministrators, tiersPolicy } from './policy.js';
export { programDashboard, targetProgress } from './program-dashboard.js';
export { updateProgramSettings } from './program-settings.js';
export { type ProgramDefinition, programById, programs } from './programs.js';
export { listSupplierTiers, recomputeTiers } from './recompute-tiers.js';
export { registerTiersRoutes } from './routes.js';
export * from './schema.js';
export { gmvPercentiles, type SupplierFacts, scoreSupplier, scoreSuppliers } from './scoring.js';
export { type AdCredit, adCreditFor, tierSignalsOf } from './tier-benefits.js';
