import type { CompanyKind, MemberRole } from '../modules/identity/index.js';

/** The documented demo sign-ins (README): one per role, all with this password. */
export const demoPassword = 'tradelane-demo';

export type DemoAccount = { email: string; name: string; company: DemoCompanyKey; role: MemberRole };
export type DemoCompanyKey = 'operator' | 'supplier' | 'buyer' | 'forwarder';

export const demoCompanies: Record<
  DemoCompanyKey,
  { name: string; kind: CompanyKind; country: string; province: string | null; yearEstablished: number }
> = {
  operator: {
    name: 'Tradelane Operations',
    kind: 'operator',
    country: 'SG',
    province: null,
    yearEstablished: 2021,
  },
  supplier: {
    name: 'Hongda Pump Industrial Co., Ltd.',
    kind: 'supplier',
    country: 'CN',
    province: '330000',
    yearEstablished: 2006,
  },
  buyer: {
    name: 'Iberia Agro Trading S.L.',
    kind: 'buyer',
    country: 'ES',
    province: null,
    yearEstablished: 2012,
  },
  forwarder: {
    name: 'Pacific Bridge Logistics Ltd.',
    kind: 'forwarder',
    country: 'CN',
    province: '440000',
    yearEstablished: 2009,
  },
};

export const demoAccounts: DemoAccount[] = [
  { email: 'operator@demo.tradelane.dev', name: 'Olivia Operator', company: 'operator', role: 'owner' },
  { email: 'supplier@demo.tradelane.dev', name: 'Chen Wei', company: 'supplier', role: 'owner' },
  { email: 'admin@demo.tradelane.dev', name: 'Li Na', company: 'supplier', role: 'admin' },
  { email: 'sales@demo.tradelane.dev', name: 'Zhang Min', company: 'supplier', role: 'sales' },
  { email: 'logistics@demo.tradelane.dev', name: 'Wang Fang', company: 'supplier', role: 'logistics' },
  { email: 'buyer@demo.tradelane.dev', name: 'Lucía García', company: 'buyer', role: 'owner' },
  { email: 'purchasing@demo.tradelane.dev', name: 'Javier López', company: 'buyer', role: 'purchasing' },
  { email: 'finance@demo.tradelane.dev', name: 'Marta Ruiz', company: 'buyer', role: 'finance' },
  { email: 'forwarder@demo.tradelane.dev', name: 'Tom Lau', company: 'forwarder', role: 'owner' },
];

/**
 * A second supplier's sign-in, so two suppliers can compete for one RFQ: the owner of the
 * first generated supplier that lists water pumps, as the demo supplier does (load-demo.ts).
 */
export const demoSecondSupplierAccount = {
  email: 'supplier2@demo.tradelane.dev',
  name: 'Liu Yang',
  role: 'owner',
  listsIn: 'machinery/pumps/water-pumps',
} as const;
