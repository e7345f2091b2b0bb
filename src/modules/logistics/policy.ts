import type { Actor, CompanyActor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { isOperator, requireCompanyActor, requireRole } from '../identity/index.js';

/** Buyer and supplier members who book freight for their goods. */
export const shippers = {
  kinds: ['buyer', 'supplier'],
  roles: ['owner', 'admin', 'logistics', 'purchasing', 'sales'],
} as const;
/** Forwarder members who publish rates and run bookings. */
export const forwarders = { kinds: ['forwarder'], roles: ['owner', 'admin', 'logistics', 'sales'] } as const;

type BookingParties = { id: string; companyId: string; shipperId: string };

export type BookingSide = 'shipper' | 'forwarder' | 'operator';

/**
 * The one place freight access is decided. A forwarder sees its own rate
 * cards and the bookings on them; a shipper its own bookings; the operator
 * every booking. To anyone else a booking does not exist (404, never 403).
 */
export const logisticsPolicy = {
  assertForwarder: (actor: Actor): CompanyActor => requireRole(actor, forwarders),
  assertShipper: (actor: Actor): CompanyActor => requireRole(actor, shippers),
  assertCanRead: (actor: Actor, booking: BookingParties | undefined, id: string): BookingSide => {
    const member = requireCompanyActor(actor);
    if (!booking) throw notFound('Booking', id);
    if (member.companyId === booking.shipperId) return 'shipper';
    if (member.companyId === booking.companyId) return 'forwarder';
    if (isOperator(member)) return 'operator';
    throw notFound('Booking', id);
  },
  assertBookingForwarder: (actor: Actor, booking: BookingParties | undefined, id: string): CompanyActor => {
    const member = requireCompanyActor(actor);
    if (!booking || member.companyId !== booking.companyId) throw notFound('Booking', id);
    return requireRole(member, forwarders);
  },
  assertBookingShipper: (actor: Actor, booking: BookingParties | undefined, id: string): CompanyActor => {
    const member = requireCompanyActor(actor);
    if (!booking || member.companyId !== booking.shipperId) throw notFound('Booking', id);
    return requireRole(member, shippers);
  },
};
