import { and, asc, eq, inArray } from 'drizzle-orm';
import { moneyJson } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import type { CompanyCard } from '../identity/index.js';
import type { QuoteView } from './api.js';
import { offerJson } from './offer.js';
import { type QuoteOffer, quotes, quoteVersions } from './schema.js';

export type QuoteRow = typeof quotes.$inferSelect;
export type QuoteVersionRow = typeof quoteVersions.$inferSelect;

export const findQuoteRow = async (db: Db, id: string, options: { lock?: boolean } = {}) => {
  const query = db.select().from(quotes).where(eq(quotes.id, id)).limit(1);
  return (await (options.lock ? query.for('update') : query))[0];
};

export const findVersions = (db: Db, quote: Pick<QuoteRow, 'companyId' | 'id'>) =>
  db
    .select()
    .from(quoteVersions)
    .where(and(eq(quoteVersions.companyId, quote.companyId), eq(quoteVersions.quoteId, quote.id)))
    .orderBy(asc(quoteVersions.version));

/** The versions of several quotes in one query, by quote id (a list of quotes is not one query per quote). */
export const findVersionsOf = async (db: Db, rows: readonly Pick<QuoteRow, 'companyId' | 'id'>[]) => {
  const byQuote = new Map<string, QuoteVersionRow[]>(rows.map((q) => [q.id, []]));
  if (rows.length === 0) return byQuote;
  const versions = await db
    .select()
    .from(quoteVersions)
    // The supplier leads the versions' key: narrow by it first so the primary key serves.
    .where(
      and(
        inArray(quoteVersions.companyId, [...new Set(rows.map((q) => q.companyId))]),
        inArray(quoteVersions.quoteId, [...byQuote.keys()]),
      ),
    )
    .orderBy(asc(quoteVersions.quoteId), asc(quoteVersions.version));
  for (const v of versions) byQuote.get(v.quoteId)?.push(v);
  return byQuote;
};

/** The supplier's latest offer: counters interleave with offers, the newest offer stands. */
export const latestOffer = (versions: readonly QuoteVersionRow[]): QuoteOffer => {
  const offers = versions.filter((v) => v.offer !== null);
  return offers.at(-1)!.offer!;
};

export const toQuoteView = (
  row: QuoteRow,
  versions: readonly QuoteVersionRow[],
  supplier: CompanyCard,
): QuoteView => {
  const current = latestOffer(versions);
  return {
    id: row.id,
    rfqId: row.rfqId,
    supplier,
    status: row.status,
    currentVersion: row.currentVersion,
    acceptedVersion: row.acceptedVersion,
    buyerRating: row.buyerRating,
    offer: offerJson(current),
    versions: versions.map((v) => ({
      version: v.version,
      author: v.author,
      offer: v.offer ? offerJson(v.offer) : null,
      counter: v.counter
        ? {
            targetUnitPrice:
              v.counter.targetUnitPrice === null
                ? null
                : moneyJson(BigInt(v.counter.targetUnitPrice), current.currency),
            quantity: v.counter.quantity,
            leadTimeDays: v.counter.leadTimeDays,
          }
        : null,
      message: v.message,
      createdAt: v.createdAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
};
