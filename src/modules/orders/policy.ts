import type { Actor, CompanyActor } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { isOperator, requireCompanyActor, requireRole } from '../identity/index.js';

/** Buyer members who place orders, pay, receive and dispute. */
export const orderBuyers = { kinds: ['buyer'], roles: ['owner', 'admin', 'purchasing', 'finance'] } as const;
/** Supplier members who confirm, ship and refund. */
export const orderSuppliers = {
  kinds: ['supplier'],
  roles: ['owner', 'admin', 'sales', 'logistics', 'finance'],
} as const;
/** The platform's own staff: the reconciliation queue, the dispute desk, payouts. */
export const operators = { kinds: ['operator'], roles: ['owner', 'admin', 'finance'] } as const;

type OrderParties = { id: string; companyId: string; buyerId: string };

export type OrderSide = 'buyer' | 'supplier' | 'operator';

/**
 * The one place order access is decided. An order is seen by its buyer, its
 * supplier and the operator; to anyone else it does not exist (404, never
 * 403), so competitors cannot even learn its id is real.
 */
export const orderPolicy = {
  /** Which side the actor reads the order from. */
  assertCanRead: (actor: Actor, order: OrderParties | undefined, id: string): OrderSide => {
    const member = requireCompanyActor(actor);
    if (!order) throw notFound('Order', id);
    if (member.companyId === order.buyerId) return 'buyer';
    if (member.companyId === order.companyId) return 'supplier';
    if (isOperator(member)) return 'operator';
    throw notFound('Order', id);
  },
  assertBuyer: (actor: Actor, order: OrderParties | undefined, id: string): CompanyActor => {
    const member = requireCompanyActor(actor);
    if (!order || member.companyId !== order.buyerId) throw notFound('Order', id);
    return requireRole(member, orderBuyers);
  },
  assertSupplier: (actor: Actor, order: OrderParties | undefined, id: string): CompanyActor => {
    const member = requireCompanyActor(actor);
    if (!order || member.companyId !== order.companyId) throw notFound('Order', id);
    return requireRole(member, orderSuppliers);
  },
  /** Refunds may come from the supplier (a goodwill or agreed refund) or the operator. */
  assertSupplierOrOperator: (actor: Actor, order: OrderParties | undefined, id: string): CompanyActor => {
    const member = requireCompanyActor(actor);
    if (!isOperator(member)) return orderPolicy.assertSupplier(actor, order, id);
    // The operator may act on any order, but only on one that exists.
    if (!order) throw notFound('Order', id);
    return requireRole(member, operators);
  },
  assertOperator: (actor: Actor): CompanyActor => {
    const member = requireCompanyActor(actor);
    if (!isOperator(member)) throw new AppError('FORBIDDEN', 'Only the platform operator can do this');
    return requireRole(member, operators);
  },
};
