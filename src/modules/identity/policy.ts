import type { Actor, CompanyActor } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { CompanyKind, MemberRole } from './schema.js';

/** 401 unless someone is signed in (or an API key is presented) for a company. */
export const requireCompanyActor = (actor: Actor): CompanyActor => {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (actor.kind === 'user') {
    throw new AppError('FORBIDDEN', 'Create or join a company first', { reason: 'no_company' });
  }
  return actor;
};

export const requireSignedIn = (actor: Actor): Exclude<Actor, { kind: 'anonymous' }> => {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return actor;
};

/** The company must be of one of `kinds` and the member hold one of `roles`, else 403. */
export const requireRole = (
  actor: Actor,
  { kinds, roles }: { kinds: readonly CompanyKind[]; roles: readonly MemberRole[] },
): CompanyActor => {
  const member = requireCompanyActor(actor);
  if (!kinds.includes(member.companyKind)) {
    throw new AppError('FORBIDDEN', `Only ${kinds.join(' or ')} companies can do this`, { kinds });
  }
  if (!roles.includes(member.role)) {
    throw new AppError('FORBIDDEN', `Your role (${member.role}) cannot do this`, { roles });
  }
  return member;
};

export const isOperator = (actor: Actor) => 'companyKind' in actor && actor.companyKind === 'operator';

/** Does the actor act for this company (or operate the platform)? */
export const actsFor = (actor: Actor, companyId: string) =>
  ('companyId' in actor && actor.companyId === companyId) || isOperator(actor);
