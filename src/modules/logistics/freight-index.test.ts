import { describe, expect, it } from 'vitest';
import { newBuyer, type Session } from '../../test/factories.js';
import { newForwarder, publishCard, reportEvent } from '../../test/freight-factories.js';
import { useHarness } from '../../test/harness.js';
import { saveRates } from '../fx/index.js';
import {
  type FreightIndexData,
  freightIndexOption,
  indexFormat,
  isoWeekMonday,
} from '../insights/charts/index.js';
import { isoWeekOf, laneIndexOf, weightedMedian } from './freight-index.js';

const h = useHarness();

describe('weightedMedian', () => {
  it('is the value where the cumulative weight passes half, the mean of two when it lands on half', () => {
    expect(weightedMedian([])).toBeNull();
    expect(weightedMedian([{ value: 5, weight: 0 }])).toBeNull();
    // Equal weights: the ordinary median.
    expect(weightedMedian([3, 1, 2].map((value) => ({ value, weight: 1 })))).toBe(2);
    expect(weightedMedian([4, 1, 3, 2].map((value) => ({ value, weight: 1 })))).toBe(2.5);
    // 2000 carries 4 of 7: it is the median, though two of three values are higher.
    expect(
      weightedMedian([
        { value: 3000, weight: 1 },
        { value: 2000, weight: 4 },
        { value: 2800, weight: 2 },
      ]),
    ).toBe(2000);
    // Cumulative 3 of 6 lands on half: between 10 and 20.
    expect(
      weightedMedian([
        { value: 20, weight: 3 },
        { value: 10, weight: 3 },
      ]),
    ).toBe(15);
  });

  it("takes each forwarder's median over its containers, then weighs forwarders by containers", () => {
    const index = laneIndexOf([
      // F1: 3 containers at 2,000 and 1 at 2,600 → 2,000 (by bookings it would be 2,300).
      { forwarderId: 'f1', usdCentsPerContainer: 200_000, containers: 3 },
      { forwarderId: 'f1', usdCentsPerContainer: 260_000, containers: 1 },
      { forwarderId: 'f2', usdCentsPerContainer: 300_000, containers: 1 },
      { forwarderId: 'f3', usdCentsPerContainer: 280_000, containers: 2 },
    ]);
    expect(index).toEqual({ usdCentsPerFeu: 200_000, containers: 7, forwarders: 3 });
    expect(laneIndexOf([])).toEqual({ usdCentsPerFeu: null, containers: 0, forwarders: 0 });
  });
});

describe('isoWeekOf', () => {
  it('numbers weeks from Monday, each in the year of its Thursday', () => {
    expect(isoWeekOf('2026-11-02')).toBe('2026-W45'); // a Monday
    expect(isoWeekOf('2026-11-08')).toBe('2026-W45'); // its Sunday
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53'); // a Friday: still 2026's last week
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01'); // a Monday whose Thursday is in 2025
    // And back, as the chart labels weeks by their Monday.
    expect(['2026-W45', '2026-W53', '2025-W01', '2026-W01'].map(isoWeekMonday)).toEqual([
      '2026-11-02',
      '2026-12-28',
      '2024-12-30',
      '2025-12-29',
    ]);
  });
});

describe('freightIndexOption', () => {
  it('draws a line per lane and the composite, an empty week as a gap', () => {
    const option = freightIndexOption(
      {
        weeks: ['2026-W44', '2026-W45'],
        lanes: [
          {
            origin: 'CNSHA',
            destination: 'USLAX',
            name: 'Shanghai → Los Angeles',
            points: [
              { week: '2026-W44', usdPerFeu: null, containers: 0, forwarders: 0 },
              { week: '2026-W45', usdPerFeu: 2000, containers: 7, forwarders: 3 },
            ],
          },
        ],
        composite: [
          { week: '2026-W44', usdPerFeu: null },
          { week: '2026-W45', usdPerFeu: 2000 },
        ],
      },
      indexFormat('zh-CN'),
    );
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Shanghai → Los Angeles', [null, 2000]],
      ['综合指数', [null, 2000]],
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['10月26日', '11月2日']);
  });
});

