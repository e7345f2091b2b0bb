import { and, eq, inArray } from 'drizzle-orm';
import { moneyJson } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import type { CompanyCard } from '../identity/index.js';
import type { RfqView } from './api.js';
import { maxQuotesPerRfq } from './machines.js';
import { attachments, rfqMatches, rfqs } from './schema.js';

export type RfqRow = typeof rfqs.$inferSelect;

export const findRfqRow = async (db: Db, id: string, options: { lock?: boolean } = {}) => {
  const query = db.select().from(rfqs).where(eq(rfqs.id, id)).limit(1);
  return (await (options.lock ? query.for('update') : query))[0];
};

/** Was this supplier invited to this RFQ (a stored match)? */
export const isInvited = async (db: Db, rfq: Pick<RfqRow, 'companyId' | 'id'>, supplierId: string) =>
  (
    await db
      .select({ rank: rfqMatches.rank })
      .from(rfqMatches)
      .where(
        and(
          eq(rfqMatches.companyId, rfq.companyId),
          eq(rfqMatches.rfqId, rfq.id),
          eq(rfqMatches.supplierId, supplierId),
        ),
      )
      .limit(1)
  ).length > 0;

export const attachmentLinks = async (db: Db, companyId: string, ids: readonly string[], base: string) => {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: attachments.id, fileName: attachments.fileName })
    .from(attachments)
    .where(and(eq(attachments.companyId, companyId), inArray(attachments.id, [...ids])));
  return rows.map((r) => ({ ...r, url: `${base}/attachments/${r.id}` }));
};

export const toRfqView = (
  row: RfqRow,
  buyer: CompanyCard,
  viewer: RfqView['viewer'],
  files: RfqView['attachments'],
): RfqView => ({
  id: row.id,
  buyer,
  status: row.status,
  title: row.title,
  description: row.description,
  language: row.language,
  industryCode: row.industryCode,
  categoryCode: row.categoryCode,
  quantity: row.quantity,
  unit: row.unit,
  currency: row.currency,
  targetUnitPrice: row.targetUnitPrice === null ? null : moneyJson(row.targetUnitPrice, row.currency),
  destinationCountry: row.destinationCountry,
  destinationPort: row.destinationPort,
  transportMode: row.transportMode,
  incoterm: row.incoterm,
  deadline: row.deadline.toISOString(),
  visibility: row.visibility,
  quoteCount: row.quoteCount,
  maxQuotes: maxQuotesPerRfq,
  awardedQuoteId: row.awardedQuoteId,
  attachments: files,
  createdAt: row.createdAt.toISOString(),
  publishedAt: row.publishedAt?.toISOString() ?? null,
  viewer,
});
