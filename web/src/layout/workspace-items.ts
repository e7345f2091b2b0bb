import type { CompanyKind } from '../api/types';

/** One page of a workspace; `roles` limits it to those member roles (owners and admins see everything). */
export type WorkspaceLink = { to: string; testId: string; label: string; roles?: readonly string[] };

/** A top-level entry of the workspace bar: a link, or a menu of links under one label. */
export type WorkspaceEntry =
  | ({ type: 'link' } & WorkspaceLink)
  | { type: 'menu'; testId: string; label: string; items: WorkspaceLink[] };

const SELLING = ['sales'];
const BUYING = ['purchasing'];
const MONEY = ['finance'];
const SHIPPING = ['logistics'];

const link = (to: string, testId: string, label: string, roles?: readonly string[]): WorkspaceEntry => ({
  type: 'link',
  to,
  testId,
  label,
  roles,
});

/**
 * Each company kind's workspace as data: what the bar (desktop) and the drawer
 * (phones) both show. Labels are i18n keys; the components translate them.
 */
const workspaces: Record<CompanyKind, WorkspaceEntry[]> = {
  buyer: [
    link('/rfqs', 'nav-rfqs', 'header.rfqs', BUYING),
    link('/inquiries', 'nav-inquiries', 'header.inquiries', BUYING),
    link('/orders', 'nav-orders', 'nav.ordersPayments', [...BUYING, ...MONEY, ...SHIPPING]),
    link('/freight/bookings', 'nav-freight-bookings', 'header.freightBookings', [...BUYING, ...SHIPPING]),
  ],
  supplier: [
    link('/supplier/products', 'nav-products', 'nav.products', SELLING),
    link('/supplier/rfqs', 'nav-rfqs', 'header.rfqFeed', SELLING),
    link('/inquiries', 'nav-inquiries', 'header.inquiries', SELLING),
    link('/orders', 'nav-orders', 'header.orders', [...SELLING, ...MONEY, ...SHIPPING]),
    link('/freight/bookings', 'nav-freight-bookings', 'header.freightBookings', SHIPPING),
    link('/payouts', 'nav-payouts', 'header.payouts', MONEY),
    {
      type: 'menu',
      testId: 'nav-trade-services',
      label: 'declarations.navGroup',
      items: [
        { to: '/declarations', testId: 'nav-declarations', label: 'declarations.nav', roles: SHIPPING },
        { to: '/rebates', testId: 'nav-rebates', label: 'rebates.nav', roles: MONEY },
      ],
    },
    {
      type: 'menu',
      testId: 'nav-growth',
      label: 'header.growth',
      items: [
        {
          to: '/supplier/analytics',
          testId: 'nav-analytics',
          label: 'nav.analytics',
          roles: [...SELLING, ...MONEY],
        },
        { to: '/supplier/tier', testId: 'nav-tier', label: 'tiers.nav', roles: SELLING },
        { to: '/supplier/programs', testId: 'nav-programs', label: 'programs.nav', roles: SELLING },
        { to: '/supplier/ads', testId: 'nav-ads', label: 'ads.nav', roles: SELLING },
        { to: '/supplier/promotions', testId: 'nav-promotions', label: 'promotions.nav', roles: SELLING },
      ],
    },
  ],
  forwarder: [
    link('/forwarder/bookings', 'nav-booking-desk', 'header.bookingDesk'),
    link('/forwarder/rate-cards', 'nav-rate-cards', 'nav.rateCardsAllotments'),
    link('/freight/bookings', 'nav-freight-bookings', 'header.freightBookings'),
  ],
  operator: [
    link('/operator', 'nav-operator-home', 'nav.console'),
    link('/operator/verification', 'nav-verification', 'nav.verification'),
    link('/operator/disputes', 'nav-disputes', 'header.disputes'),
    link('/operator/reconciliation', 'nav-reconciliation', 'header.reconciliation', MONEY),
    link('/payouts', 'nav-payouts', 'header.payouts', MONEY),
    {
      type: 'menu',
      testId: 'nav-trade-services',
      label: 'declarations.navGroup',
      items: [
        { to: '/declarations', testId: 'nav-declarations', label: 'declarations.nav' },
        { to: '/rebates', testId: 'nav-rebates', label: 'rebates.nav' },
      ],
    },
    {
      type: 'menu',
      testId: 'nav-growth',
      label: 'header.growth',
      items: [
        { to: '/operator/programs', testId: 'nav-operator-programs', label: 'programs.operatorNav' },
        { to: '/operator/ad-wallets', testId: 'nav-ad-wallets', label: 'ads.topUp.nav', roles: MONEY },
      ],
    },
  ],
};

const allowed = (roles: readonly string[] | undefined, role: string | null) =>
  !roles || role === 'owner' || role === 'admin' || (role !== null && roles.includes(role));

/**
 * The workspace of a member: their company kind's entries that their role may
 * use (a menu left with no item disappears, one left with one becomes a link).
 */
export const workspaceFor = (kind: CompanyKind, role: string | null): WorkspaceEntry[] =>
  workspaces[kind].flatMap((entry): WorkspaceEntry[] => {
    if (entry.type === 'link') return allowed(entry.roles, role) ? [entry] : [];
    const items = entry.items.filter((item) => allowed(item.roles, role));
    if (items.length === 0) return [];
    if (items.length === 1) return [{ type: 'link', ...items[0]! }];
    return [{ ...entry, items }];
  });

/** Whether the current path is inside this link's pages (`/orders` holds `/orders/ord_1`, `/operator` only itself). */
export const isHere = (pathname: string, to: string) =>
  to === '/operator' ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
