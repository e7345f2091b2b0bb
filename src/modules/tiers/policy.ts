import type { Actor, CompanyActor } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { actsFor, isOperator, memberRoles, requireCompanyActor, requireRole } from '../identity/index.js';

/** Any member of a supplier reads its own tier and programs. */
export const supplierMembers = { kinds: ['supplier'], roles: memberRoles } as const;
/** Applying to a program commits the company: its owner or an admin does it. */
export const programApplicants = { kinds: ['supplier'], roles: ['owner', 'admin'] } as const;
/** The operator's growth team runs the programs. */
export const programManagers = { kinds: ['operator'], roles: ['owner', 'admin', 'sales'] } as const;
/** Recomputing every supplier's tier is the platform administrators' call. */
export const tierAdministrators = { kinds: ['operator'], roles: ['owner', 'admin'] } as const;

type EnrollmentParties = { id: string; companyId: string };

/**
 * The one place tiering and program access is decided. A supplier's tier and
 * badge are public; its score, components and reasons are for the supplier
 * and the operator. An enrollment is the supplier's and the operator's: to
 * anyone else it does not exist (404); only the operator manages it.
 */
export const tiersPolicy = {
  tierView: (actor: Actor, supplierId: string): 'full' | 'public' =>
    actsFor(actor, supplierId) ? 'full' : 'public',
  assertSupplierMember: (actor: Actor): CompanyActor => requireRole(actor, supplierMembers),
  assertTierAdministrator: (actor: Actor): CompanyActor => requireRole(actor, tierAdministrators),
  assertApplicant: (actor: Actor): CompanyActor => requireRole(actor, programApplicants),
  assertProgramManager: (actor: Actor): CompanyActor => requireRole(actor, programManagers),
  assertCanReadEnrollment: (actor: Actor, enrollment: EnrollmentParties | undefined, id: string) => {
    const member = requireCompanyActor(actor);
    if (!enrollment || !actsFor(member, enrollment.companyId)) throw notFound('Enrollment', id);
    return member;
  },
  /**
   * Managing enrollments is the operator's: every other caller is refused
   * (403) before the id is looked up, as on every privileged route, so the
   * answer is the same whether or not the enrollment exists.
   */
  assertCanManageEnrollments: (actor: Actor): CompanyActor => {
    const member = requireCompanyActor(actor);
    if (!isOperator(member))
      throw new AppError('FORBIDDEN', 'Only the platform runs a program’s enrollments');
    return requireRole(member, programManagers);
  },
};
