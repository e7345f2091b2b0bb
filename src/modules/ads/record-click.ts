import { and, eq, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { chart, createTransfers } from '../ledger/index.js';
import { adRules, dayOf } from './ad-rules.js';
import { type CampaignRow, findCampaign } from './campaign-store.js';
import { adsPolicy } from './policy.js';
import { type AdClickOutcome, adCampaignDays, adChargeWindows, adClicks, adImpressions } from './schema.js';
import { walletAvailable } from './wallet.js';

type ImpressionRow = typeof adImpressions.$inferSelect;
type Accounts = { wallet: { id: string }; revenue: { id: string } };

/** Thrown inside the charge's savepoint to undo it: the click stays, unpaid, with this outcome. */
class NotCharged extends Error {
  constructor(readonly outcome: Exclude<AdClickOutcome, 'charged'>) {
    super(outcome);
  }
}

/**
 * Charges one click, all or nothing (the caller runs it in a savepoint):
 * 1. the clicker's 24-hour window on this campaign's product moves only if
 *    the last charge is 24 hours old or more (a conditional upsert: of two
 *    racing clicks by one buyer, one is charged);
 * 2. the day's spend grows only if it stays within the budget (a
 *    conditional increment on the campaign's day row, which concurrent
 *    clicks take in turn; the table's check is the last word);
 * 3. the wallet pays the platform's ad revenue through the ledger, which
 *    refuses to draw the wallet below zero.
 */
const charge = async (
  db: Db,
  now: Date,
  c: {
    impression: ImpressionRow;
    campaign: CampaignRow;
    clickId: string;
    clicker: string;
    accounts: Accounts;
  },
) => {
  const { impression, campaign } = c;
  const windowOpen = await db
    .insert(adChargeWindows)
    .values({
      companyId: impression.companyId,
      campaignId: impression.campaignId,
      productId: impression.productId,
      clicker: c.clicker,
      lastChargedAt: now,
    })
    .onConflictDoUpdate({
      target: [
        adChargeWindows.companyId,
        adChargeWindows.campaignId,
        adChargeWindows.productId,
        adChargeWindows.clicker,
      ],
      set: { lastChargedAt: now },
      setWhere: lte(adChargeWindows.lastChargedAt, new Date(now.getTime() - adRules.chargeOnceWithinMs)),
    })
    .returning({ at: adChargeWindows.lastChargedAt });
  if (windowOpen.length === 0) throw new NotCharged('duplicate');

  const day = dayOf(now);
  await db
    .insert(adCampaignDays)
    .values({
      companyId: campaign.companyId,
      campaignId: campaign.id,
      day,
      budget: campaign.dailyBudget,
      updatedAt: now,
    })
    .onConflictDoNothing();
  const spent = await db
    .update(adCampaignDays)
    .set({
      spent: sql`${adCampaignDays.spent} + ${impression.price}`,
      chargedClicks: sql`${adCampaignDays.chargedClicks} + 1`,
      updatedAt: now,
    })
    .where(
      and(
        eq(adCampaignDays.companyId, campaign.companyId),
        eq(adCampaignDays.campaignId, campaign.id),
        eq(adCampaignDays.day, day),
        sql`${adCampaignDays.spent} + ${impression.price} <= ${adCampaignDays.budget}`,
      ),
    )
    .returning({ spent: adCampaignDays.spent });
  if (spent.length === 0) throw new NotCharged('budget_exhausted');

  const transferId = `ads:click:${c.clickId}`;
  const [result] = await createTransfers({ db, now: () => now }, [
    {
      id: transferId,
      debitAccountId: c.accounts.wallet.id,
      creditAccountId: c.accounts.revenue.id,
      amount: impression.price,
      currency: impression.currency,
      reference: `ads:campaign:${campaign.id}:click`,
      userData: {
        impressionId: impression.id,
        keywordId: impression.keywordId,
        productId: impression.productId,
      },
    },
  ]);
  if (result?.result === 'exceeds_credits') throw new NotCharged('wallet_empty');
  if (result?.result !== 'created' && result?.result !== 'exists')
    throw new AppError('INTERNAL', `The ad charge was refused: ${result?.result}`, { transferId });
  return transferId;
};

const clickView = (click: typeof adClicks.$inferSelect) => ({
  clickId: click.id,
  impressionId: click.impressionId,
  productId: click.productId,
  url: `/products/${click.productId}`,
});

/**
 * A buyer follows a sponsored result. The click names the impression the
 * search recorded; it is kept once per impression (a repeat answers the
 * first) and charged at the impression's auction price unless it is the
 * advertiser's own, the impression is over an hour old, the campaign was
 * paused since, the clicker was charged for this ad in the last 24 hours,
 * or the day's budget or the wallet cannot pay it. The clicker learns none
 * of that: the answer is where to go.
 *
 * Who clicks: a signed-in member's company, else an anonymous visitor's id
 * (`x-visitor-id`); a click with neither is refused (401). An impression
 * shown to someone known can be clicked only by them.
 */
export const recordClick = async (ctx: Ctx, input: { impressionId: string; visitorId: string | null }) => {
  const clicker = adsPolicy.clicker(ctx.actor, input.visitorId);
  if (!clicker)
    throw new AppError(
      'UNAUTHENTICATED',
      'Sign in, or send your visitor id (x-visitor-id header), to click an ad',
    );
  const [impression] = await ctx.db
    .select()
    .from(adImpressions)
    .where(eq(adImpressions.id, input.impressionId));
  // A visitor who signed in between the search and the click still holds its visitor id.
  const seenBy = new Set([clicker.key, ...(input.visitorId ? [`v:${input.visitorId}`] : [])]);
  if (!impression || (impression.viewer !== null && !seenBy.has(impression.viewer)))
    throw notFound('Impression', input.impressionId);

  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const id = newId('clk', now);
    const [click] = await tx.db
      .insert(adClicks)
      .values({
        companyId: impression.companyId,
        id,
        impressionId: impression.id,
        campaignId: impression.campaignId,
        keywordId: impression.keywordId,
        productId: impression.productId,
        clicker: clicker.key,
        clickerCompanyId: clicker.companyId,
        outcome: 'charged',
        charged: false,
        price: 0n,
        currency: impression.currency,
        day: dayOf(now),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!click) {
      // Clicked before: the first click stands, charged or not.
      const [first] = await tx.db.select().from(adClicks).where(eq(adClicks.impressionId, impression.id));
      return clickView(first!);
    }
    const campaign = (await findCampaign(tx.db, impression.campaignId))!;
    let outcome: AdClickOutcome = 'charged';
    let transferId: string | null = null;
    if (clicker.companyId === impression.companyId) outcome = 'own_ad';
    else if (now.getTime() - impression.createdAt.getTime() > adRules.clickWindowMs) outcome = 'expired';
    else if (campaign.status !== 'active') outcome = 'campaign_paused';
    // A shortcut, not the guard (the ledger is): an empty wallet need not queue for the day's row.
    else if ((await walletAvailable(tx.db, campaign.companyId)) < impression.price) outcome = 'wallet_empty';
    else {
      // Opened before the charge, so the locks it takes are held for as few statements as possible.
      const accounts = {
        wallet: await chart.adWallet(tx, campaign.companyId, impression.currency),
        revenue: await chart.adRevenue(tx, impression.currency),
      };
      try {
        transferId = await tx.db.transaction((savepoint) =>
          charge(savepoint as unknown as Db, now, {
            impression,
            campaign,
            clickId: id,
            clicker: clicker.key,
            accounts,
          }),
        );
      } catch (error) {
        if (!(error instanceof NotCharged)) throw error;
        outcome = error.outcome;
      }
    }
    const [recorded] = await tx.db
      .update(adClicks)
      .set({
        outcome,
        charged: outcome === 'charged',
        price: outcome === 'charged' ? impression.price : 0n,
        transferId,
      })
      .where(and(eq(adClicks.companyId, impression.companyId), eq(adClicks.id, id)))
      .returning();
    return clickView(recorded!);
  });
};
