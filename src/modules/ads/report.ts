import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { moneyJson } from '../../core/money.js';
import { queryRows } from '../../db/raw-sql.js';
import { adRules, dayOf } from './ad-rules.js';
import { findCampaign } from './campaign-store.js';
import { adsPolicy } from './policy.js';
import { adKeywords } from './schema.js';

const dayMs = 24 * 60 * 60 * 1000;
const maxDays = 366;

type Counts = {
  impressions: number;
  clicks: number;
  chargedClicks: number;
  spend: bigint;
  inquiries: number;
  orders: number;
};
type Row = { day: string; keyword_id: string; metric: string; n: string; spend: string | null };

const empty = (): Counts => ({
  impressions: 0,
  clicks: 0,
  chargedClicks: 0,
  spend: 0n,
  inquiries: 0,
  orders: 0,
});

const add = (into: Counts, from: Counts) => {
  into.impressions += from.impressions;
  into.clicks += from.clicks;
  into.chargedClicks += from.chargedClicks;
  into.spend += from.spend;
  into.inquiries += from.inquiries;
  into.orders += from.orders;
};

/** CTR as a fraction (4 decimals) and the average price of a charged click, rounded half up. */
const metrics = (c: Counts, currency: string) => ({
  impressions: c.impressions,
  clicks: c.clicks,
  chargedClicks: c.chargedClicks,
  ctr: c.impressions === 0 ? 0 : Math.round((c.clicks / c.impressions) * 10_000) / 10_000,
  averageCpc: moneyJson(
    c.chargedClicks === 0 ? 0n : (2n * c.spend + BigInt(c.chargedClicks)) / (2n * BigInt(c.chargedClicks)),
    currency,
  ),
  spend: moneyJson(c.spend, currency),
  inquiries: c.inquiries,
  orders: c.orders,
});

/**
 * Every measure per (day, keyword) in one statement. Inquiries and orders
 * are attributed to the last click, within `attributionDays` before them,
 * by the buyer who sent the inquiry or placed the order on the product it
 * names, among all the supplier's clicks: the day and keyword are that
 * click's. Visitors' clicks (no company) attribute nothing.
 */
const countsQuery = (c: { companyId: string; campaignId: string }, from: string, to: string) => {
  const window = sql`${`${adRules.attributionDays} days`}::interval`;
  const lastClick = (buyer: SQL, at: SQL, product: SQL) => sql`
    select k.campaign_id, k.keyword_id, k.day from ad_clicks k
    where k.company_id = ${c.companyId} and k.clicker_company_id = ${buyer} and ${product}
      and k.created_at <= ${at} and k.created_at > ${at} - ${window}
    order by k.created_at desc, k.id desc limit 1`;
  const inRange = sql`a.campaign_id = ${c.campaignId} and a.day between ${from}::date and ${to}::date`;
  // Inquiries and orders from the first day until the attribution window of the last has passed.
  const since = sql`(${from}::date)::timestamp at time zone 'UTC'`;
  const until = sql`(${to}::date + ${adRules.attributionDays + 1}::int)::timestamp at time zone 'UTC'`;
  return sql`
    select day::text, keyword_id, 'impressions' as metric, count(*)::text as n, null as spend
    from ad_impressions
    where company_id = ${c.companyId} and campaign_id = ${c.campaignId} and day between ${from}::date and ${to}::date
    group by day, keyword_id
    union all
    select day::text, keyword_id, 'clicks', count(*)::text, sum(price)::text
    from ad_clicks
    where company_id = ${c.companyId} and campaign_id = ${c.campaignId} and day between ${from}::date and ${to}::date
    group by day, keyword_id
    union all
    select day::text, keyword_id, 'charged', count(*)::text, null
    from ad_clicks
    where company_id = ${c.companyId} and campaign_id = ${c.campaignId} and charged
      and day between ${from}::date and ${to}::date
    group by day, keyword_id
    union all
    select a.day::text, a.keyword_id, 'inquiries', count(*)::text, null
    from inquiries i
    cross join lateral (${lastClick(sql`i.company_id`, sql`i.created_at`, sql`k.product_id = i.product_id`)}) a
    where i.supplier_id = ${c.companyId} and i.product_id is not null
      and i.created_at >= ${since} and i.created_at < ${until} and ${inRange}
    group by a.day, a.keyword_id
    union all
    select a.day::text, a.keyword_id, 'orders', count(*)::text, null
    from orders o
    cross join lateral (${lastClick(
      sql`o.buyer_id`,
      sql`o.created_at`,
      sql`exists (select 1 from jsonb_array_elements(o.lines) l where l->>'productId' = k.product_id)`,
    )}) a
    where o.company_id = ${c.companyId} and o.created_at >= ${since} and o.created_at < ${until} and ${inRange}
    group by a.day, a.keyword_id`;
};

