import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw-sql.js';
import type { Period } from './period.js';

export type IndexCoverage = {
  /** First and last month with any trade, null when there is none yet. */
  firstMonth: string | null;
  lastMonth: string | null;
  /**
   * The period a reader most likely wants: the year to date of the latest
   * month whose same month a year earlier also had trade, so growth means
   * something. Null until two such months exist.
   */
  suggested: Period | null;
};

/** Which months the index has data for, and a sensible default period. */
export const indexCoverage = async (db: Db): Promise<IndexCoverage> => {
  const [row] = await queryRows<{
    first: string | null;
    last: string | null;
    latest_with_base: string | null;
  }>(
    db,
    sql`with months as (select distinct month from trade_monthly where orders <> 0 or gmv_usd <> 0)
        select to_char(min(month), 'YYYY-MM') as first,
               to_char(max(month), 'YYYY-MM') as last,
               to_char(max(month) filter (where (month - interval '1 year')::date in (select month from months)),
                       'YYYY-MM') as latest_with_base
          from months`,
  );
  const latest = row?.latest_with_base ?? null;
  return {
    firstMonth: row?.first ?? null,
    lastMonth: row?.last ?? null,
    suggested: latest ? { from: `${latest.slice(0, 4)}-01`, to: latest } : null,
  };
};
