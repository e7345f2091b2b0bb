import { Anchor, Badge, Group, Menu } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { useInquiries, useMe } from '../api/queries';
import { useFormat } from '../format/use-format';

const NavItem = ({ to, testId, children }: { to: string; testId: string; children: ReactNode }) => (
  <Anchor component={NavLink} to={to} fz="sm" className="workspace-link" data-testid={testId}>
    {children}
  </Anchor>
);

type MenuItem = { to: string; testId: string; label: string };

/** A header link that opens a menu of pages: bold while one of them is open. */
const NavMenu = ({
  label,
  testId,
  width,
  items,
}: {
  label: string;
  testId: string;
  width: number;
  items: MenuItem[];
}) => {
  const { pathname } = useLocation();
  const here = items.some((item) => pathname.startsWith(item.to));
  return (
    <Menu position="bottom-start" shadow="md" width={width}>
      <Menu.Target>
        <Anchor
          component="button"
          type="button"
          fz="sm"
          fw={here ? 700 : undefined}
          underline={here ? 'always' : 'hover'}
          style={{ whiteSpace: 'nowrap' }}
          data-testid={testId}
        >
          {label} ▾
        </Anchor>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((item) => (
          <Menu.Item
            key={item.to}
            component={Link}
            to={item.to}
            fw={pathname.startsWith(item.to) ? 700 : undefined}
            data-testid={item.testId}
          >
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
};

/**
 * Export declarations and VAT rebates (and a supplier's new listing) in one
 * menu: the header row has no room for more links.
 */
const TradeServicesMenu = ({ listing }: { listing: boolean }) => {
  const { t } = useTranslation();
  const items = [
    { to: '/declarations', testId: 'nav-declarations', label: t('declarations.nav') },
    { to: '/rebates', testId: 'nav-rebates', label: t('rebates.nav') },
    ...(listing
      ? [{ to: '/supplier/products/new', testId: 'nav-list-product', label: t('productNew.nav') }]
      : []),
  ];
  return <NavMenu label={t('declarations.navGroup')} testId="nav-trade-services" width={200} items={items} />;
};

/**
 * Growth: a supplier's tier, growth programs, keyword ads and promotions; the
 * operator's program dashboard and ad wallet top-ups. One menu, as the header
 * row has no room for more links.
 */
const GrowthMenu = ({ operator }: { operator: boolean }) => {
  const { t } = useTranslation();
  const items: MenuItem[] = operator
    ? [
        { to: '/operator/programs', testId: 'nav-operator-programs', label: t('programs.operatorNav') },
        { to: '/operator/ad-wallets', testId: 'nav-ad-wallets', label: t('ads.topUp.nav') },
      ]
    : [
        { to: '/supplier/tier', testId: 'nav-tier', label: t('tiers.nav') },
        { to: '/supplier/programs', testId: 'nav-programs', label: t('programs.nav') },
        { to: '/supplier/ads', testId: 'nav-ads', label: t('ads.nav') },
        { to: '/supplier/promotions', testId: 'nav-promotions', label: t('promotions.nav') },
      ];
  return <NavMenu label={t('header.growth')} testId="nav-growth" width={220} items={items} />;
};

/**
 * The signed-in member's workspaces: RFQs (a buyer's own, a supplier's feed),
 * the inquiry inbox, orders, freight bookings and payouts, and a supplier's export
 * declarations, VAT rebates and new listings (one menu) and its growth tools (another);
 * a forwarder's booking desk and rate cards; the operator's desks (its declarations and
 * rebates, its growth programs and ad wallets) for its staff only.
 */
export const WorkspaceNav = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const kind = me.data?.company?.kind;
  const trades = kind === 'buyer' || kind === 'supplier';
  const inbox = useInquiries(trades);
  if (kind === 'operator') {
    return (
      <Group gap="md" wrap="wrap" component="nav" aria-label={t('header.workspace')}>
        <NavItem to="/operator/reconciliation" testId="nav-reconciliation">
          {t('header.reconciliation')}
        </NavItem>
        <NavItem to="/operator/disputes" testId="nav-disputes">
          {t('header.disputes')}
        </NavItem>
        <NavItem to="/payouts" testId="nav-payouts">
          {t('header.payouts')}
        </NavItem>
        <TradeServicesMenu listing={false} />
        <GrowthMenu operator />
      </Group>
    );
  }
  if (kind === 'forwarder') {
    return (
      <Group gap="md" wrap="wrap" component="nav" aria-label={t('header.workspace')}>
        <NavItem to="/forwarder/bookings" testId="nav-booking-desk">
          {t('header.bookingDesk')}
        </NavItem>
        <NavItem to="/freight/bookings" testId="nav-freight-bookings">
          {t('header.freightBookings')}
        </NavItem>
        <NavItem to="/forwarder/rate-cards" testId="nav-rate-cards">
          {t('header.rateCards')}
        </NavItem>
      </Group>
    );
  }
  if (!trades) return null;
  const unread = inbox.data?.unread ?? 0;
  return (
    <Group gap="md" wrap="wrap" component="nav" aria-label={t('header.workspace')}>
      <NavItem to={kind === 'supplier' ? '/supplier/rfqs' : '/rfqs'} testId="nav-rfqs">
        {kind === 'supplier' ? t('header.rfqFeed') : t('header.rfqs')}
      </NavItem>
      <NavItem to="/inquiries" testId="nav-inquiries">
        <Group gap={4} wrap="nowrap" component="span">
          {t('header.inquiries')}
          {unread > 0 && (
            <Badge size="xs" color="red.9" radius="xl" aria-label={t('inquiries.unread', { count: unread })}>
              {format.number(unread)}
            </Badge>
          )}
        </Group>
      </NavItem>
      <NavItem to="/orders" testId="nav-orders">
        {t('header.orders')}
      </NavItem>
      <NavItem to="/freight/bookings" testId="nav-freight-bookings">
        {t('header.freightBookings')}
      </NavItem>
      {kind === 'supplier' && (
        <>
          <NavItem to="/payouts" testId="nav-payouts">
            {t('header.payouts')}
          </NavItem>
          <TradeServicesMenu listing />
          <GrowthMenu operator={false} />
        </>
      )}
    </Group>
  );
};
