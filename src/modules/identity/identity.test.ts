import { describe, expect, it } from 'vitest';
import {
  newBuyer,
  newMember,
  newOperator,
  newProduct,
  newSupplier,
  productInput,
  signUp,
} from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';

const h = useHarness();

const me = async (headers: Record<string, string>) =>
  h.app.inject({ method: 'GET', url: '/api/me', headers });

describe('sign-up and sign-in', () => {
  it('signs in with email and password and refuses a wrong password', async () => {
    const user = await signUp(h);
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: user.email, password: 'correct-horse-battery' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['set-cookie']).toBeDefined();
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: user.email, password: 'wrong-password-1' },
    });
    expect(bad.statusCode).toBe(401);
  });

  it('answers /api/me with 401 when signed out', async () => {
    const response = await me({});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Sign in first', details: {} },
    });
  });
});

describe('companies', () => {
  it('registers a supplier with its province; the founder is owner', async () => {
    const supplier = await newSupplier(h, { province: '530000' });
    const response = await me({ cookie: supplier.cookie });
    expect(response.json()).toMatchObject({
      company: {
        id: supplier.companyId,
        kind: 'supplier',
        country: 'CN',
        province: '530000',
        verificationLevel: 'unverified',
      },
      role: 'owner',
    });
  });

  it('refuses bad company details, each with its field, and creates nothing', async () => {
    const user = await signUp(h);
    const cases = [
      [{ name: 'X Co', kind: 'supplier', country: 'ZZ' }, 'body.country'],
      [{ name: 'X Co', kind: 'supplier', country: 'CN' }, 'body.province'],
      [{ name: 'X Co', kind: 'buyer', country: 'ES', province: '440000' }, 'body.province'],
      [{ name: 'X Co', kind: 'supplier', country: 'CN', province: '999999' }, 'body.province'],
      [{ name: 'X Co', kind: 'operator', country: 'SG' }, 'body.kind'],
      [{ name: 'X Co', kind: 'buyer', country: 'US', verificationLevel: 'onsite_audited' }, 'body'],
    ] as const;
    for (const [payload, path] of cases) {
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/companies',
        headers: { cookie: user.cookie },
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const issues = response.json().error.details.issues as { path: string }[];
      expect(issues.map((i) => i.path).join(','), JSON.stringify(payload)).toContain(path);
    }
    expect((await me({ cookie: user.cookie })).json().company).toBeNull();
  });

  it('does not let better-auth’s own organization endpoints bypass those rules', async () => {
    const user = await signUp(h);
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/organization/create',
      headers: { cookie: user.cookie },
      payload: { name: 'Sneaky', slug: 'sneaky', kind: 'operator', country: 'SG' },
    });
    expect(response.statusCode).toBe(404);
  });

  it('shows a public credibility card and 404 for an unknown company', async () => {
    const supplier = await newSupplier(h);
    await newProduct(h, supplier);
    const card = await h.app.inject({ method: 'GET', url: `/api/companies/${supplier.companyId}` });
    expect(card.json()).toMatchObject({
      id: supplier.companyId,
      yearEstablished: 2010,
      credibility: { productCount: 1 },
    });
    expect((await h.app.inject({ method: 'GET', url: '/api/companies/co_unknown' })).statusCode).toBe(404);
  });
});

