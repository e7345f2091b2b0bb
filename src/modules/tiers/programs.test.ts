import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw-sql.js';
import { newBuyer, newOperator, newProduct, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { goldTrackRecord, recomputeTiers, verify } from '../../test/tier-factories.js';

const h = useHarness();

const call = (
  session: Session | undefined,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
) =>
  h.app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie } : {},
    ...(payload ? { payload } : {}),
  });

const enroll = async (supplier: Session, programId: string) => {
  const response = await call(supplier, 'POST', `/api/programs/${programId}/enroll`);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; status: string };
};

const manage = async (enrollmentId: string, action: string, payload?: object) => {
  const response = await call(
    operator,
    'POST',
    `/api/program-enrollments/${enrollmentId}/${action}`,
    payload,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const dashboard = async (programId: string) => {
  const response = await call(operator, 'GET', `/api/programs/${programId}/dashboard`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

/** A supplier new to exporting with its licence checked and one listing: eligible for onboarding. */
const newExporter = async () => {
  const supplier = await newSupplier(h);
  await verify(h, operator, supplier.companyId, 'licence_checked');
  await newProduct(h, supplier);
  return supplier;
};

let operator: Session;
let declinedSupplier: Session;
const enrollments: Record<string, string> = {};

beforeAll(async () => {
  operator = await newOperator(h);
});

describe('applying to a program', () => {
  it('refuses a supplier that misses a criterion, says which, and writes nothing', async () => {
    const supplier = await newSupplier(h);
    const refused = await call(supplier, 'POST', '/api/programs/new-exporter/enroll');
    expect(refused.statusCode, refused.body).toBe(403);
    const error = refused.json().error;
    expect(error.details.reason).toBe('criteria_not_met');
    expect(error.message).toBe(
      'Your company does not meet the criteria of New-exporter onboarding: verification unverified, needs business licence checked; 0 active listings, needs 1',
    );
    expect(
      error.details.criteria.map((c: { criterion: string; met: boolean }) => [c.criterion, c.met]),
    ).toEqual([
      ['min_verification', false],
      ['max_years_on_platform', true],
      ['max_paid_orders', true],
      ['min_active_listings', false],
    ]);
    const [written] = await queryRows<{ n: number }>(
      h.database.db,
      sql`select (select count(*)::int from program_enrollments) + (select count(*)::int from program_settings) as n`,
    );
    expect(written!.n).toBe(0);
    const programs = (await call(supplier, 'GET', '/api/programs')).json().items;
    expect(programs.find((p: { id: string }) => p.id === 'new-exporter')).toMatchObject({
      eligibility: { eligible: false },
      enrollment: null,
    });
  });

  it('takes an eligible supplier once, as applied, with every milestone ahead', async () => {
    const supplier = await newExporter();
    const applied = await enroll(supplier, 'new-exporter');
    enrollments.waiting = applied.id;
    expect(applied).toMatchObject({
      programId: 'new-exporter',
      supplier: { id: supplier.companyId },
      status: 'applied',
      approvedAt: null,
    });
    expect((applied as unknown as { milestones: { achievedAt: null }[] }).milestones).toHaveLength(5);
    const again = await call(supplier, 'POST', '/api/programs/new-exporter/enroll');
    expect(again.statusCode).toBe(409);
    const listed = (await call(supplier, 'GET', '/api/programs')).json().items;
    expect(listed.find((p: { id: string }) => p.id === 'new-exporter')).toMatchObject({
      eligibility: { eligible: true },
      enrollment: { id: applied.id, status: 'applied' },
    });
  });

  it('admits to the star factory brand program from Gold, to the digital factory one with a stated capacity', async () => {
    const audited = await newSupplier(h);
    await verify(h, operator, audited.companyId, 'onsite_audited');
    const parties = { buyer: await newBuyer(h), supplier: await newSupplier(h), operator };
    await goldTrackRecord(h, parties);
    await recomputeTiers(h, operator);

    const notGold = await call(audited, 'POST', '/api/programs/star-factory-brand/enroll');
    expect(notGold.statusCode).toBe(403);
    expect(notGold.json().error.message).toContain('tier Verified, needs Gold or higher');
    enrollments.star = (await enroll(parties.supplier, 'star-factory-brand')).id;

    const noCapacity = await call(parties.supplier, 'POST', '/api/programs/digital-factory/enroll');
    expect(noCapacity.statusCode).toBe(403);
    expect(noCapacity.json().error.message).toContain('0 listings stating a monthly capacity, needs 1');
    await newProduct(h, parties.supplier, { monthlyCapacity: 20_000 });
    await enroll(parties.supplier, 'digital-factory');
  });
});

describe('running a program', () => {
  it('approves, marks milestones, declines and removes, and counts it all on the dashboard', async () => {
    const [first, second, third, fourth] = [
      await newExporter(),
      await newExporter(),
      await newExporter(),
      await newExporter(),
    ];
    const ids = [
      (await enroll(first!, 'new-exporter')).id,
      (await enroll(second!, 'new-exporter')).id,
      (await enroll(third!, 'new-exporter')).id,
      (await enroll(fourth!, 'new-exporter')).id,
    ];
    enrollments.declined = ids[3]!;
    declinedSupplier = fourth!;
    for (const id of ids.slice(0, 3)) expect((await manage(id, 'approve')).status).toBe('active');
    for (const milestone of [
      'showroom_complete',
      'first_inquiry_answered',
      'first_quote',
      'first_order',
      'first_on_time_shipment',
    ])
      await manage(ids[0]!, 'milestones', { milestone });
    await manage(ids[1]!, 'milestones', { milestone: 'showroom_complete' });
    await manage(ids[2]!, 'milestones', { milestone: 'showroom_complete' });
    // A milestone marked by mistake is unmarked.
    await manage(ids[1]!, 'milestones', { milestone: 'first_quote' });
    const unmarked = await manage(ids[1]!, 'milestones', { milestone: 'first_quote', achieved: false });
    expect(unmarked.milestones.filter((m: { achievedAt: string | null }) => m.achievedAt).length).toBe(1);
    // Removed suppliers' milestones no longer count.
    expect(await manage(ids[2]!, 'remove', { reason: 'Stopped answering inquiries' })).toMatchObject({
      status: 'removed',
      removalReason: 'Stopped answering inquiries',
    });
    expect((await manage(ids[3]!, 'remove', { reason: 'A trading company, not new' })).status).toBe(
      'removed',
    );

    const board = await dashboard('new-exporter');
    expect(board.enrollments).toEqual({ applied: 1, active: 2, removed: 2, total: 5 });
    expect(board.milestones.map((m: { key: string; reached: number }) => [m.key, m.reached])).toEqual([
      ['showroom_complete', 2],
      ['first_inquiry_answered', 1],
      ['first_quote', 1],
      ['first_order', 1],
      ['first_on_time_shipment', 1],
    ]);
    expect(board.goal).toBe('first_on_time_shipment');
    expect(board.tiers).toEqual({ basic: 2, verified: 0, gold: 0, star: 0 });
    expect(board.monthly.at(-1)).toEqual({ month: '2026-11', applications: 5, goalReached: 1 });
    expect(board.monthly).toHaveLength(12);
    expect(board.target).toBeNull();

    // The operator gives the program a target and a year: 99 to go in 12 months is 9 a month.
    const patched = await call(operator, 'PATCH', '/api/programs/new-exporter', {
      targetCount: 100,
      endsOn: '2027-11-02',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await dashboard('new-exporter')).target).toEqual({
      achieved: 1,
      targetCount: 100,
      progress: 0.01,
      startsOn: '2026-11-02',
      endsOn: '2027-11-02',
      // Eight hours of the year's first day.
      elapsed: 0.0009,
      expectedByNow: 0,
      onPace: true,
      monthsLeft: 12,
      neededPerMonth: 9,
    });
  });

  it('tracks the star factory brands against 1,000 in three years', async () => {
    const board = await dashboard('star-factory-brand');
    expect(board.target).toMatchObject({
      achieved: 0,
      targetCount: 1000,
      startsOn: '2026-11-02',
      endsOn: '2029-11-02',
    });
    await manage(enrollments.star!, 'approve');
    await manage(enrollments.star!, 'milestones', { milestone: 'star_brand_certified' });
    const start = h.clock();
    try {
      // A year on, one brand of an expected third of a thousand: behind pace.
      h.clock.set(new Date('2027-11-02T08:00:00Z'));
      const later = await dashboard('star-factory-brand');
      expect(later.target).toMatchObject({ achieved: 1, progress: 0.001, expectedByNow: 333, onPace: false });
      expect(later.target.elapsed).toBeCloseTo(1 / 3, 3);
      expect(later.milestones.at(-1)).toEqual({
        key: 'star_brand_certified',
        name: expect.any(String),
        reached: 1,
      });
    } finally {
      h.clock.set(start);
    }
  });

  it('lets a removed supplier apply again on the same enrollment', async () => {
    const removed = await call(operator, 'GET', '/api/programs/new-exporter/enrollments?status=removed');
    expect(removed.json().items.map((e: { id: string }) => e.id)).toContain(enrollments.declined);
    const again = await enroll(declinedSupplier, 'new-exporter');
    expect(again).toMatchObject({
      id: enrollments.declined,
      status: 'applied',
      removedAt: null,
      removalReason: null,
    });
  });

  it('marks only the program’s milestones, and only on active enrollments', async () => {
    const unknown = await call(operator, 'POST', `/api/program-enrollments/${enrollments.star}/milestones`, {
      milestone: 'moon_landing',
    });
    expect(unknown.statusCode).toBe(400);
    const waiting = await call(
      operator,
      'POST',
      `/api/program-enrollments/${enrollments.waiting}/milestones`,
      {
        milestone: 'showroom_complete',
      },
    );
    expect(waiting.statusCode).toBe(409);
    const twice = await call(operator, 'POST', `/api/program-enrollments/${enrollments.waiting}/approve`);
    expect(twice.statusCode).toBe(200);
    const again = await call(operator, 'POST', `/api/program-enrollments/${enrollments.waiting}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('refuses applications while the operator has closed the program', async () => {
    const closed = await call(operator, 'PATCH', '/api/programs/new-exporter', { open: false });
    expect(closed.json().open).toBe(false);
    const supplier = await newExporter();
    const refused = await call(supplier, 'POST', '/api/programs/new-exporter/enroll');
    expect(refused.statusCode).toBe(409);
    await call(operator, 'PATCH', '/api/programs/new-exporter', { open: true });
    await enroll(supplier, 'new-exporter');
  });
});
