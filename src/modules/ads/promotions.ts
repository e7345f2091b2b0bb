import { and, desc, eq, gt, inArray, lt, lte, ne } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { findPriceTiers, type ProductPromotion, type PromotionSource, products } from '../catalog/index.js';
import type { CreatePromotionInput, UpdatePromotionInput } from './api.js';
import { adsPolicy } from './policy.js';
import { type AdPromotionTier, adPromotions } from './schema.js';

type PromotionRow = typeof adPromotions.$inferSelect;

const maxWindowMs = 90 * 24 * 60 * 60 * 1000;

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

const stateOf = (p: PromotionRow, now: Date) =>
  p.status === 'cancelled'
    ? 'cancelled'
    : now < p.startsAt
      ? 'scheduled'
      : now < p.endsAt
        ? 'running'
        : 'ended';

const view = (p: PromotionRow, now: Date) => ({
  id: p.id,
  productId: p.productId,
  name: p.name,
  startsAt: p.startsAt.toISOString(),
  endsAt: p.endsAt.toISOString(),
  tiers: p.tiers,
  status: p.status,
  state: stateOf(p, now),
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/**
 * The product, locked, if it is the advertiser's active listing: promotions
 * of one product are created and edited one at a time, so two can never
 * overlap.
 */
const lockOwnProduct = async (db: Db, companyId: string, productId: string) =>
  (
    await db
      .select({ id: products.id, companyId: products.companyId })
      .from(products)
      .where(
        and(eq(products.companyId, companyId), eq(products.id, productId), eq(products.status, 'active')),
      )
      .for('update')
  )[0];

/**
 * The rules a promotion keeps: it ends after it starts, in the future, at
 * most 90 days later; each tier names the start of one of the product's list
 * tiers, once; and no other promotion of the product overlaps it.
 */
const checkPromotion = async (
  db: Db,
  now: Date,
  p: {
    id: string | null;
    companyId: string;
    productId: string;
    startsAt: Date;
    endsAt: Date;
    tiers: readonly AdPromotionTier[];
  },
) => {
  if (p.endsAt <= p.startsAt) throw invalid('endsAt', 'A promotion ends after it starts');
  if (p.endsAt <= now) throw invalid('endsAt', 'A promotion must end in the future');
  if (p.endsAt.getTime() - p.startsAt.getTime() > maxWindowMs)
    throw invalid('endsAt', 'A promotion runs at most 90 days');
  const starts = new Set((await findPriceTiers(db, p.companyId, p.productId)).map((t) => t.minQuantity));
  const seen = new Set<number>();
  p.tiers.forEach((t, i) => {
    if (!starts.has(t.minQuantity))
      throw invalid(
        `tiers[${i}].minQuantity`,
        `tiers[${i}]: the product has no price tier starting at ${t.minQuantity} (its tiers start at ${[...starts].join(', ')})`,
      );
    if (seen.has(t.minQuantity)) throw invalid(`tiers[${i}].minQuantity`, `tiers[${i}]: listed twice`);
    seen.add(t.minQuantity);
  });
  const overlapping = await db
    .select({ id: adPromotions.id })
    .from(adPromotions)
    .where(
      and(
        eq(adPromotions.productId, p.productId),
        eq(adPromotions.status, 'active'),
        ne(adPromotions.id, p.id ?? ''),
        lt(adPromotions.startsAt, p.endsAt),
        gt(adPromotions.endsAt, p.startsAt),
      ),
    );
  if (overlapping.length > 0)
    throw new AppError('CONFLICT', `Promotion ${overlapping[0]!.id} of this product overlaps that time`, {
      promotionId: overlapping[0]!.id,
    });
};

/** A supplier discounts one of its products' quantity tiers for a while. */
export const createPromotion = async (ctx: Ctx, input: CreatePromotionInput) => {
  const advertiser = adsPolicy.assertAdvertiser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    if (!(await lockOwnProduct(tx.db, advertiser.companyId, input.productId)))
      throw invalid('productId', `${input.productId} is not among your active products`);
    const promotion = {
      companyId: advertiser.companyId,
      productId: input.productId,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      tiers: input.tiers,
    };
    await checkPromotion(tx.db, now, { id: null, ...promotion });
    const [row] = await tx.db
      .insert(adPromotions)
      .values({
        ...promotion,
        id: newId('prm', now),
        name: input.name,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return view(row!, now);
  });
};

const findPromotion = async (db: Db, id: string) =>
  (await db.select().from(adPromotions).where(eq(adPromotions.id, id)))[0];

/** Renames, re-times, re-prices or cancels a promotion; an ended or cancelled one no longer changes. */
export const updatePromotion = async (ctx: Ctx, id: string, input: UpdatePromotionInput) => {
  adsPolicy.assertAdvertiser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const found = adsPolicy.assertOwner(tx.actor, await findPromotion(tx.db, id), 'Promotion', id);
    const state = stateOf(found, now);
    if (state === 'cancelled' || state === 'ended')
      throw new AppError('INVALID_TRANSITION', `Promotion ${id} has ${state}`, { from: state });
    if (!(await lockOwnProduct(tx.db, found.companyId, found.productId)) && input.status !== 'cancelled')
      throw invalid('productId', `${found.productId} is no longer an active product`);
    const changed = {
      name: input.name ?? found.name,
      startsAt: input.startsAt ? new Date(input.startsAt) : found.startsAt,
      endsAt: input.endsAt ? new Date(input.endsAt) : found.endsAt,
      tiers: input.tiers ?? found.tiers,
      status: input.status ?? found.status,
    };
    if (state === 'running' && changed.startsAt.getTime() !== found.startsAt.getTime())
      throw invalid('startsAt', 'A running promotion keeps its start');
    if (changed.status === 'active') await checkPromotion(tx.db, now, { ...found, ...changed });
    const [row] = await tx.db
      .update(adPromotions)
      .set({ ...changed, updatedAt: now })
      .where(and(eq(adPromotions.companyId, found.companyId), eq(adPromotions.id, id)))
      .returning();
    return view(row!, now);
  });
};

export const getPromotion = async (ctx: Ctx, id: string) =>
  view(adsPolicy.assertOwner(ctx.actor, await findPromotion(ctx.db, id), 'Promotion', id), ctx.now());

/** The supplier's promotions, newest first. */
export const listPromotions = async (ctx: Ctx) => {
  const advertiser = adsPolicy.assertAdvertiser(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(adPromotions)
    .where(eq(adPromotions.companyId, advertiser.companyId))
    .orderBy(desc(adPromotions.id));
  return rows.map((r) => view(r, ctx.now()));
};

/**
 * The catalog's promotion source: for each product the promotion running at
 * `at`. Overlaps are refused when written; should two ever run at once, the
 * one that started last applies (then the newer id), deterministically.
 */
export const runningPromotions: PromotionSource = async (db, productIds, at) => {
  const rows = await db
    .select()
    .from(adPromotions)
    .where(
      and(
        inArray(adPromotions.productId, [...productIds]),
        eq(adPromotions.status, 'active'),
        lte(adPromotions.startsAt, at),
        gt(adPromotions.endsAt, at),
      ),
    )
    .orderBy(desc(adPromotions.startsAt), desc(adPromotions.id));
  const running = new Map<string, ProductPromotion>();
  for (const r of rows) {
    if (running.has(r.productId)) continue;
    running.set(r.productId, {
      id: r.id,
      name: r.name,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      tiers: r.tiers,
    });
  }
  return running;
};
