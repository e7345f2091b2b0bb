import { z } from 'zod';
import { isCurrency } from '../../core/money.js';
import { CategoryCode } from '../catalog/index.js';
import { CompanyCardSchema, CountryCode } from '../identity/index.js';
import { incoterms } from './incoterms.js';
import { quoteStatuses, rfqStatuses, transportModes } from './schema.js';

const MinorUnits = z
  .string()
  .regex(/^\d{1,15}$/, 'An amount in minor units (a whole number as a string, e.g. "1250" for 12.50)');
const Text = (max: number) => z.string().trim().max(max);
const Currency = z.string().refine(isCurrency, { message: 'Not an ISO 4217 currency code' });
const Quantity = z.number().int().min(1).max(1_000_000_000);
/** UN/LOCODE: two letters of country, three of place (letters or 2–9). */
const Locode = z
  .string()
  .transform((s) => s.toUpperCase().replace(/\s+/g, ''))
  .pipe(z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'A UN/LOCODE such as ESVLC or CNSHA'));
const AttachmentIds = z.array(z.string().regex(/^att_[0-9a-z]{22}$/, 'An attachment id (att_…)')).max(10);
const Money = z.object({ amount: z.string(), currency: z.string() });
export const IdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const CreateRfqBody = z
  .strictObject({
    title: Text(200).min(3),
    description: Text(5000).default(''),
    language: z.enum(['en', 'zh', 'es']).optional(),
    categoryCode: CategoryCode,
    quantity: Quantity,
    unit: Text(30).min(1),
    targetUnitPrice: MinorUnits.nullish(),
    currency: Currency,
    destinationCountry: CountryCode,
    destinationPort: Locode.nullish(),
    transportMode: z.enum(transportModes),
    incoterm: z.enum(incoterms),
    deadline: z.iso.datetime({ offset: true }),
    visibility: z.enum(['invited', 'public']).default('invited'),
    inviteLimit: z.number().int().min(1).max(100).default(20),
    attachmentIds: AttachmentIds.default([]),
  })
  .describe('A new RFQ, saved as a draft until published');
export type CreateRfqInput = z.infer<typeof CreateRfqBody>;

const MatchComponentsSchema = z.object({
  category: z.number(),
  text: z.number(),
  moq: z.number(),
  capacity: z.number(),
  credibility: z.number(),
  tier: z.number(),
  market: z.number(),
});
const MatchReasonSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
const MatchSchema = z.object({
  rank: z.number(),
  score: z.number(),
  components: MatchComponentsSchema,
  reasons: z.array(MatchReasonSchema),
});

export const RfqSchema = z.object({
  id: z.string(),
  buyer: CompanyCardSchema,
  status: z.enum(rfqStatuses),
  title: z.string(),
  description: z.string(),
  language: z.string().nullable(),
  industryCode: z.string(),
  categoryCode: z.string(),
  quantity: z.number(),
  unit: z.string(),
  /** The buyer's currency: quotes are compared in it. */
  currency: z.string(),
  targetUnitPrice: Money.nullable(),
  destinationCountry: z.string(),
  destinationPort: z.string().nullable(),
  transportMode: z.enum(transportModes),
  incoterm: z.string(),
  deadline: z.string(),
  visibility: z.enum(['invited', 'public']),
  quoteCount: z.number(),
  maxQuotes: z.number(),
  awardedQuoteId: z.string().nullable(),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), url: z.string() })),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  /** What the reader may do next. */
  viewer: z.object({
    role: z.enum(['buyer', 'supplier', 'operator']),
    invited: z.boolean(),
    myQuoteId: z.string().nullable(),
    /** For an invited supplier: why it was matched. */
    match: MatchSchema.nullable(),
  }),
});
export type RfqView = z.infer<typeof RfqSchema>;

export const RfqMatchesSchema = z.object({
  items: z.array(
    z.object({
      supplier: CompanyCardSchema,
      rank: z.number(),
      score: z.number(),
      components: MatchComponentsSchema,
      reasons: z.array(MatchReasonSchema),
    }),
  ),
});

const QuoteTierInput = z.strictObject({
  minQuantity: Quantity,
  maxQuantity: Quantity.nullable(),
  unitPrice: MinorUnits,
});
const QuoteLineInput = z.strictObject({
  productId: z.string().min(1).max(64).nullish(),
  description: Text(500).min(1),
  quantity: Quantity,
  unit: Text(30).min(1),
  priceTiers: z.array(QuoteTierInput).min(1).max(10),
});

export const QuoteOfferBody = z.strictObject({
  currency: Currency,
  lines: z.array(QuoteLineInput).min(1).max(20),
  moq: Quantity,
  leadTimeDays: z.number().int().min(0).max(365),
  incoterm: z.enum(incoterms),
  port: Locode.nullish(),
  validUntil: z.iso.date(),
  sample: z
    .strictObject({
      available: z.boolean(),
      price: MinorUnits.nullish(),
      days: z.number().int().min(0).max(365).nullish(),
    })
    .nullish(),
  message: Text(5000).default(''),
});
export type QuoteOfferInput = z.infer<typeof QuoteOfferBody>;

export const CounterBody = z
  .strictObject({
    targetUnitPrice: MinorUnits.nullish(),
    quantity: Quantity.nullish(),
    leadTimeDays: z.number().int().min(0).max(365).nullish(),
    message: Text(5000).default(''),
  })
  .refine((b) => b.targetUnitPrice != null || b.quantity != null || b.leadTimeDays != null, {
    message: 'A counter-offer names a price, a quantity or a lead time',
  });
