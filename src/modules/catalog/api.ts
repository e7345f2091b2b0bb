import { z } from 'zod';
import { isCurrency } from '../../core/money.js';
import { CompanyCardSchema, ProvinceCode } from '../identity/api.js';
import { hsCodeList, taxonomy } from './reference.js';

const MinorUnits = z
  .string()
  .regex(/^\d{1,15}$/, 'An amount in minor units (a whole number as a string, e.g. "1250" for 12.50)');

const Text = (max: number) => z.string().trim().max(max);

export const LocalizedText = (max: number) =>
  z.strictObject({ en: Text(max).min(1), zh: Text(max).min(1).nullish(), es: Text(max).min(1).nullish() });

const OptionalLocalizedText = (max: number) =>
  z.strictObject({ en: Text(max).optional(), zh: Text(max).nullish(), es: Text(max).nullish() });

export const CategoryCode = z
  .string()
  .refine((code) => taxonomy().byCode.get(code)?.level !== 'industry' && taxonomy().byCode.has(code), {
    message: 'Not a category or sub-category code of the taxonomy (GET /api/taxonomy)',
  });

export const HsCode6 = z
  .string()
  .regex(/^\d{6}$/, 'An HS code has six digits')
  .refine((code) => hsCodeList().byCode.has(code), { message: 'Not an HS 2022 subheading' });

const PriceTierInput = z.strictObject({
  minQuantity: z.number().int().min(1),
  maxQuantity: z.number().int().min(1).nullable(),
  unitPrice: MinorUnits,
});

const LeadTimeTierInput = z.strictObject({
  maxQuantity: z.number().int().min(1).nullable(),
  days: z.number().int().min(0).max(365),
});

const PackageSizeInput = z.strictObject({
  lengthCm: z.number().positive().max(10_000),
  widthCm: z.number().positive().max(10_000),
  heightCm: z.number().positive().max(10_000),
  weightKg: z.number().positive().max(100_000),
});

export const CreateProductBody = z.strictObject({
  categoryCode: CategoryCode,
  hsCode: HsCode6,
  title: LocalizedText(200),
  description: OptionalLocalizedText(5000).optional(),
  attributes: z
    .array(z.strictObject({ name: Text(100).min(1), value: Text(500).min(1) }))
    .max(50)
    .default([]),
  certifications: z.array(Text(50).min(1)).max(20).default([]),
  originProvince: ProvinceCode.nullish(),
  moq: z.number().int().min(1).max(100_000_000),
  unit: Text(30).min(1),
  currency: z.string().refine(isCurrency, { message: 'Not an ISO 4217 currency code' }),
  priceTiers: z.array(PriceTierInput).min(1).max(10),
  leadTimeTiers: z.array(LeadTimeTierInput).max(10).default([]),
  samplePrice: MinorUnits.nullish(),
  customizationOptions: z.array(Text(100).min(1)).max(20).default([]),
  monthlyCapacity: z.number().int().min(1).max(1_000_000_000).nullish(),
  packageSize: PackageSizeInput.nullish(),
});
export type CreateProductInput = z.infer<typeof CreateProductBody>;

export const UpdateProductBody = CreateProductBody.partial().extend({
  status: z.enum(['active', 'archived']).optional(),
});
export type UpdateProductInput = z.infer<typeof UpdateProductBody>;

const Money = z.object({ amount: z.string(), currency: z.string() });

/** A promotion running now: the list tiers at their promoted price (ads module, promotions). */
const PromotionSchema = z.object({
  id: z.string(),
  name: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  priceTiers: z.array(
    z.object({
      minQuantity: z.number(),
      maxQuantity: z.number().nullable(),
      percentOff: z.number(),
      unitPrice: Money,
    }),
  ),
});

export const ProductSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  supplier: CompanyCardSchema,
  categoryCode: z.string(),
  hsCode: z.string(),
  title: z.object({ en: z.string(), zh: z.string().nullable(), es: z.string().nullable() }),
  description: z.object({ en: z.string(), zh: z.string().nullable(), es: z.string().nullable() }),
  attributes: z.array(z.object({ name: z.string(), value: z.string() })),
  certifications: z.array(z.string()),
  originProvince: z.string().nullable(),
  moq: z.number(),
  unit: z.string(),
  currency: z.string(),
  priceTiers: z.array(
    z.object({ minQuantity: z.number(), maxQuantity: z.number().nullable(), unitPrice: Money }),
  ),
  leadTimeTiers: z.array(z.object({ maxQuantity: z.number().nullable(), days: z.number() })),
  samplePrice: Money.nullable(),
  customizationOptions: z.array(z.string()),
  monthlyCapacity: z.number().nullable(),
  packageSize: z
    .object({ lengthCm: z.number(), widthCm: z.number(), heightCm: z.number(), weightKg: z.number() })
    .nullable(),
  images: z.array(z.object({ id: z.string(), url: z.string() })),
  /** The promotion running now, if any; `priceTiers` stay the list prices. */
  promotion: PromotionSchema.nullable(),
  status: z.enum(['active', 'archived']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductView = z.infer<typeof ProductSchema>;

export const ProductSummarySchema = z.object({
  id: z.string(),
  title: z.object({ en: z.string(), zh: z.string().nullable(), es: z.string().nullable() }),
  categoryCode: z.string(),
  moq: z.number(),
  unit: z.string(),
  price: z.object({ min: Money, max: Money }),
  /** The price range while a promotion runs; null otherwise. */
  promotedPrice: z.object({ min: Money, max: Money, endsAt: z.string() }).nullable(),
  supplier: CompanyCardSchema,
  imageUrl: z.string().nullable(),
});
export type ProductSummary = z.infer<typeof ProductSummarySchema>;

export const PriceQuoteSchema = z.object({
  quantity: z.number(),
  /** What an order placed now pays: the promoted price while a promotion covers the tier. */
  unitPrice: Money,
  total: Money,
  listUnitPrice: Money,
  tier: z.object({ minQuantity: z.number(), maxQuantity: z.number().nullable() }),
  promotion: z
    .object({ id: z.string(), name: z.string(), endsAt: z.string(), percentOff: z.number() })
    .nullable(),
});

export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
