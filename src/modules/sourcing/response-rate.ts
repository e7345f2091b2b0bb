import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows, textList } from '../../db/raw-sql.js';

/** An inquiry answered within this long counts as a quick response. */
export const quickResponseHours = 24;
export const responseRateDays = 30;

export type ResponseRate = { rate: number | null; answeredInTime: number; counted: number };

/**
 * Quick Response Rate per supplier over the last 30 days: inquiries answered
 * within 24 h ÷ valid inquiries. An inquiry younger than 24 h that is not yet
 * answered is not counted yet: the supplier still has time. Null rate when
 * nothing counts (a new supplier is not "0 %").
 */
export const responseRates = async (
  db: Db,
  supplierIds: readonly string[],
  now: Date,
): Promise<Map<string, ResponseRate>> => {
  const rates = new Map<string, ResponseRate>(
    supplierIds.map((id) => [id, { rate: null, answeredInTime: 0, counted: 0 }]),
  );
  if (supplierIds.length === 0) return rates;
  const at = now.toISOString();
  const found = await queryRows<{ supplier_id: string; answered: number | string; counted: number | string }>(
    db,
    sql`
    select supplier_id,
      count(*) filter (where first_response_at is not null
        and first_response_at <= created_at + make_interval(hours => ${quickResponseHours})) as answered,
      count(*) filter (where first_response_at is not null
        or created_at <= ${at}::timestamptz - make_interval(hours => ${quickResponseHours})) as counted
    from inquiries
    where valid and supplier_id in ${textList(supplierIds)}
      and created_at > ${at}::timestamptz - make_interval(days => ${responseRateDays})
      and created_at <= ${at}::timestamptz
    group by supplier_id`,
  );
  for (const r of found) {
    const counted = Number(r.counted);
    const answered = Number(r.answered);
    rates.set(r.supplier_id, {
      rate: counted > 0 ? answered / counted : null,
      answeredInTime: answered,
      counted,
    });
  }
  return rates;
};
