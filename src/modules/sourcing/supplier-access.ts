import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isInvited, type RfqRow } from './rfq-store.js';

export type SupplierAccess = {
  invited: boolean;
  /** Has active listings in the RFQ's industry (the condition for quoting at all). */
  listsInIndustry: boolean;
  /** May read and quote: invited, or the RFQ is public and it lists in the industry. */
  mayQuote: boolean;
};

const listsIn = async (db: Db, supplierId: string, industryCode: string) => {
  const found = (await db.execute(
    sql`select 1 from search_products where company_id = ${supplierId} and industry_code = ${industryCode} limit 1`,
  )) as unknown as { rows: unknown[] };
  return found.rows.length > 0;
};

/** What a supplier may do with an RFQ, decided from the data (the policy then applies it). */
export const supplierAccessTo = async (
  db: Db,
  rfq: Pick<RfqRow, 'companyId' | 'id' | 'industryCode' | 'visibility'>,
  supplierId: string,
): Promise<SupplierAccess> => {
  const [invited, listsInIndustry] = await Promise.all([
    isInvited(db, rfq, supplierId),
    listsIn(db, supplierId, rfq.industryCode),
  ]);
  return { invited, listsInIndustry, mayQuote: invited || (rfq.visibility === 'public' && listsInIndustry) };
};
