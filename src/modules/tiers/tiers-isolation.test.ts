import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw-sql.js';
import {
  newBuyer,
  newMember,
  newOperator,
  newProduct,
  newSupplier,
  type Session,
} from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { recomputeTiers, verify } from '../../test/tier-factories.js';

const h = useHarness();

type Method = 'GET' | 'POST' | 'PATCH';
const as = (session: Session | undefined, method: Method, url: string, payload?: object) =>
  h.app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie } : {},
    ...(payload ? { payload } : {}),
  });

/** Everything a tiers or programs route could change. */
const snapshot = () =>
  queryRows(
    h.database.db,
    sql`select (select string_agg(id || ':' || status, ',' order by id) from program_enrollments) as enrollments,
               (select count(*)::int from program_milestones) as milestones,
               (select string_agg(program_id || ':' || open || ':' || coalesce(target_count, 0), ',')
                  from program_settings) as settings,
               (select string_agg(company_id || ':' || month || ':' || computed_at, ',' order by company_id)
                  from supplier_scores) as scores,
               (select count(*)::int from search_supplier_boosts) as boosts,
               (select count(*)::int from outbox_events) as events`,
  );

let supplierA: Session;
let logisticsA: Session;
let supplierB: Session;
let buyerB: Session;
let operator: Session;
let operatorFinance: Session;
let enrollmentA: string;

beforeAll(async () => {
  operator = await newOperator(h);
  operatorFinance = await newMember(h, operator, 'finance');
  supplierA = await newSupplier(h);
  logisticsA = await newMember(h, supplierA, 'logistics');
  supplierB = await newSupplier(h);
  buyerB = await newBuyer(h);
  await verify(h, operator, supplierA.companyId, 'licence_checked');
  await newProduct(h, supplierA);
  const enrolled = await as(supplierA, 'POST', '/api/programs/new-exporter/enroll');
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  enrollmentA = enrolled.json().id;
  await recomputeTiers(h, operator);
  await h.drainOutbox();
});

const enrollmentRoutes = (id: string): [string, Method, string, object?][] => [
  ['view', 'GET', `/api/program-enrollments/${id}`],
  ['approve', 'POST', `/api/program-enrollments/${id}/approve`],
  ['remove', 'POST', `/api/program-enrollments/${id}/remove`, { reason: 'Not a new exporter' }],
  ['milestone', 'POST', `/api/program-enrollments/${id}/milestones`, { milestone: 'showroom_complete' }],
];
const managing = (id: string) => enrollmentRoutes(id).slice(1);

const operatorRoutes: [string, Method, string, object?][] = [
  ['recompute', 'POST', '/api/tiers/recompute'],
  ['supplier tiers', 'GET', '/api/tiers/suppliers'],
  ['program settings', 'PATCH', '/api/programs/new-exporter', { targetCount: 10 }],
  ['enrollments', 'GET', '/api/programs/new-exporter/enrollments'],
  ['dashboard', 'GET', '/api/programs/new-exporter/dashboard'],
];

