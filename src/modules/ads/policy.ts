import type { Actor, CompanyActor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { requireCompanyActor, requireRole } from '../identity/index.js';

/** Supplier members who run campaigns, promotions and the showcase. */
export const advertisers = { kinds: ['supplier'], roles: ['owner', 'admin', 'sales'] } as const;
/** Supplier members who may see the ad wallet (finance too: it is money). */
export const walletReaders = { kinds: ['supplier'], roles: ['owner', 'admin', 'sales', 'finance'] } as const;
/** Operator members who book wires into ad wallets and manage the home page. */
export const adOperators = { kinds: ['operator'], roles: ['owner', 'admin', 'finance', 'sales'] } as const;

type Owned = { id: string; companyId: string };

/**
 * The one place advertising access is decided. A supplier's campaigns,
 * their keywords and bids, reports and promotions are its own: a wrong kind
 * or role is 403 whatever the id, and another supplier's record is 404,
 * exactly like an unknown id (no existence leak). The operator reads no
 * campaign; it manages wallets' top-ups and the home page.
 */
export const adsPolicy = {
  assertAdvertiser: (actor: Actor): CompanyActor => requireRole(actor, advertisers),
  assertWalletReader: (actor: Actor): CompanyActor => requireRole(actor, walletReaders),
  assertOperator: (actor: Actor): CompanyActor => requireRole(actor, adOperators),
  /** The advertiser that owns `record`, else 403 (kind, role) or 404 (not its own). */
  assertOwner: <R extends Owned>(actor: Actor, record: R | undefined, what: string, id: string): R => {
    const member = requireRole(actor, advertisers);
    if (!record || record.companyId !== member.companyId) throw notFound(what, id);
    return record;
  },
  /** Who is clicking: the member's company, else the anonymous visitor's id; null for neither. */
  clicker: (actor: Actor, visitorId: string | null) => {
    if (actor.kind === 'member' || actor.kind === 'api_key') {
      const member = requireCompanyActor(actor);
      return { key: `co:${member.companyId}`, companyId: member.companyId as string | null };
    }
    return visitorId ? { key: `v:${visitorId}`, companyId: null } : null;
  },
};
