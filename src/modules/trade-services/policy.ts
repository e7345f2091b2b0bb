import type { Actor, CompanyActor } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { isOperator, requireCompanyActor, requireRole } from '../identity/index.js';
import { stepTakenBy } from './machines.js';
import type { DeclarationStatus } from './schema.js';

/** Supplier members who prepare export declarations and follow FX and rebates. */
export const exporters = {
  kinds: ['supplier'],
  roles: ['owner', 'admin', 'sales', 'logistics', 'finance'],
} as const;
/** The platform's trade-services desk: it lodges declarations as agent and records the authorities' answers. */
export const tradeDesk = { kinds: ['operator'], roles: ['owner', 'admin', 'finance'] } as const;

type DeclarationParties = { id: string; companyId: string; declarantRole: 'exporter' | 'platform' };

export type DeclarationSide = 'exporter' | 'operator' | 'buyer';

/**
 * The one place trade-services access is decided. An exporter sees its own
 * declarations; the operator every one; the buyer of the declared order only
 * the commercial invoice and packing list it needs to import the goods. To
 * anyone else a declaration does not exist (404, never 403).
 */
export const declarationPolicy = {
  assertExporter: (actor: Actor): CompanyActor => requireRole(actor, exporters),
  assertCanRead: (actor: Actor, declaration: DeclarationParties | undefined, id: string): DeclarationSide => {
    const member = requireCompanyActor(actor);
    if (!declaration) throw notFound('Declaration', id);
    if (member.companyId === declaration.companyId) return 'exporter';
    if (isOperator(member)) return 'operator';
    throw notFound('Declaration', id);
  },
  /** Who may move a declaration to `to`: the exporter's steps, or the declarant's (customs and tax answers). */
  assertCanMove: (
    actor: Actor,
    declaration: DeclarationParties | undefined,
    id: string,
    to: DeclarationStatus,
  ): CompanyActor => {
    const member = requireCompanyActor(actor);
    const side = declarationPolicy.assertCanRead(member, declaration, id);
    const declarant = declaration!.declarantRole === 'platform' ? 'operator' : 'exporter';
    const needed = stepTakenBy[to] === 'exporter' ? 'exporter' : declarant;
    if (side !== needed)
      throw new AppError(
        'FORBIDDEN',
        needed === 'operator'
          ? `The platform records "${to}" as the declarant`
          : `Only the exporter takes the step "${to}"`,
        { to },
      );
    return needed === 'operator' ? requireRole(member, tradeDesk) : requireRole(member, exporters);
  },
};