describe('tiers and programs: tenant isolation', () => {
  it('answers 401 to anonymous callers on every private route', async () => {
    const before = await snapshot();
    for (const [name, method, url, payload] of [
      ...enrollmentRoutes(enrollmentA),
      ...operatorRoutes,
      ['my tier', 'GET', '/api/tiers/me'] as const,
      ['enroll', 'POST', '/api/programs/new-exporter/enroll'] as const,
    ])
      expect((await as(undefined, method, url, payload)).statusCode, name).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 on another company's enrollment, and 403 on managing any, exactly as for an unknown id", async () => {
    const before = await snapshot();
    for (const [who, session] of [
      ['another supplier', supplierB],
      ['a buyer', buyerB],
    ] as const) {
      for (const [name, method, url, payload] of enrollmentRoutes(enrollmentA)) {
        // Managing is refused to every non-operator before the id is looked up.
        const expected = name === 'view' ? 404 : 403;
        expect((await as(session, method, url, payload)).statusCode, `${who}: ${name}`).toBe(expected);
        const unknown = await as(session, method, url.replace(enrollmentA, 'enr_nonexistent'), payload);
        expect(unknown.statusCode, `${who}: ${name} (unknown id)`).toBe(expected);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets the enrolled supplier read its enrollment but not manage it (403)', async () => {
    const before = await snapshot();
    const own = await as(supplierA, 'GET', `/api/program-enrollments/${enrollmentA}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: enrollmentA, status: 'applied' });
    for (const [name, method, url, payload] of managing(enrollmentA))
      expect((await as(supplierA, method, url, payload)).statusCode, name).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 403 to a wrong role or company kind, and changes nothing', async () => {
    const before = await snapshot();
    for (const [name, method, url, payload] of managing(enrollmentA))
      expect((await as(operatorFinance, method, url, payload)).statusCode, `finance: ${name}`).toBe(403);
    for (const [name, method, url, payload] of operatorRoutes) {
      expect((await as(supplierA, method, url, payload)).statusCode, `supplier: ${name}`).toBe(403);
      expect((await as(operatorFinance, method, url, payload)).statusCode, `finance: ${name}`).toBe(403);
    }
    expect((await as(buyerB, 'GET', '/api/tiers/me')).statusCode).toBe(403);
    expect((await as(buyerB, 'POST', '/api/programs/new-exporter/enroll')).statusCode).toBe(403);
    expect((await as(logisticsA, 'POST', '/api/programs/star-factory-brand/enroll')).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses unknown fields and unknown programs, and changes nothing', async () => {
    const before = await snapshot();
    for (const [url, method, payload] of [
      ['/api/tiers/recompute', 'POST', { month: '2026-10' }],
      ['/api/programs/star-factory-brand/enroll', 'POST', { note: 'please' }],
      ['/api/programs/new-exporter', 'PATCH', { targetCount: 10, colour: 'gold' }],
      [`/api/program-enrollments/${enrollmentA}/remove`, 'POST', {}],
      [
        `/api/program-enrollments/${enrollmentA}/milestones`,
        'POST',
        { milestone: 'first_order', when: 'now' },
      ],
    ] as const) {
      const session = url.includes('enroll') && !url.includes('program-enrollments') ? supplierB : operator;
      const response = await as(session, method, url, payload);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    for (const [method, url] of [
      ['POST', '/api/programs/moon-base/enroll'],
      ['GET', '/api/programs/moon-base'],
    ] as const)
      expect((await as(supplierB, method, url)).statusCode, url).toBe(404);
    expect((await as(operator, 'GET', '/api/programs/moon-base/dashboard')).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the programs', () => {
  it('are public; only a supplier sees its own eligibility and enrollment in them', async () => {
    const anonymous = await as(undefined, 'GET', '/api/programs/new-exporter');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).not.toHaveProperty('enrollment');
    expect(anonymous.json()).not.toHaveProperty('eligibility');
    const other = (await as(supplierB, 'GET', '/api/programs/new-exporter')).json();
    expect(other).toMatchObject({ enrollment: null, eligibility: { eligible: false } });
    const own = (await as(logisticsA, 'GET', '/api/programs/new-exporter')).json();
    expect(own.enrollment).toMatchObject({ id: enrollmentA, status: 'applied' });
  });
});

describe("a supplier's tier", () => {
  it('shows everyone the tier and badge, and only the supplier and the operator the score and reasons', async () => {
    const url = `/api/suppliers/${supplierA.companyId}/tier`;
    for (const [who, session] of [
      ['anonymous', undefined],
      ['another supplier', supplierB],
      ['a buyer', buyerB],
    ] as const) {
      const response = await as(session, 'GET', url);
      expect(response.statusCode, who).toBe(200);
      expect(response.json(), who).toEqual({
        view: 'public',
        supplierId: supplierA.companyId,
        month: '2026-11',
        tier: { key: 'basic', name: 'Basic', badge: null },
      });
    }
    for (const [who, session] of [
      ['its own member', logisticsA],
      ['the operator', operatorFinance],
    ] as const) {
      const response = await as(session, 'GET', url);
      expect(response.statusCode, who).toBe(200);
      expect(response.json(), who).toMatchObject({
        view: 'full',
        score: expect.any(Number),
        reasons: expect.any(Array),
      });
    }
    for (const id of ['co_nonexistent', buyerB.companyId])
      expect((await as(supplierB, 'GET', `/api/suppliers/${id}/tier`)).statusCode, id).toBe(404);
  });
});
