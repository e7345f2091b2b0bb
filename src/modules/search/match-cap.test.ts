import { describe, expect, it } from 'vitest';
import { useHarness } from '../../test/harness.js';
import { searchIndex } from './index.js';
import { matchCap } from './postgres-index.js';
import type { ProductDocument } from './search-index.js';

const h = useHarness();

const doc = (n: number, title: string): ProductDocument => ({
  companyId: 'co_capcapcapcapcapcapcapcap',
  productId: `prd_${String(n).padStart(22, '0')}`,
  industryCode: 'machinery',
  categoryCode: 'machinery/pumps',
  subcategoryCode: 'machinery/pumps/water-pumps',
  text: { en: { title, body: '' }, es: { title: '', body: '' }, zh: { title: '', body: '' } },
  minPriceUsdCents: 1000,
  moq: 10,
  province: '330000',
  verificationLevel: 'unverified',
  certifications: [],
  supplierQuality: 0.5,
  monthlyCapacity: null,
});

describe('the match cap', () => {
  it('reads at most the cap, reports the total as a lower bound past it, and stays exact below it', async () => {
    await searchIndex.index(
      h.database.db,
      Array.from({ length: matchCap + 5 }, (_, n) => doc(n, n < 3 ? 'rare turbine pump' : 'common pump')),
    );
    const common = await searchIndex.search(h.database.db, { q: 'pump', lang: 'en', page: 1, pageSize: 20 });
    expect(common).toMatchObject({ total: matchCap, totalIsLowerBound: true });
    expect(common.hits).toHaveLength(20);
    expect(common.facets.category).toEqual([{ value: 'machinery/pumps', count: matchCap }]);
    const lastPage = await searchIndex.search(h.database.db, {
      q: 'pump',
      lang: 'en',
      page: matchCap / 20,
      pageSize: 20,
    });
    expect(lastPage.hits).toHaveLength(20);

    const rare = await searchIndex.search(h.database.db, { q: 'turbine', lang: 'en', page: 1, pageSize: 20 });
    expect(rare).toMatchObject({ total: 3, totalIsLowerBound: false });
    expect(rare.facets.category).toEqual([{ value: 'machinery/pumps', count: 3 }]);
  });
});
