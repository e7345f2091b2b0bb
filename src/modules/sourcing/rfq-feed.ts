import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { queryRows } from '../../db/raw-sql.js';
import { requireRole } from '../identity/index.js';
import { rfqViewFor } from './get-rfq.js';
import { supplierSellers } from './policy.js';
import { quotaStatus } from './quota.js';
import { quotes, rfqMatches, rfqs } from './schema.js';

const feedSize = 50;

/**
 * A supplier's RFQ feed: the RFQs it was invited to (with why), public RFQs
 * in its categories, and any RFQ it has quoted on, newest first; with its
 * quota left this month.
 */
export const rfqFeed = async (ctx: Ctx, input: { status?: 'open' | 'all' }) => {
  const member = requireRole(ctx.actor, supplierSellers);
  const me = member.companyId;
  const onlyOpen = (input.status ?? 'open') === 'open';
  const found = await queryRows<{ id: string }>(
    ctx.db,
    sql`
    select r.id from rfqs r
    where r.status <> 'draft' ${onlyOpen ? sql`and r.status = 'published'` : sql``}
      and (
        exists (select 1 from rfq_matches m where m.company_id = r.company_id and m.rfq_id = r.id and m.supplier_id = ${me})
        or exists (select 1 from quotes q where q.rfq_id = r.id and q.company_id = ${me})
        or (r.visibility = 'public' and exists (select 1 from search_products sp
          where sp.company_id = ${me}
            and sp.category_code = split_part(r.category_code, '/', 1) || '/' || split_part(r.category_code, '/', 2)))
      )
    order by r.published_at desc nulls last, r.id desc
    limit ${feedSize}`,
  );
  const ids = found.map((r) => r.id);
  const [rows, matches, mine, quota] = await Promise.all([
    ids.length ? ctx.db.select().from(rfqs).where(inArray(rfqs.id, ids)) : [],
    ids.length
      ? ctx.db
          .select()
          .from(rfqMatches)
          .where(and(eq(rfqMatches.supplierId, me), inArray(rfqMatches.rfqId, ids)))
      : [],
    ids.length
      ? ctx.db
          .select({ id: quotes.id, rfqId: quotes.rfqId, status: quotes.status })
          .from(quotes)
          .where(and(eq(quotes.companyId, me), inArray(quotes.rfqId, ids)))
      : [],
    quotaStatus(ctx.db, me, ctx.now()),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const matchOf = new Map(matches.map((m) => [m.rfqId, m]));
  const quoteOf = new Map(mine.map((q) => [q.rfqId, q]));
  const items = [];
  for (const id of ids) {
    const row = byId.get(id)!;
    const match = matchOf.get(id);
    const quote = quoteOf.get(id);
    items.push({
      rfq: await rfqViewFor(ctx, row, match !== undefined),
      match: match
        ? { rank: match.rank, score: match.score, components: match.components, reasons: match.reasons }
        : null,
      myQuote: quote ? { id: quote.id, status: quote.status } : null,
    });
  }
  return { quota, items };
};
