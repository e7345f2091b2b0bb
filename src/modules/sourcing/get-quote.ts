import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { actsFor, findCompany, findCompanyCards, toCompanyCard } from '../identity/index.js';
import type { QuoteView } from './api.js';
import { readableRfq } from './get-rfq.js';
import { sourcingPolicy } from './policy.js';
import { findQuoteRow, findVersions, findVersionsOf, type QuoteRow, toQuoteView } from './quote-store.js';
import { quotes } from './schema.js';

export const quoteViewOf = async (ctx: Ctx, row: QuoteRow): Promise<QuoteView> => {
  const supplier = toCompanyCard((await findCompany(ctx.db, row.companyId))!);
  return toQuoteView(row, await findVersions(ctx.db, row), supplier);
};

/** One quote with its negotiation history: its supplier, the RFQ's buyer and the operator only. */
export const getQuote = async (ctx: Ctx, input: { quoteId: string }): Promise<QuoteView> => {
  const row = await findQuoteRow(ctx.db, input.quoteId);
  sourcingPolicy.assertCanReadQuote(ctx.actor, row, input.quoteId);
  return quoteViewOf(ctx, row!);
};

/**
 * The quotes on an RFQ as the reader may see them: the buyer (and operator)
 * every quote, a supplier only its own. Competitors never see each other.
 */
export const listRfqQuotes = async (ctx: Ctx, input: { rfqId: string }) => {
  const { row: rfq, member } = await readableRfq(ctx, input.rfqId);
  const all = await ctx.db.select().from(quotes).where(eq(quotes.rfqId, rfq.id)).orderBy(quotes.createdAt);
  const visible = actsFor(member, rfq.companyId) ? all : all.filter((q) => q.companyId === member.companyId);
  const cards = await findCompanyCards(
    ctx.db,
    visible.map((q) => q.companyId),
  );
  const versions = await findVersionsOf(ctx.db, visible);
  return { items: visible.map((q) => toQuoteView(q, versions.get(q.id)!, cards.get(q.companyId)!)) };
};
