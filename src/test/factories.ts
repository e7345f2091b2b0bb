import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { CreateProductInput } from '../modules/catalog/index.js';
import { createOperatorCompany } from '../modules/identity/index.js';
import type { Harness } from './harness.js';

/** A signed-in member: the cookie header to send, and who they are. */
export type Session = { cookie: string; userId: string; companyId: string; email: string };

const cookieOf = (response: LightMyRequestResponse) => {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header ? [header] : [];
  return cookies.map((c) => c.split(';')[0]).join('; ');
};

export const signUp = async (h: Harness, name = 'Test User') => {
  const email = `${randomBytes(5).toString('hex')}@test.tradelane.dev`;
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    payload: { name, email, password: 'correct-horse-battery' },
  });
  expect(response.statusCode, response.body).toBe(200);
  return { cookie: cookieOf(response), userId: response.json().user.id as string, email };
};

type CompanyOptions = {
  kind?: 'supplier' | 'buyer' | 'forwarder';
  country?: string;
  province?: string;
  name?: string;
};

/** A new user who registers a new company and owns it (through the real routes). */
export const newCompany = async (h: Harness, options: CompanyOptions = {}): Promise<Session> => {
  const kind = options.kind ?? 'supplier';
  const country = options.country ?? (kind === 'supplier' ? 'CN' : 'ES');
  const user = await signUp(h);
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/companies',
    headers: { cookie: user.cookie },
    payload: {
      name: options.name ?? `${kind} ${randomBytes(3).toString('hex')}`,
      kind,
      country,
      ...(country === 'CN' ? { province: options.province ?? '440000' } : {}),
      yearEstablished: 2010,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { ...user, companyId: response.json().id as string };
};

export const newSupplier = (h: Harness, options: Omit<CompanyOptions, 'kind'> = {}) =>
  newCompany(h, { ...options, kind: 'supplier' });

export const newBuyer = (h: Harness, options: Omit<CompanyOptions, 'kind'> = {}) =>
  newCompany(h, { ...options, kind: 'buyer' });

export const productInput = (overrides: Partial<CreateProductInput> = {}): CreateProductInput => ({
  categoryCode: 'machinery/pumps/water-pumps',
  hsCode: '841370',
  title: { en: 'Centrifugal water pump 1.5 kW' },
  description: { en: 'Cast iron body, copper winding.' },
  attributes: [{ name: 'power', value: '1.5 kW' }],
  certifications: ['CE'],
  originProvince: '330000',
  moq: 10,
  unit: 'piece',
  currency: 'USD',
  priceTiers: [
    { minQuantity: 10, maxQuantity: 99, unitPrice: '5000' },
    { minQuantity: 100, maxQuantity: 499, unitPrice: '4500' },
    { minQuantity: 500, maxQuantity: null, unitPrice: '4000' },
  ],
  leadTimeTiers: [{ maxQuantity: 100, days: 15 }],
  customizationOptions: [],
  ...overrides,
});

/** A product listed through POST /api/products by the given supplier session. */
export const newProduct = async (
  h: Harness,
  supplier: Session,
  overrides: Partial<CreateProductInput> = {},
) => {
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/products',
    headers: { cookie: supplier.cookie },
    payload: productInput(overrides),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; companyId: string };
};

/** A member of the platform operator's company (made as an installation would, not over HTTP). */
export const newOperator = async (h: Harness): Promise<Session> => {
  const user = await signUp(h, 'Operator');
  const company = await createOperatorCompany(h.database.db, {
    name: 'Operations',
    country: 'SG',
    ownerUserId: user.userId,
    now: h.clock(),
  });
  return { ...user, companyId: company.id };
};

/** Invites a new user into `owner`'s company with `role`, and has them sign up and accept. */
export const newMember = async (h: Harness, owner: Session, role: string): Promise<Session> => {
  const user = await signUp(h, `Member ${role}`);
  const invite = await h.app.inject({
    method: 'POST',
    url: '/api/auth/organization/invite-member',
    headers: { cookie: owner.cookie },
    payload: { email: user.email, role, organizationId: owner.companyId },
  });
  expect(invite.statusCode, invite.body).toBe(200);
  const accept = await h.app.inject({
    method: 'POST',
    url: '/api/auth/organization/accept-invitation',
    headers: { cookie: user.cookie },
    payload: { invitationId: invite.json().id },
  });
  expect(accept.statusCode, accept.body).toBe(200);
  return { ...user, companyId: owner.companyId };
};
