import type { Db } from '../../db/client.js';
import { findQuoteRow, findVersions } from './quote-store.js';
import { findRfqRow } from './rfq-store.js';

/**
 * What an order is drafted from: the accepted quote, its RFQ and the offer
 * of the version the buyer accepted (frozen; later versions cannot exist
 * because an accepted quote is final). Undefined if there is no such quote.
 */
export const findAcceptedOffer = async (db: Db, quoteId: string) => {
  const quote = await findQuoteRow(db, quoteId);
  if (!quote) return undefined;
  const rfq = (await findRfqRow(db, quote.rfqId))!;
  const version =
    quote.acceptedVersion === null
      ? undefined
      : (await findVersions(db, quote)).find((v) => v.version === quote.acceptedVersion);
  return { quote, rfq, offer: version?.offer ?? null };
};
