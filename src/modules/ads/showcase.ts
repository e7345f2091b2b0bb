import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { findProductSummaries, products } from '../catalog/index.js';
import { findCompany } from '../identity/index.js';
import { adsPolicy } from './policy.js';
import { adHomeSlots, adShowcaseSlots } from './schema.js';

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

const duplicates = (ids: readonly string[]) => ids.findIndex((id, i) => ids.indexOf(id) !== i);

/** Active products among `ids`, by id, with their supplier. */
const activeProducts = async (ctx: Ctx, ids: readonly string[]) =>
  new Map(
    (ids.length === 0
      ? []
      : await ctx.db
          .select({ id: products.id, companyId: products.companyId })
          .from(products)
          .where(and(inArray(products.id, [...ids]), eq(products.status, 'active')))
    ).map((r) => [r.id, r]),
  );

/** Summaries of the slots' products still active, in slot order. */
const summariesOf = async (ctx: Ctx, slots: readonly { productId: string; companyId: string }[]) => {
  if (slots.length === 0) return [];
  const active = await activeProducts(
    ctx,
    slots.map((s) => s.productId),
  );
  return findProductSummaries(
    ctx.db,
    slots
      .filter((s) => active.has(s.productId))
      .map((s) => ({ companyId: s.companyId, productId: s.productId })),
    ctx.now(),
  );
};

/** The supplier's featured products on its showroom, in order (an empty list clears them). */
export const setShowcase = async (ctx: Ctx, input: { productIds: readonly string[] }) => {
  const advertiser = adsPolicy.assertAdvertiser(ctx.actor);
  const twice = duplicates(input.productIds);
  if (twice >= 0) throw invalid(`productIds[${twice}]`, `productIds[${twice}] is listed twice`);
  await inTransaction(ctx, async (tx) => {
    const own = await activeProducts(tx, input.productIds);
    const missing = input.productIds.findIndex((id) => own.get(id)?.companyId !== advertiser.companyId);
    if (missing >= 0)
      throw invalid(
        `productIds[${missing}]`,
        `productIds[${missing}]: ${input.productIds[missing]} is not among your active products`,
      );
    await tx.db.delete(adShowcaseSlots).where(eq(adShowcaseSlots.companyId, advertiser.companyId));
    if (input.productIds.length > 0)
      await tx.db.insert(adShowcaseSlots).values(
        input.productIds.map((productId, i) => ({
          companyId: advertiser.companyId,
          position: i + 1,
          productId,
          updatedAt: tx.now(),
        })),
      );
  });
  return getShowcase(ctx, advertiser.companyId);
};

/** A supplier's showcase, public: its featured products still listed, in its order. */
export const getShowcase = async (ctx: Ctx, companyId: string) => {
  const company = await findCompany(ctx.db, companyId);
  if (company?.kind !== 'supplier') throw notFound('Supplier', companyId);
  const slots = await ctx.db
    .select()
    .from(adShowcaseSlots)
    .where(eq(adShowcaseSlots.companyId, companyId))
    .orderBy(asc(adShowcaseSlots.position));
  return { companyId, items: await summariesOf(ctx, slots) };
};

export type HomeSlotInput = {
  productId: string;
  label?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
};

/** The operator sets the home page's featured products, in order, each optionally for a time window. */
export const setHomeSlots = async (ctx: Ctx, input: { slots: readonly HomeSlotInput[] }) => {
  const operator = adsPolicy.assertOperator(ctx.actor);
  const ids = input.slots.map((s) => s.productId);
  const twice = duplicates(ids);
  if (twice >= 0) throw invalid(`slots[${twice}].productId`, `slots[${twice}]: the product is listed twice`);
  input.slots.forEach((s, i) => {
    if (s.startsAt && s.endsAt && new Date(s.endsAt) <= new Date(s.startsAt))
      throw invalid(`slots[${i}].endsAt`, `slots[${i}]: ends before it starts`);
  });
  await inTransaction(ctx, async (tx) => {
    const listed = await activeProducts(tx, ids);
    const missing = ids.findIndex((id) => !listed.has(id));
    if (missing >= 0)
      throw invalid(
        `slots[${missing}].productId`,
        `slots[${missing}]: ${ids[missing]} is not an active product`,
      );
    const now = tx.now();
    await tx.db.delete(adHomeSlots);
    if (input.slots.length > 0)
      await tx.db.insert(adHomeSlots).values(
        input.slots.map((s, i) => ({
          position: i + 1,
          id: newId('hsl', now),
          productId: s.productId,
          companyId: listed.get(s.productId)!.companyId,
          label: s.label ?? null,
          startsAt: s.startsAt ? new Date(s.startsAt) : null,
          endsAt: s.endsAt ? new Date(s.endsAt) : null,
          updatedBy: operator.userId,
          updatedAt: now,
        })),
      );
  });
  return listHomeSlots(ctx);
};

/** Every home slot with its window, for the operator's screen. */
export const listHomeSlots = async (ctx: Ctx) => {
  adsPolicy.assertOperator(ctx.actor);
  const slots = await ctx.db.select().from(adHomeSlots).orderBy(asc(adHomeSlots.position));
  return slots.map((s) => ({
    id: s.id,
    position: s.position,
    productId: s.productId,
    label: s.label,
    startsAt: s.startsAt?.toISOString() ?? null,
    endsAt: s.endsAt?.toISOString() ?? null,
  }));
};

/** The home page's featured products now (public): slots inside their window, products still listed. */
export const homeShowcase = async (ctx: Ctx) => {
  const now = ctx.now();
  const slots = (await ctx.db.select().from(adHomeSlots).orderBy(asc(adHomeSlots.position))).filter(
    (s) => (!s.startsAt || s.startsAt <= now) && (!s.endsAt || s.endsAt > now),
  );
  const summaries = new Map((await summariesOf(ctx, slots)).map((p) => [p.id, p]));
  return {
    items: slots.flatMap((s) => {
      const product = summaries.get(s.productId);
      return product ? [{ position: s.position, label: s.label, product }] : [];
    }),
  };
};
