import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { queryRows } from '../../db/raw-sql.js';
import { memberRoles, requireRole } from '../identity/index.js';
import { orders } from '../orders/index.js';
import { inquiries, quotes } from '../sourcing/index.js';
import { tradeFacts } from './schema.js';

export const SupplierAnalyticsQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(24).default(12),
});

const MonthFigures = z.object({
  /** YYYY-MM, UTC. */
  month: z.string(),
  inquiries: z.number().int(),
  /** Inquiries first answered within 24 hours. */
  inquiriesAnsweredInDay: z.number().int(),
  quotesSent: z.number().int(),
  quotesWon: z.number().int(),
  ordersPlaced: z.number().int(),
  /** Paid orders less refunds, in USD cents at each day's rate (the trade index's facts). */
  paidUsd: z.string(),
  paidOrders: z.number().int(),
});

const Share = z.object({ key: z.string(), paidUsd: z.string(), orders: z.number().int() });

export const SupplierAnalytics = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(MonthFigures),
  buyerCountries: z.array(Share),
  categories: z.array(Share),
});
export type SupplierAnalytics = z.infer<typeof SupplierAnalytics>;

/** Any member of a supplier company reads its own figures; nobody reads another's. */
const analyticsReaders = { kinds: ['supplier'], roles: memberRoles } as const;

const monthKey = (at: Date) => at.toISOString().slice(0, 7);

const firstOfMonthsAgo = (now: Date, monthsAgo: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));

type Counted = { month: string } & Record<string, string | number | null>;

const byMonth = (rows: Counted[]) => new Map(rows.map((r) => [r.month, r]));
const num = (row: Counted | undefined, key: string) => Number(row?.[key] ?? 0);

/**
 * A supplier's own funnel, month by month: inquiries received and answered
 * within a day, quotes sent and won, orders placed, and paid trade (the same
 * facts the trade index is built from), with its top buyer countries and
 * categories over the period. Months with no activity are zeros, not gaps.
 */
export const supplierAnalytics = async (
  ctx: Ctx,
  query: z.infer<typeof SupplierAnalyticsQuery>,
): Promise<SupplierAnalytics> => {
  const supplier = requireRole(ctx.actor, analyticsReaders);
  const now = ctx.now();
  const since = firstOfMonthsAgo(now, query.months - 1);
  const until = firstOfMonthsAgo(now, -1);
  const id = supplier.companyId;
  const [from, to] = [since.toISOString(), until.toISOString()];
  const month = (column: unknown) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM')`;

  const [inquiryRows, quoteRows, orderRows, paidRows, countries, categories] = await Promise.all([
    queryRows<Counted>(
      ctx.db,
      sql`select ${month(inquiries.createdAt)} as month, count(*) as received,
          count(*) filter (where ${inquiries.firstResponseAt} <= ${inquiries.createdAt} + interval '24 hours') as answered
        from ${inquiries}
        where ${inquiries.supplierId} = ${id} and ${inquiries.valid}
          and ${inquiries.createdAt} >= ${from}::timestamptz and ${inquiries.createdAt} < ${to}::timestamptz
        group by 1`,
    ),
    queryRows<Counted>(
      ctx.db,
      sql`select ${month(quotes.createdAt)} as month, count(*) as sent,
          count(*) filter (where ${quotes.acceptedVersion} is not null) as won
        from ${quotes}
        where ${quotes.companyId} = ${id}
          and ${quotes.createdAt} >= ${from}::timestamptz and ${quotes.createdAt} < ${to}::timestamptz
        group by 1`,
    ),
    queryRows<Counted>(
      ctx.db,
      sql`select ${month(orders.createdAt)} as month, count(*) as placed
        from ${orders}
        where ${orders.companyId} = ${id}
          and ${orders.createdAt} >= ${from}::timestamptz and ${orders.createdAt} < ${to}::timestamptz
        group by 1`,
    ),
    queryRows<Counted>(
      ctx.db,
      sql`select to_char(${tradeFacts.paidOn}, 'YYYY-MM') as month, sum(${tradeFacts.amountUsd})::text as usd,
          sum(${tradeFacts.orders}) as paid
        from ${tradeFacts}
        where ${tradeFacts.supplierId} = ${id}
          and ${tradeFacts.paidOn} >= ${from}::date and ${tradeFacts.paidOn} < ${to}::date
        group by 1`,
    ),
    topShares(ctx, sql`${tradeFacts.buyerCountry}`, id, from, to),
    topShares(ctx, sql`${tradeFacts.category}`, id, from, to),
  ]);

  const inq = byMonth(inquiryRows);
  const quo = byMonth(quoteRows);
  const ord = byMonth(orderRows);
  const paid = byMonth(paidRows);
  const months = Array.from({ length: query.months }, (_, i) => {
    const key = monthKey(firstOfMonthsAgo(now, query.months - 1 - i));
    return {
      month: key,
      inquiries: num(inq.get(key), 'received'),
      inquiriesAnsweredInDay: num(inq.get(key), 'answered'),
      quotesSent: num(quo.get(key), 'sent'),
      quotesWon: num(quo.get(key), 'won'),
      ordersPlaced: num(ord.get(key), 'placed'),
      paidUsd: String(paid.get(key)?.usd ?? '0'),
      paidOrders: num(paid.get(key), 'paid'),
    };
  });
  return { from: monthKey(since), to: monthKey(now), months, buyerCountries: countries, categories };
};

/** The five largest buyer countries or categories by paid trade over the period. */
const topShares = async (ctx: Ctx, key: SQL, supplierId: string, from: string, to: string) =>
  (
    await queryRows<{ key: string; usd: string; orders: string | number }>(
      ctx.db,
      sql`select ${key} as key, sum(${tradeFacts.amountUsd})::text as usd, sum(${tradeFacts.orders}) as orders
        from ${tradeFacts}
        where ${tradeFacts.supplierId} = ${supplierId}
          and ${tradeFacts.paidOn} >= ${from}::date and ${tradeFacts.paidOn} < ${to}::date
        group by 1 order by sum(${tradeFacts.amountUsd}) desc, 1 limit 5`,
    )
  ).map((r) => ({ key: r.key, paidUsd: r.usd, orders: Number(r.orders) }));