export type CounterInput = z.infer<typeof CounterBody>;

export const RespondBody = z.strictObject({
  action: z.enum(['shortlist', 'decline', 'withdraw']),
  reason: Text(1000).optional(),
});

export const RateBody = z.strictObject({ rating: z.number().int().min(1).max(5) });

const OfferSchema = z.object({
  currency: z.string(),
  lines: z.array(
    z.object({
      productId: z.string().nullable(),
      description: z.string(),
      quantity: z.number(),
      unit: z.string(),
      priceTiers: z.array(
        z.object({ minQuantity: z.number(), maxQuantity: z.number().nullable(), unitPrice: Money }),
      ),
    }),
  ),
  moq: z.number(),
  leadTimeDays: z.number(),
  incoterm: z.string(),
  port: z.string().nullable(),
  validUntil: z.string(),
  sample: z
    .object({ available: z.boolean(), price: Money.nullable(), days: z.number().nullable() })
    .nullable(),
  total: Money,
});

export const QuoteVersionSchema = z.object({
  version: z.number(),
  author: z.enum(['supplier', 'buyer']),
  offer: OfferSchema.nullable(),
  counter: z
    .object({
      targetUnitPrice: Money.nullable(),
      quantity: z.number().nullable(),
      leadTimeDays: z.number().nullable(),
    })
    .nullable(),
  message: z.string(),
  createdAt: z.string(),
});

export const QuoteSchema = z.object({
  id: z.string(),
  rfqId: z.string(),
  supplier: CompanyCardSchema,
  status: z.enum(quoteStatuses),
  currentVersion: z.number(),
  acceptedVersion: z.number().nullable(),
  buyerRating: z.number().nullable(),
  offer: OfferSchema,
  versions: z.array(QuoteVersionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QuoteView = z.infer<typeof QuoteSchema>;

export const ComparisonSchema = z.object({
  rfqId: z.string(),
  currency: z.string(),
  quantity: z.number(),
  rateDate: z.string(),
  rows: z.array(
    z.object({
      quoteId: z.string(),
      status: z.enum(quoteStatuses),
      supplier: CompanyCardSchema,
      responseRate: z.number().nullable(),
      tier: z.string().nullable(),
      /** The quantity the row is priced at: the RFQ's, or the quote's MOQ when that is higher. */
      pricedQuantity: z.number(),
      quoted: z.object({ unitPrice: Money, total: Money }),
      normalized: z.object({ unitPrice: Money, total: Money }),
      leadTimeDays: z.number(),
      incoterm: z.string(),
      port: z.string().nullable(),
      moq: z.number(),
      validUntil: z.string(),
      buyerRating: z.number().nullable(),
      matchScore: z.number().nullable(),
    }),
  ),
  /** Quotes that could not be priced at the RFQ quantity or converted on the rate date, and why. */
  unpriced: z.array(z.object({ quoteId: z.string(), reason: z.string() })),
});

export const QuotaSchema = z.object({
  month: z.string(),
  granted: z.number(),
  used: z.number(),
  left: z.number(),
});

export const FeedSchema = z.object({
  quota: QuotaSchema,
  items: z.array(
    z.object({
      rfq: RfqSchema,
      match: MatchSchema.nullable(),
      myQuote: z.object({ id: z.string(), status: z.enum(quoteStatuses) }).nullable(),
    }),
  ),
});

export const OpenInquiryBody = z
  .strictObject({
    supplierId: z.string().min(1).max(64).optional(),
    productId: z.string().min(1).max(64).optional(),
    subject: Text(200).min(1).optional(),
    message: Text(5000).min(1),
    quantity: Quantity.nullish(),
    targetPrice: MinorUnits.nullish(),
    currency: Currency.nullish(),
    attachmentIds: AttachmentIds.default([]),
  })
  .refine((b) => b.supplierId || b.productId, { message: 'Name a productId or a supplierId' })
  .refine((b) => b.targetPrice == null || b.currency != null, {
    message: 'A target price needs its currency',
    path: ['currency'],
  });
export type OpenInquiryInput = z.infer<typeof OpenInquiryBody>;

export const InquiryMessageBody = z
  .strictObject({
    message: Text(5000).min(1),
    quantity: Quantity.nullish(),
    targetPrice: MinorUnits.nullish(),
    currency: Currency.nullish(),
    attachmentIds: AttachmentIds.default([]),
  })
  .refine((b) => b.targetPrice == null || b.currency != null, {
    message: 'A target price needs its currency',
    path: ['currency'],
  });
export type InquiryMessageInput = z.infer<typeof InquiryMessageBody>;

export const InquirySummarySchema = z.object({
  id: z.string(),
  subject: z.string(),
  buyer: CompanyCardSchema,
  supplier: CompanyCardSchema,
  productId: z.string().nullable(),
  unread: z.number(),
  lastMessageAt: z.string(),
  firstResponseAt: z.string().nullable(),
  createdAt: z.string(),
});

export const InquiryMessageSchema = z.object({
  id: z.string(),
  fromCompanyId: z.string(),
  body: z.string(),
  quantity: z.number().nullable(),
  targetPrice: Money.nullable(),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), url: z.string() })),
  createdAt: z.string(),
});

export const InquiryThreadSchema = InquirySummarySchema.extend({ messages: z.array(InquiryMessageSchema) });