const period = (now: Date, input: { from?: string; to?: string }) => {
  const to = input.to ?? dayOf(now);
  const from = input.from ?? dayOf(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * dayMs));
  const days = (Date.parse(to) - Date.parse(from)) / dayMs + 1;
  if (days < 1 || days > maxDays)
    throw new AppError('VALIDATION_FAILED', `A report covers 1 to ${maxDays} days, from ≤ to`, { from, to });
  return { from, to };
};

/**
 * A campaign's report over [from, to] (UTC days, the last 30 by default):
 * impressions, clicks (every click kept, charged or not), charged clicks,
 * CTR, average CPC, spend, and the inquiries and orders attributed, for the
 * campaign, per keyword, per day, and per keyword and day.
 */
export const campaignReport = async (ctx: Ctx, id: string, input: { from?: string; to?: string }) => {
  const campaign = adsPolicy.assertOwner(ctx.actor, await findCampaign(ctx.db, id), 'Campaign', id);
  const { from, to } = period(ctx.now(), input);
  const rows = await queryRows<Row>(
    ctx.db,
    countsQuery({ companyId: campaign.companyId, campaignId: id }, from, to),
  );
  const keywords = await ctx.db
    .select()
    .from(adKeywords)
    .where(and(eq(adKeywords.companyId, campaign.companyId), eq(adKeywords.campaignId, id)))
    .orderBy(asc(adKeywords.id));

  const cells = new Map<string, Counts & { day: string; keywordId: string }>();
  for (const r of rows) {
    const key = `${r.day}|${r.keyword_id}`;
    const cell = cells.get(key) ?? { ...empty(), day: r.day, keywordId: r.keyword_id };
    cells.set(key, cell);
    const n = Number(r.n);
    if (r.metric === 'impressions') cell.impressions = n;
    else if (r.metric === 'clicks') {
      cell.clicks = n;
      cell.spend = BigInt(r.spend ?? '0');
    } else if (r.metric === 'charged') cell.chargedClicks = n;
    else if (r.metric === 'inquiries') cell.inquiries = n;
    else cell.orders = n;
  }
  const totals = empty();
  const byDay = new Map<string, Counts>();
  const byKeyword = new Map<string, Counts>(keywords.map((k) => [k.id, empty()]));
  for (const cell of cells.values()) {
    add(totals, cell);
    if (!byDay.has(cell.day)) byDay.set(cell.day, empty());
    add(byDay.get(cell.day)!, cell);
    if (!byKeyword.has(cell.keywordId)) byKeyword.set(cell.keywordId, empty());
    add(byKeyword.get(cell.keywordId)!, cell);
  }
  const currency = campaign.currency;
  const keywordOf = new Map(keywords.map((k) => [k.id, k]));
  return {
    campaignId: campaign.id,
    currency,
    from,
    to,
    attributionDays: adRules.attributionDays,
    totals: metrics(totals, currency),
    byDay: [...byDay]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([day, c]) => ({ day, ...metrics(c, currency) })),
    byKeyword: [...byKeyword].map(([keywordId, c]) => {
      const k = keywordOf.get(keywordId);
      return {
        keywordId,
        text: k?.text ?? '',
        matchType: k?.matchType ?? null,
        status: k?.status ?? 'removed',
        ...metrics(c, currency),
      };
    }),
    rows: [...cells.values()]
      .sort((a, b) => (a.day === b.day ? (a.keywordId < b.keywordId ? -1 : 1) : a.day < b.day ? -1 : 1))
      .map((c) => ({ day: c.day, keywordId: c.keywordId, ...metrics(c, currency) })),
  };
};
