import { z } from 'zod';
import { adRules } from './ad-rules.js';
import { adCampaignStatuses, adMatchTypes } from './schema.js';

const Id = z.string().min(1).max(64);
export const IdParams = z.strictObject({ id: Id });

const MinorUnits = (min: bigint, max: bigint, what: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `${what} in minor units (a whole number as a string, e.g. "150" for 1.50 USD)`)
    .refine((s) => BigInt(s) >= min && BigInt(s) <= max, {
      message: `${what} must be between ${min} and ${max} minor units of USD`,
    });

export const Bid = MinorUnits(adRules.reservePrice, adRules.maxBid, 'A bid');
export const DailyBudget = MinorUnits(adRules.minDailyBudget, adRules.maxDailyBudget, 'A daily budget');

export const KeywordInput = z.strictObject({
  text: z.string().trim().min(1).max(80),
  matchType: z.enum(adMatchTypes),
  bid: Bid,
});
export type KeywordInput = z.infer<typeof KeywordInput>;

const Keywords = z.array(KeywordInput).min(1).max(adRules.maxKeywordsPerCampaign);
const ProductIds = z.array(Id).min(1).max(adRules.maxProductsPerCampaign);

/** Spend, quality, status of the auction and the owner are the platform's: strict bodies refuse them. */
export const CreateCampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  dailyBudget: DailyBudget,
  keywords: Keywords,
  products: ProductIds,
  status: z.enum(adCampaignStatuses).default('active'),
});
export type CreateCampaignInput = z.infer<typeof CreateCampaignBody>;

/** Keywords and products, when given, replace the campaign's lists (matched by text and match type). */
export const UpdateCampaignBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    status: z.enum(adCampaignStatuses).optional(),
    dailyBudget: DailyBudget.optional(),
    keywords: Keywords.optional(),
    products: ProductIds.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Change at least one field' });
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignBody>;

const IsoDate = z.iso.date();
export const ReportQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });

export const ClickBody = z.strictObject({ impressionId: Id });

export const TopUpBody = z.strictObject({
  supplierId: Id,
  amount: MinorUnits(1n, 10_000_000_000n, 'An amount'),
  currency: z.literal(adRules.currency),
  /** The bank's reference of the wire: a wire is booked once. */
  bankReference: z.string().trim().min(1).max(100),
});

const PromotionTierInput = z.strictObject({
  minQuantity: z.number().int().min(1),
  percentOff: z.number().int().min(1).max(90),
});
const Instant = z.iso.datetime({ offset: true });

export const CreatePromotionBody = z.strictObject({
  productId: Id,
  name: z.string().trim().min(1).max(120),
  startsAt: Instant,
  endsAt: Instant,
  tiers: z.array(PromotionTierInput).min(1).max(10),
});
export type CreatePromotionInput = z.infer<typeof CreatePromotionBody>;

export const UpdatePromotionBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    startsAt: Instant.optional(),
    endsAt: Instant.optional(),
    tiers: z.array(PromotionTierInput).min(1).max(10).optional(),
    status: z.literal('cancelled').optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Change at least one field' });
export type UpdatePromotionInput = z.infer<typeof UpdatePromotionBody>;

export const ShowcaseBody = z.strictObject({
  /** The featured products in display order; an empty list clears the showcase. */
  productIds: z.array(Id).max(adRules.maxShowcaseSlots),
});

export const HomeSlotsBody = z.strictObject({
  slots: z
    .array(
      z.strictObject({
        productId: Id,
        label: z.string().trim().min(1).max(60).nullish(),
        startsAt: Instant.nullish(),
        endsAt: Instant.nullish(),
      }),
    )
    .max(adRules.maxHomeSlots),
});
