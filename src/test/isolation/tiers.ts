import { expect } from 'vitest';
import { newProduct } from '../factories.js';
import type { Harness } from '../harness.js';
import { recomputeTiers, verify } from '../tier-factories.js';
import { isolationModule, membersRead, operatorOnly, publicRead } from './types.js';
import type { World } from './world.js';

/** Supplier A, verified and listing, applied to the new-exporter program; every tier computed. */
type Fixture = { enrollmentId: string };

const setup = async (h: Harness, w: World): Promise<Fixture> => {
  await verify(h, w.operator, w.a.supplier.companyId, 'licence_checked');
  await newProduct(h, w.a.supplier);
  const enrolled = await h.app.inject({
    method: 'POST',
    url: '/api/programs/new-exporter/enroll',
    headers: { cookie: w.a.supplier.cookie },
  });
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  await recomputeTiers(h, w.operator);
  await h.drainOutbox();
  return { enrollmentId: enrolled.json().id };
};

const program = () => ({ id: 'new-exporter' });
const enrollment = (f: Fixture) => ({ id: f.enrollmentId });

export const tiersIsolation = isolationModule<Fixture>({
  name: 'tiers and programs',
  setup,
  cases: [
    {
      route: 'GET /api/suppliers/{id}/tier',
      params: (_, w) => ({ id: w.a.supplier.companyId }),
      access: publicRead('a supplier’s tier and badge are public; its score and reasons are not'),
      check: (response, _, caller) =>
        expect(Object.keys(response.json()).sort(), caller.who).toEqual([
          'month',
          'supplierId',
          'tier',
          'view',
        ]),
    },
    {
      route: 'GET /api/programs/{id}',
      params: program,
      access: publicRead('programs are definitions in code, the same for everyone; the id names no record'),
      check: (response, f) => {
        // Another company never sees A's enrollment in it.
        expect(response.body).not.toContain(f.enrollmentId);
      },
    },
    {
      route: 'PATCH /api/programs/{id}',
      params: program,
      body: () => ({ targetCount: 10 }),
      access: operatorOnly,
    },
    {
      route: 'POST /api/programs/{id}/enroll',
      // A's own application is already in; its sales member may not apply for it to another.
      params: () => ({ id: 'star-factory-brand' }),
      access: {
        kind: 'tenant',
        party: 'supplier',
        lacking: 'supplier:sales',
        stranger: { none: 'the id names a public program, not a record of A: any supplier may apply' },
      },
    },
    { route: 'GET /api/programs/{id}/enrollments', params: program, access: operatorOnly },
    { route: 'GET /api/programs/{id}/dashboard', params: program, access: operatorOnly },
    { route: 'GET /api/program-enrollments/{id}', params: enrollment, access: membersRead('supplier') },
    { route: 'POST /api/program-enrollments/{id}/approve', params: enrollment, access: operatorOnly },
    {
      route: 'POST /api/program-enrollments/{id}/remove',
      params: enrollment,
      body: () => ({ reason: 'Not a new exporter' }),
      access: operatorOnly,
    },
    {
      route: 'POST /api/program-enrollments/{id}/milestones',
      params: enrollment,
      body: () => ({ milestone: 'showroom_complete' }),
      access: operatorOnly,
    },
  ],
});