/** Books `count` containers of `type` on a departure, as the shipper, at the harness clock's time. */
const bookContainers = async (
  shipper: Session,
  departureId: string,
  { type = '40HQ', count = 1, guaranteed = false } = {},
) => {
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/freight/bookings',
    headers: { cookie: shipper.cookie },
    payload: { departureId, cargo: { containers: { type, count } }, guaranteed, readyDate: '2026-11-05' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
};

const at = (iso: string) => h.clock.set(new Date(iso));

describe('GET /api/freight/index', () => {
  it('weighs forwarders by containers, leaves out cancelled, rejected and other sizes, and gaps empty weeks', async () => {
    // EUR at 1.25 USD from the day before the bookings (later than any shipped rate).
    await saveRates(h.database.db, [{ currency: 'EUR', day: '2026-11-01', usdPerUnit: '1.25' }], 'test');
    const shipper = await newBuyer(h);
    const [f1, f2, f3] = [await newForwarder(h), await newForwarder(h), await newForwarder(h)];
    // Per-container prices are the base price alone: no surcharges.
    const card = async (forwarder: Session, overrides: Record<string, unknown>) =>
      (await publishCard(h, forwarder, { surcharges: [], ...overrides })).departures[0]!.id;
    const f1Cheap = await card(f1, { basePrice: '200000' });
    const f1Dear = await card(f1, { basePrice: '260000' });
    const f2Lax = await card(f2, { basePrice: '300000' });
    const f2Cut = await card(f2, { basePrice: '100000' });
    const f2Rotterdam = await card(f2, { destination: 'NLRTM', basePrice: '400000' });
    const f2RotterdamLater = await card(f2, { destination: 'NLRTM', basePrice: '410000' });
    // 2,240.00 EUR × 1.25 = 2,800.00 USD, on 40' general-purpose boxes (also an FEU).
    const f3Eur = await card(f3, { containerType: '40GP', currency: 'EUR', basePrice: '224000' });
    const f3Small = await card(f3, { containerType: '20GP', basePrice: '50000' });

    // Week 43: Rotterdam only.
    at('2026-10-20T10:00:00Z');
    await bookContainers(shipper, f2Rotterdam);
    // Week 44: F1 alone, guaranteed: the all-in price includes the 300.00 premium.
    at('2026-10-27T10:00:00Z');
    await bookContainers(shipper, f1Cheap, { count: 2, guaranteed: true });
    // Week 45.
    at('2026-11-02T10:00:00Z');
    await bookContainers(shipper, f1Cheap, { count: 3 });
    await bookContainers(shipper, f1Dear);
    await bookContainers(shipper, f2Lax);
    await bookContainers(shipper, f3Eur, { type: '40GP', count: 2 });
    await bookContainers(shipper, f3Small, { type: '20GP', count: 5 });
    await bookContainers(shipper, f2RotterdamLater, { count: 2 });
    // Cheap bookings that do not stand: one cancelled, one rejected.
    const cancelled = await bookContainers(shipper, f2Cut, { count: 5 });
    const cancel = await h.app.inject({
      method: 'POST',
      url: `/api/freight/bookings/${cancelled.id}/cancel`,
      headers: { cookie: shipper.cookie },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const rejected = await bookContainers(shipper, f2Cut, { count: 5 });
    expect((await reportEvent(h, f2, rejected.id, { kind: 'rejected' })).statusCode).toBe(200);

    at('2026-11-05T09:00:00Z');
    const response = await h.app.inject({ method: 'GET', url: '/api/freight/index?weeks=4' });
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json() as FreightIndexData;
    expect(data.weeks).toEqual(['2026-W42', '2026-W43', '2026-W44', '2026-W45']);
    // Busiest lane first: Los Angeles has 9 containers, Rotterdam 3.
    expect(data.lanes.map((l) => l.name)).toEqual(['Shanghai → Los Angeles', 'Shanghai → Rotterdam']);
    const [la, rtm] = data.lanes;
    expect(la).toMatchObject({ origin: 'CNSHA', destination: 'USLAX' });
    expect(la!.points).toEqual([
      { week: '2026-W42', usdPerFeu: null, containers: 0, forwarders: 0 },
      { week: '2026-W43', usdPerFeu: null, containers: 0, forwarders: 0 },
      { week: '2026-W44', usdPerFeu: 2300, containers: 2, forwarders: 1 },
      // F1 2,000 (4 boxes), F3 2,800 (2), F2 3,000 (1): the weighted median is F1's.
      // Without the exclusions F2 would weigh 11 boxes at 1,000.
      { week: '2026-W45', usdPerFeu: 2000, containers: 7, forwarders: 3 },
    ]);
    expect(rtm!.points.map((p) => p.usdPerFeu)).toEqual([null, 4000, null, 4100]);
    // Composite, lanes weighted by their containers over the 4 weeks (Los Angeles 9,
    // Rotterdam 3), a quiet lane at its last index: week 43 is Rotterdam alone
    // (Los Angeles not booked yet); week 44 (2,300 × 9 + 4,000 × 3) / 12 = 2,725;
    // week 45 (2,000 × 9 + 4,100 × 3) / 12 = 2,525.
    expect(data.composite).toEqual([
      { week: '2026-W42', usdPerFeu: null },
      { week: '2026-W43', usdPerFeu: 4000 },
      { week: '2026-W44', usdPerFeu: 2725 },
      { week: '2026-W45', usdPerFeu: 2525 },
    ]);

    // The busiest lane alone, still with the whole composite.
    const one = (await h.app.inject({ method: 'GET', url: '/api/freight/index?weeks=4&lanes=1' })).json();
    expect(one.lanes).toHaveLength(1);
    expect(one.composite).toEqual(data.composite);
    // Weeks with nothing at all.
    at('2027-03-01T09:00:00Z');
    const later = (await h.app.inject({ method: 'GET', url: '/api/freight/index?weeks=2' })).json();
    expect(later).toEqual({
      weeks: ['2027-W08', '2027-W09'],
      lanes: [],
      composite: [
        { week: '2027-W08', usdPerFeu: null },
        { week: '2027-W09', usdPerFeu: null },
      ],
    });
    const bad = await h.app.inject({ method: 'GET', url: '/api/freight/index?weeks=0' });
    expect(bad.statusCode).toBe(400);
  });
});