describe('members and roles', () => {
  it('an invited member acts with the role they were invited with', async () => {
    const owner = await newSupplier(h);
    const sales = await newMember(h, owner, 'sales');
    expect((await me({ cookie: sales.cookie })).json()).toMatchObject({
      company: { id: owner.companyId },
      role: 'sales',
    });
    await newProduct(h, sales);

    const finance = await newMember(h, owner, 'finance');
    const refused = await h.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: { cookie: finance.cookie },
      payload: productInput(),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('a member of another company cannot invite into a company', async () => {
    const owner = await newSupplier(h);
    const stranger = await newSupplier(h);
    const invite = await h.app.inject({
      method: 'POST',
      url: '/api/auth/organization/invite-member',
      headers: { cookie: stranger.cookie },
      payload: { email: 'x@test.tradelane.dev', role: 'admin', organizationId: owner.companyId },
    });
    expect(invite.statusCode).toBeGreaterThanOrEqual(400);
    expect(invite.statusCode).toBeLessThan(500);
  });
});

describe('API keys', () => {
  it('issues a key shown once that acts for the company, lists it without the key, and revokes it', async () => {
    const owner = await newSupplier(h);
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { cookie: owner.cookie },
      payload: { name: 'ERP', role: 'sales' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { key, id } = created.json() as { key: string; id: string };
    expect(key.startsWith('tl_')).toBe(true);

    const asKey = await me({ authorization: `Bearer ${key}` });
    expect(asKey.json()).toMatchObject({ company: { id: owner.companyId }, role: 'sales', apiKey: true });
    const product = await h.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: { authorization: `Bearer ${key}` },
      payload: productInput(),
    });
    expect(product.statusCode).toBe(201);

    const list = await h.app.inject({
      method: 'GET',
      url: '/api/api-keys',
      headers: { cookie: owner.cookie },
    });
    expect(list.json().items).toHaveLength(1);
    expect(JSON.stringify(list.json())).not.toContain(key);

    const revoke = await h.app.inject({
      method: 'DELETE',
      url: `/api/api-keys/${id}`,
      headers: { cookie: owner.cookie },
    });
    expect(revoke.statusCode).toBe(204);
    const after = await me({ authorization: `Bearer ${key}` });
    expect(after.statusCode).toBe(401);
  });

  it('keeps keys to their company: another company’s key id is 404, a sales member cannot issue keys', async () => {
    const owner = await newSupplier(h);
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { cookie: owner.cookie },
      payload: { name: 'ERP' },
    });
    const other = await newBuyer(h);
    const revoke = await h.app.inject({
      method: 'DELETE',
      url: `/api/api-keys/${created.json().id}`,
      headers: { cookie: other.cookie },
    });
    expect(revoke.statusCode).toBe(404);
    const stillWorks = await me({ authorization: `Bearer ${created.json().key}` });
    expect(stillWorks.statusCode).toBe(200);

    const sales = await newMember(h, owner, 'sales');
    const refused = await h.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { cookie: sales.cookie },
      payload: { name: 'mine' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses an unknown bearer key with 401, not as anonymous', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: '/api/search/products?q=x',
      headers: { authorization: 'Bearer tl_not-a-real-key' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('verification', () => {
  it('the operator verifies a supplier; the card and the search facet show it', async () => {
    const operator = await newOperator(h);
    const supplier = await newSupplier(h);
    const product = await newProduct(h, supplier, {
      title: { en: 'Verified quartz wall clock' },
      categoryCode: 'home-garden/kitchenware',
      hsCode: '910521',
    });

    const missingAuditor = await h.app.inject({
      method: 'POST',
      url: `/api/companies/${supplier.companyId}/verification`,
      headers: { cookie: operator.cookie },
      payload: { level: 'onsite_audited' },
    });
    expect(missingAuditor.statusCode).toBe(400);

    const verified = await h.app.inject({
      method: 'POST',
      url: `/api/companies/${supplier.companyId}/verification`,
      headers: { cookie: operator.cookie },
      payload: { level: 'onsite_audited', auditorName: 'SGS' },
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ verificationLevel: 'onsite_audited', auditorName: 'SGS' });

    await h.drainOutbox();
    const found = await h.app.inject({
      method: 'GET',
      url: '/api/search/products?q=quartz%20wall%20clock&verified=onsite_audited',
    });
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(product.id);
  });

  it('only the operator verifies, and an unknown company is 404', async () => {
    const supplier = await newSupplier(h);
    const self = await h.app.inject({
      method: 'POST',
      url: `/api/companies/${supplier.companyId}/verification`,
      headers: { cookie: supplier.cookie },
      payload: { level: 'licence_checked' },
    });
    expect(self.statusCode).toBe(403);
    const operator = await newOperator(h);
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/companies/co_nope/verification',
      headers: { cookie: operator.cookie },
      payload: { level: 'licence_checked' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
