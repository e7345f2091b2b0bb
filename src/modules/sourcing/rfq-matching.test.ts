import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newProduct, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { as, newRfq } from '../../test/sourcing-factories.js';

const h = useHarness();

describe('matching an RFQ to suppliers', () => {
  let english: Session;
  let chinese: Session;
  let toys: Session;
  let highMoq: Session;
  let hugeMoq: Session;
  let buyer: Session;
  let matches: {
    supplier: { id: string };
    rank: number;
    score: number;
    components: Record<string, number>;
  }[];

  beforeAll(async () => {
    [english, chinese, toys, highMoq, hugeMoq, buyer] = await Promise.all([
      newSupplier(h),
      newSupplier(h, { province: '330000' }),
      newSupplier(h),
      newSupplier(h),
      newSupplier(h),
      newBuyer(h, { country: 'ES' }),
    ]);
    await newProduct(h, english, {
      title: { en: 'Stainless steel submersible water pump 1.5 kW' },
      moq: 100,
      priceTiers: [{ minQuantity: 100, maxQuantity: null, unitPrice: '3800' }],
    });
    await newProduct(h, chinese, {
      title: { en: '4SD deep well pump', zh: '不锈钢深井潜水泵 4寸' },
      moq: 50,
      priceTiers: [{ minQuantity: 50, maxQuantity: null, unitPrice: '3000' }],
    });
    await newProduct(h, toys, {
      categoryCode: 'toys/educational-toys',
      hsCode: '950300',
      title: { en: 'Water pump toy for kids bath' },
    });
    await newProduct(h, highMoq, {
      title: { en: 'Stainless steel submersible water pump 1.5 kW' },
      moq: 800,
      priceTiers: [{ minQuantity: 800, maxQuantity: null, unitPrice: '3500' }],
    });
    await newProduct(h, hugeMoq, {
      title: { en: 'Stainless steel submersible water pump 1.5 kW' },
      moq: 100_000,
      priceTiers: [{ minQuantity: 100_000, maxQuantity: null, unitPrice: '3000' }],
    });
    const rfq = await newRfq(h, buyer, {
      title: 'bombas de agua sumergibles',
      description: 'Necesitamos bombas de acero inoxidable para riego.',
      language: 'es',
    });
    const response = await as(h, buyer).get(`/api/rfqs/${rfq.id}/matches`);
    expect(response.statusCode, response.body).toBe(200);
    matches = response.json().items;
  });

  const matchOf = (s: Session) => matches.find((m) => m.supplier.id === s.companyId);

  it('invites suppliers whose listings are written in English or Chinese for a Spanish RFQ', () => {
    expect(matchOf(english)).toBeDefined();
    expect(matchOf(chinese)).toBeDefined();
    expect(matchOf(english)!.components.text).toBeGreaterThan(0);
  });

  it('never invites a supplier without a listing in the category’s industry', () => {
    expect(matchOf(toys)).toBeUndefined();
  });

  it('ranks a supplier whose MOQ is above the quantity lower, and drops one far above it', () => {
    expect(matchOf(highMoq)).toBeDefined();
    expect(matchOf(highMoq)!.score).toBeLessThan(matchOf(english)!.score);
    expect(matchOf(highMoq)!.components.moq).toBeLessThan(1);
    expect(matchOf(hugeMoq)).toBeUndefined();
  });

  it('stores ranks in score order and tells an invited supplier why', async () => {
    const scores = matches.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(matches.map((m) => m.rank)).toEqual(matches.map((_, i) => i + 1));
    const feed = await as(h, english).get('/api/supplier/rfq-feed');
    expect(feed.statusCode, feed.body).toBe(200);
    const item = feed
      .json()
      .items.find((i: { rfq: { title: string } }) => i.rfq.title === 'bombas de agua sumergibles');
    expect(item.match.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['category', 'text', 'moq_within', 'verification']),
    );
    expect(feed.json().quota).toEqual({ month: '2026-11', granted: 20, used: 0, left: 20 });
  });

  it('notifies every invited supplier once the publish commits', async () => {
    await h.drainOutbox();
    const notes = await as(h, chinese).get('/api/notifications');
    expect(notes.statusCode, notes.body).toBe(200);
    expect(notes.json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'sourcing.supplier_invited', read: false })]),
    );
    const none = await as(h, toys).get('/api/notifications');
    expect(none.json().items).toEqual([]);

    // Marking read: only the company it was written for; anyone else learns nothing.
    const note = notes.json().items[0] as { id: string };
    expect((await as(h).post(`/api/notifications/${note.id}/read`)).statusCode).toBe(401);
    expect((await as(h, toys).post(`/api/notifications/${note.id}/read`)).statusCode).toBe(404);
    expect((await as(h, chinese).get('/api/notifications?unread=true')).json().items).toHaveLength(
      notes.json().unread,
    );
    expect((await as(h, chinese).post(`/api/notifications/${note.id}/read`)).statusCode).toBe(200);
    expect((await as(h, chinese).get('/api/notifications')).json().unread).toBe(notes.json().unread - 1);
  });
});
