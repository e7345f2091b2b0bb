import { describe, expect, it } from 'vitest';
import { productCsvColumns } from '../modules/catalog/index.js';
import { bookingEventCsvColumns, rateCardCsvColumns } from '../modules/logistics/index.js';
import { useHarness } from '../test/harness.js';

const h = useHarness();

describe('GET /api/csv-formats', () => {
  it('answers the columns each import parser reads, to anyone', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/csv-formats' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      products: [...productCsvColumns],
      rateCards: [...rateCardCsvColumns],
      bookingEvents: [...bookingEventCsvColumns],
    });
    expect(res.json().products).toContain('price_tiers');
  });
});
