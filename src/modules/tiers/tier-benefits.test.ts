import { beforeAll, describe, expect, it } from 'vitest';
import { newProduct, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { newParties, type Parties } from '../../test/order-factories.js';
import { as, newQuote, newRfq, offerInput } from '../../test/sourcing-factories.js';
import { goldTrackRecord, myTier, recomputeTiers, verify } from '../../test/tier-factories.js';

const h = useHarness();

let parties: Parties;
let basic: Session;

beforeAll(async () => {
  parties = await newParties(h);
  await goldTrackRecord(h, parties);
  basic = await newSupplier(h);
  await newProduct(h, basic, {
    moq: 100,
    priceTiers: [{ minQuantity: 100, maxQuantity: null, unitPrice: '4000' }],
  });
});

const burr = {
  title: { en: 'Tungsten carbide rotary burr set, 10 pieces' },
  description: { en: 'Double cut, 6 mm shank, for steel and cast iron.' },
  categoryCode: 'machinery/pumps/water-pumps',
};

const searchBurrs = async () => {
  const response = await h.app.inject({
    method: 'GET',
    url: '/api/search/products?q=tungsten%20carbide%20burr',
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { id: string; supplier: { id: string } }[]).map((i) => i.supplier.id);
};

describe('the search ranking boost of a tier', () => {
  it('ranks the higher tier first among two equal listings', async () => {
    // Equal listings from equally credible suppliers (both audited on site, founded in 2010).
    const verified = await newSupplier(h);
    await verify(h, parties.operator, verified.companyId, 'onsite_audited');
    await newProduct(h, verified, burr);
    // One second later: on a tie in rank the older listing comes first.
    h.clock.advance(1000);
    await newProduct(h, parties.supplier, burr);
    expect(await searchBurrs()).toEqual([verified.companyId, parties.supplier.companyId]);

    await recomputeTiers(h, parties.operator);
    expect((await myTier(h, verified)).tier.key).toBe('verified');
    expect((await myTier(h, parties.supplier)).tier.key).toBe('gold');
    expect(await searchBurrs()).toEqual([parties.supplier.companyId, verified.companyId]);
  });
});

describe('the monthly RFQ quota of a tier', () => {
  it('lets a Gold supplier quote past the 20 quotes a Basic supplier gets', async () => {
    const quota = async (s: Session) => (await as(h, s).get('/api/supplier/rfq-feed')).json().quota;
    expect(await quota(parties.supplier)).toMatchObject({ granted: 50, used: 0 });
    expect(await quota(basic)).toMatchObject({ granted: 20, used: 0 });
    for (let i = 0; i < 21; i++) {
      const rfq = await newRfq(h, parties.buyer, { visibility: 'public' });
      await newQuote(h, parties.supplier, rfq.id);
      if (i < 20) await newQuote(h, basic, rfq.id);
      else {
        const refused = await as(h, basic).post(`/api/rfqs/${rfq.id}/quotes`, offerInput(h));
        expect(refused.statusCode, refused.body).toBe(409);
        expect(refused.json().error.code).toBe('QUOTA_EXHAUSTED');
      }
    }
    expect(await quota(parties.supplier)).toEqual({ month: '2026-11', granted: 50, used: 21, left: 29 });
  });
});
