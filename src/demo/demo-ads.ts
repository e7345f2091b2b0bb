import { and, asc, desc, eq, ilike, ne, sql } from 'drizzle-orm';
import { type Actor, anonymous, makeCtx } from '../core/context.js';
import type { Db } from '../db/client.js';
import {
  createCampaign,
  createPromotion,
  grantAdCredit,
  monthOf,
  recordClick,
  setHomeSlots,
  setShowcase,
  sponsoredFor,
  topUpWallet,
} from '../modules/ads/index.js';
import { productPriceTiers, products } from '../modules/catalog/index.js';
import { companies } from '../modules/identity/index.js';
import { memberActor, userOf } from './demo-actors.js';

const day = 24 * 60 * 60 * 1000;

/** A supplier's active listings titled with `word`, those titled "water pump" first. */
const listingsWith = (db: Db, companyId: string, word: string, limit: number) =>
  db
    .select({ id: products.id, title: products.titleEn })
    .from(products)
    .where(
      and(
        eq(products.companyId, companyId),
        eq(products.status, 'active'),
        ilike(products.titleEn, `%${word}%`),
      ),
    )
    .orderBy(desc(sql`${products.titleEn} ilike '%water pump%'`), asc(products.id))
    .limit(limit);

/** The supplier (other than the demo one) with the most "water pump" listings: the demo's rival bidder. */
const rivalSupplier = async (db: Db, demoSupplierId: string) =>
  (
    await db
      .select({ companyId: products.companyId, n: sql<number>`count(*)::int` })
      .from(products)
      .innerJoin(companies, eq(companies.id, products.companyId))
      .where(and(ne(products.companyId, demoSupplierId), ilike(products.titleEn, '%water pump%')))
      .groupBy(products.companyId)
      .orderBy(desc(sql`count(*)`), asc(products.companyId))
      .limit(1)
  )[0]?.companyId;

/**
 * Advertising in the demo, through the real use cases: the demo supplier's
 * ad wallet funded by a wire and this month's credit, an always-on campaign
 * on its pumps ("water pump", "pump", 水泵, "bomba de agua") against a rival
 * supplier's, a promotion on its best pump, its showroom's featured products,
 * the home page's slots, and a morning of searches and clicks so the
 * campaign's report has something to show.
 */
export const loadDemoAds = async (db: Db, now: Date) => {
  const clock = () => new Date(now);
  const supplierUser = await userOf(db, 'supplier@demo.tradelane.dev');
  const operatorUser = await userOf(db, 'operator@demo.tradelane.dev');
  const buyerUser = await userOf(db, 'buyer@demo.tradelane.dev');
  const as = (actor: Actor) => makeCtx(db, actor, clock);
  const supplier = as(memberActor(supplierUser.companyId, 'supplier', supplierUser.userId));
  const operator = as(memberActor(operatorUser.companyId, 'operator', operatorUser.userId));
  const buyer = as(memberActor(buyerUser.companyId, 'buyer', buyerUser.userId));

  const pumps = await listingsWith(db, supplierUser.companyId, 'pump', 5);
  const promoted =
    pumps.length > 0
      ? pumps
      : await db
          .select({ id: products.id, title: products.titleEn })
          .from(products)
          .where(eq(products.companyId, supplierUser.companyId))
          .orderBy(asc(products.id))
          .limit(5);

  await topUpWallet(operator, {
    supplierId: supplierUser.companyId,
    amount: 50_000n,
    currency: 'USD',
    bankReference: 'DEMO-ADS-TT-0001',
  });
  await grantAdCredit(supplier, { supplierId: supplierUser.companyId, amount: 5_000n, month: monthOf(now) });
  await createCampaign(supplier, {
    name: 'Pumps — always on',
    dailyBudget: '2000',
    status: 'active',
    products: promoted.map((p) => p.id),
    keywords: [
      { text: 'water pump', matchType: 'phrase', bid: '80' },
      { text: 'pump', matchType: 'broad', bid: '30' },
      { text: '水泵', matchType: 'phrase', bid: '60' },
      { text: 'bomba de agua', matchType: 'phrase', bid: '60' },
    ],
  });

  const rivalId = await rivalSupplier(db, supplierUser.companyId);
  if (rivalId) {
    const rivalActor: Actor = {
      kind: 'member',
      userId: 'demo-rival',
      companyId: rivalId,
      companyKind: 'supplier',
      role: 'owner',
    };
    await topUpWallet(operator, {
      supplierId: rivalId,
      amount: 10_000n,
      currency: 'USD',
      bankReference: 'DEMO-ADS-TT-0002',
    });
    await createCampaign(as(rivalActor), {
      name: 'Water pumps',
      dailyBudget: '1000',
      status: 'active',
      products: (await listingsWith(db, rivalId, 'water pump', 3)).map((p) => p.id),
      keywords: [{ text: 'water pump', matchType: 'phrase', bid: '60' }],
    });
  }

  // 10 % off the second quantity tier and 15 % off the third of the best pump, for two weeks.
  const best = promoted[0]!;
  const tiers = await db
    .select({ minQuantity: productPriceTiers.minQuantity })
    .from(productPriceTiers)
    .where(eq(productPriceTiers.productId, best.id))
    .orderBy(asc(productPriceTiers.minQuantity));
  if (tiers.length >= 2)
    await createPromotion(supplier, {
      productId: best.id,
      name: 'Irrigation season',
      startsAt: new Date(now.getTime() - day).toISOString(),
      endsAt: new Date(now.getTime() + 14 * day).toISOString(),
      tiers: tiers.slice(1, 3).map((t, i) => ({ minQuantity: t.minQuantity, percentOff: i === 0 ? 10 : 15 })),
    });
  await setShowcase(supplier, { productIds: promoted.slice(0, 4).map((p) => p.id) });
  const others = await db
    .select({ id: products.id })
    .from(products)
    .where(and(ne(products.companyId, supplierUser.companyId), eq(products.status, 'active')))
    .orderBy(asc(products.id))
    .limit(3);
  await setHomeSlots(operator, {
    slots: [
      { productId: best.id, label: 'Irrigation season' },
      ...others.map((p) => ({ productId: p.id, label: null })),
    ],
  });

  // A morning of traffic: a dozen visitors search, three click; the demo buyer searches and clicks.
  for (let i = 1; i <= 12; i++) {
    const visitorId = `demo-visitor-${String(i).padStart(2, '0')}`;
    const [shown] = await sponsoredFor(as(anonymous), { q: i % 3 === 0 ? 'pumps' : 'water pump', visitorId });
    if (shown && i % 4 === 0)
      await recordClick(as(anonymous), { impressionId: shown.impressionId, visitorId });
  }
  const [forBuyer] = await sponsoredFor(buyer, { q: 'water pump', visitorId: null });
  if (forBuyer) await recordClick(buyer, { impressionId: forBuyer.impressionId, visitorId: null });
};
