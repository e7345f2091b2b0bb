import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw-sql.js';
import { newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import {
  money,
  newParties,
  orderInProduction,
  type Parties,
  receivedOrder,
} from '../../test/order-factories.js';
import { goldTrackRecord, myTier, recomputeTiers, verify } from '../../test/tier-factories.js';
import { adCreditFor, tierSignalsOf } from './index.js';

const h = useHarness();

type Component = { component: string; value: number | string | null; detail: Record<string, unknown> };
const valuesOf = (view: { components: Component[] }) =>
  Object.fromEntries(view.components.map((c) => [c.component, c.value]));

let gold: Parties;

describe('scores computed from the platform’s own records', () => {
  it('scores trade, shipments, inquiries and verification on the monthly timer', async () => {
    gold = await newParties(h);
    await goldTrackRecord(h, gold);
    const quiet = await newSupplier(h);
    await h.runTimer('tiers.compute-scores');

    const view = await myTier(h, gold.supplier);
    // 3 orders of 100 pumps at USD 45.00: USD 13,500, the only GMV of its industry (percentile 1).
    expect(valuesOf(view)).toEqual({
      gmv: 1,
      paidOrders: 3,
      responseRate: 1,
      onTimeRate: 1,
      disputeRate: 0,
      buyerRating: null,
      verification: 'onsite_audited',
      yearsOnPlatform: 0,
    });
    expect(view.components[0].detail).toEqual({
      gmv: { amount: '1350000', currency: 'USD' },
      industry: 'machinery',
    });
    // 20 + 3/24 × 10 + 15 + 15 + 10 + 0 + 15 + 0 = 76.25
    expect(view).toMatchObject({ month: '2026-11', score: 76.3, tier: { key: 'gold', badge: 'gold' } });
    expect(view.reasons.every((r: { met: boolean }) => r.met)).toBe(true);
    expect(view.next.tier.key).toBe('star');
    expect(
      view.next.requirements
        .filter((r: { met: boolean }) => !r.met)
        .map((r: { message: string }) => r.message),
    ).toEqual([
      'paid orders (12 months) 3, needs 12',
      'buyer rating not measured yet, needs 4.5',
      'years on the platform 0, needs 1',
    ]);
    expect(view.benefits).toEqual({
      searchBoost: 0.15,
      monthlyRfqQuota: 50,
      monthlyAdCredit: { amount: '5000', currency: 'USD' },
    });

    expect(await myTier(h, quiet)).toMatchObject({
      score: 0,
      tier: { key: 'basic' },
      next: { tier: { key: 'verified' } },
    });
  });

  it('counts late shipments and disputes against the supplier', async () => {
    const late: Parties = { ...(await newParties(h)), operator: gold.operator };
    await verify(h, late.operator, late.supplier.companyId, 'licence_checked');
    const onTime = await receivedOrder(h, late);
    await orderInProduction(h, late, { shipBy: { date: '2026-11-05' } });
    const dispute = await money(h, late.buyer).post(`/api/orders/${onTime.id}/disputes`, {
      reason: 'quality',
      description: 'Twelve pump housings arrived cracked.',
      amount: '100000',
    });
    expect(dispute.statusCode, dispute.body).toBe(201);
    await h.drainOutbox();
    const start = h.clock();
    try {
      // The ship-by day of the second order passes with nothing shipped.
      h.clock.set(new Date('2026-11-08T08:00:00Z'));
      await recomputeTiers(h, late.operator);
      const view = await myTier(h, late.supplier);
      // Of machinery's two sellers it sold less: percentile 0.
      expect(valuesOf(view)).toMatchObject({
        gmv: 0,
        paidOrders: 2,
        onTimeRate: 0.5,
        disputeRate: 0.5,
        responseRate: null,
        verification: 'licence_checked',
      });
      expect(view.tier.key).toBe('verified');
      const unmet = view.next.requirements
        .filter((r: { met: boolean }) => !r.met)
        .map((r: { message: string }) => r.message);
      expect(unmet).toContain('on-time shipment rate 50 %, needs 90 %');
      expect(unmet).toContain('dispute rate 50 %, needs at most 5 %');
      expect(unmet).toContain('response rate not measured yet, needs 80 %');
    } finally {
      h.clock.set(start);
    }
  });

  it('keeps one row per month: a recompute replaces the month, the next month adds to the history', async () => {
    const rows = async () =>
      queryRows<{ month: string }>(
        h.database.db,
        sql`select month from supplier_scores where company_id = ${gold.supplier.companyId} order by month`,
      );
    await recomputeTiers(h, gold.operator);
    expect(await rows()).toEqual([{ month: '2026-11' }]);
    const start = h.clock();
    try {
      h.clock.set(new Date('2026-12-01T00:07:00Z'));
      await h.runTimer('tiers.compute-scores');
      expect(await rows()).toEqual([{ month: '2026-11' }, { month: '2026-12' }]);
      const view = await myTier(h, gold.supplier);
      expect(view.month).toBe('2026-12');
      expect(view.history.map((m: { month: string }) => m.month)).toEqual(['2026-12', '2026-11']);
    } finally {
      h.clock.set(start);
    }
  });

  it('hands sourcing the quota and matching boost, and the ads module the credit, of the tier in force', async () => {
    const signals = await tierSignalsOf(h.database.db, [gold.supplier.companyId, 'co_never_scored']);
    expect(signals.get(gold.supplier.companyId)).toEqual({ boost: 0.67, monthlyQuota: 50, tier: 'gold' });
    expect(signals.get('co_never_scored')).toEqual({ boost: 0, monthlyQuota: 20, tier: null });
    expect(await adCreditFor(h.database.db, gold.supplier.companyId)).toEqual({
      tier: 'gold',
      month: '2026-12',
      amount: 5000n,
      currency: 'USD',
    });
    expect(await adCreditFor(h.database.db, 'co_never_scored')).toMatchObject({ tier: 'basic', amount: 0n });
  });

  it('publishes the tiers, their thresholds and benefits', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/tiers' });
    expect(response.statusCode).toBe(200);
    const catalog = response.json();
    expect(catalog.rule).toBe('lowest_indicator');
    expect(catalog.tiers.map((t: { name: string }) => t.name)).toEqual(['Basic', 'Verified', 'Gold', 'Star']);
    expect(Object.values(catalog.weights as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(100);
  });
});
