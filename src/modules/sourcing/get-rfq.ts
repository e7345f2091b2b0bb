import { and, count, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import {
  actsFor,
  findCompany,
  findCompanyCards,
  requireCompanyActor,
  toCompanyCard,
} from '../identity/index.js';
import type { RfqView } from './api.js';
import { sourcingPolicy } from './policy.js';
import { attachmentLinks, findRfqRow, type RfqRow, toRfqView } from './rfq-store.js';
import { quotes, rfqMatches, rfqs } from './schema.js';
import { supplierAccessTo } from './supplier-access.js';

/** Loads an RFQ the actor may read, with what they may do: 404 for anyone without a part in it. */
export const readableRfq = async (ctx: Ctx, rfqId: string) => {
  const member = requireCompanyActor(ctx.actor);
  const row = await findRfqRow(ctx.db, rfqId);
  const access =
    row && member.companyKind === 'supplier' && !actsFor(member, row.companyId)
      ? await supplierAccessTo(ctx.db, row, member.companyId)
      : undefined;
  sourcingPolicy.assertCanReadRfq(member, row, rfqId, () => access?.mayQuote ?? false);
  return { row: row!, member, access };
};

export const rfqViewFor = async (ctx: Ctx, row: RfqRow, invited: boolean): Promise<RfqView> => {
  const member = requireCompanyActor(ctx.actor);
  const isBuyerSide = actsFor(member, row.companyId);
  const role = member.companyId === row.companyId ? 'buyer' : isBuyerSide ? 'operator' : 'supplier';
  const [mine, match] =
    role === 'supplier'
      ? await Promise.all([
          ctx.db
            .select({ id: quotes.id })
            .from(quotes)
            .where(and(eq(quotes.rfqId, row.id), eq(quotes.companyId, member.companyId)))
            .limit(1),
          ctx.db
            .select()
            .from(rfqMatches)
            .where(
              and(
                eq(rfqMatches.companyId, row.companyId),
                eq(rfqMatches.rfqId, row.id),
                eq(rfqMatches.supplierId, member.companyId),
              ),
            )
            .limit(1),
        ])
      : [[], []];
  const buyer = toCompanyCard((await findCompany(ctx.db, row.companyId))!);
  const files = await attachmentLinks(ctx.db, row.companyId, row.attachmentIds, `/api/rfqs/${row.id}`);
  const own = match[0];
  return toRfqView(
    row,
    buyer,
    {
      role,
      invited: invited || own !== undefined,
      myQuoteId: mine[0]?.id ?? null,
      match: own
        ? { rank: own.rank, score: own.score, components: own.components, reasons: own.reasons }
        : null,
    },
    files,
  );
};

export const getRfq = async (ctx: Ctx, input: { rfqId: string }): Promise<RfqView> => {
  const { row, access } = await readableRfq(ctx, input.rfqId);
  return rfqViewFor(ctx, row, access?.invited ?? false);
};

/** The suppliers an RFQ invited, with their scores: the buyer's (and operator's) view only. */
export const getRfqMatches = async (ctx: Ctx, input: { rfqId: string }) => {
  const member = requireCompanyActor(ctx.actor);
  const row = await findRfqRow(ctx.db, input.rfqId);
  if (!row || !actsFor(member, row.companyId)) throw notFound('RFQ', input.rfqId);
  const matches = await ctx.db
    .select()
    .from(rfqMatches)
    .where(and(eq(rfqMatches.companyId, row.companyId), eq(rfqMatches.rfqId, row.id)))
    .orderBy(rfqMatches.rank);
  const cards = await findCompanyCards(
    ctx.db,
    matches.map((m) => m.supplierId),
  );
  return {
    items: matches.map((m) => ({
      supplier: cards.get(m.supplierId)!,
      rank: m.rank,
      score: m.score,
      components: m.components,
      reasons: m.reasons,
    })),
  };
};

/** The buyer company's RFQs, newest first. */
export const listMyRfqs = async (ctx: Ctx, input: { page: number; pageSize: number }) => {
  const member = requireCompanyActor(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(rfqs)
    .where(eq(rfqs.companyId, member.companyId))
    .orderBy(desc(rfqs.createdAt))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [counted] = await ctx.db
    .select({ n: count() })
    .from(rfqs)
    .where(eq(rfqs.companyId, member.companyId));
  const items = [];
  for (const row of rows) items.push(await rfqViewFor(ctx, row, false));
  return { total: Number(counted?.n ?? 0), page: input.page, pageSize: input.pageSize, items };
};
