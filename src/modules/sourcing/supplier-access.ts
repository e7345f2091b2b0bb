import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw-sql.js';
import { isInvited, type RfqRow } from './rfq-store.js';

export type SupplierAccess = {
  invited: boolean;
  /** Has active listings in the RFQ's industry (the condition for quoting at all). */
  listsInIndustry: boolean;
  /** May read and quote: invited, or the RFQ is public and it lists in the RFQ's category. */
  mayQuote: boolean;
};

/** The sub-category's category, or the category itself: the level public RFQs are open at. */
export const categoryOf = (categoryCode: string) => categoryCode.split('/').slice(0, 2).join('/');

const listsIn = async (
  db: Db,
  supplierId: string,
  column: 'industry_code' | 'category_code',
  code: string,
) => {
  const found = await queryRows(
    db,
    sql`select 1 from search_products where company_id = ${supplierId} and ${sql.identifier(column)} = ${code} limit 1`,
  );
  return found.length > 0;
};

/** What a supplier may do with an RFQ, decided from the data (the policy then applies it). */
export const supplierAccessTo = async (
  db: Db,
  rfq: Pick<RfqRow, 'companyId' | 'id' | 'industryCode' | 'categoryCode' | 'visibility'>,
  supplierId: string,
): Promise<SupplierAccess> => {
  const [invited, listsInIndustry, listsInCategory] = await Promise.all([
    isInvited(db, rfq, supplierId),
    listsIn(db, supplierId, 'industry_code', rfq.industryCode),
    rfq.visibility === 'public'
      ? listsIn(db, supplierId, 'category_code', categoryOf(rfq.categoryCode))
      : false,
  ]);
  return { invited, listsInIndustry, mayQuote: invited || listsInCategory };
};
