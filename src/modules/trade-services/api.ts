import { z } from 'zod';
import { statutoryUnits } from './reference.js';
import { declarationStatuses, exportTransportModes } from './schema.js';

const MinorUnits = z
  .string()
  .regex(/^\d{1,15}$/, 'An amount in minor units (a whole number as a string, e.g. "125000" for 1,250.00)');
const Country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'An ISO 3166 alpha-2 country code');
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM');

export const IdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const DeclarationLineBody = z.strictObject({
  hsCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'A six-digit HS 2022 subheading'),
  tariffCode: z
    .string()
    .trim()
    .regex(/^\d{10}$/, 'A ten-digit China tariff code')
    .nullish(),
  description: z.string().trim().min(2).max(250),
  quantity: z.number().positive().max(1e9),
  unit: z.enum(statutoryUnits),
  unitPrice: MinorUnits,
  netWeightKg: z.number().positive().max(1e8),
  grossWeightKg: z.number().positive().max(1e8),
  packages: z.number().int().min(1).max(1_000_000),
  originProvince: z.string().regex(/^\d{6}$/, 'A GB/T 2260 province code (e.g. 330000)'),
});

export const DeclarationBody = z.strictObject({
  orderId: z.string().min(1).max(64).nullish(),
  declarantRole: z.enum(['exporter', 'platform']).default('platform'),
  exporter: z
    .strictObject({
      localName: z.string().trim().min(2).max(200).nullish(),
      address: z.string().trim().max(300).optional(),
      taxId: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[0-9A-Z]{18}$/, 'An 18-character unified social credit code')
        .nullish(),
    })
    .nullish(),
  consignee: z
    .strictObject({
      name: z.string().trim().min(2).max(200),
      address: z.string().trim().max(300).default(''),
      country: Country,
      taxId: z
        .string()
        .trim()
        .max(40)
        .nullish()
        .transform((v) => v ?? null),
    })
    .nullish(),
  incoterm: z.string().trim().toUpperCase().nullish(),
  currency: z.string().trim().toUpperCase().nullish(),
  transportMode: z.enum(exportTransportModes),
  portOfLoading: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{3,5}$/, 'A UN/LOCODE (CNNGB) or IATA code (PVG)'),
  destinationCountry: Country.nullish(),
  lines: z.array(DeclarationLineBody).min(1).max(50, 'A declaration holds at most 50 lines'),
});

export const DeclarationMoveBody = z.strictObject({
  to: z.enum(declarationStatuses),
  note: z.string().trim().max(500).optional(),
  exportedOn: z.iso.date().nullish(),
  fx: z
    .strictObject({
      amount: MinorUnits,
      currency: z.string().trim().toUpperCase().length(3),
      receivedOn: z.iso.date(),
    })
    .nullish(),
  vatInvoices: z
    .array(
      z.strictObject({
        lineNo: z.number().int().min(1).max(50),
        invoiceNumber: z
          .string()
          .trim()
          .regex(/^[0-9A-Z-]{8,24}$/, 'The VAT invoice number as printed'),
        amount: MinorUnits,
        vatRatePct: z.number().min(0).max(17).nullish(),
      }),
    )
    .max(50)
    .nullish(),
});

export const DocumentParams = z.strictObject({
  id: z.string().min(1).max(64),
  /** The URL names the file: `invoice.pdf`, `packing-list.pdf` or `declaration.pdf`. */
  kind: z
    .enum(
      ['invoice.pdf', 'packing-list.pdf', 'declaration.pdf'],
      'invoice.pdf, packing-list.pdf or declaration.pdf',
    )
    .transform((file) => file.slice(0, -'.pdf'.length) as 'invoice' | 'packing-list' | 'declaration'),
});

export const HsSuggestQuery = z.strictObject({
  q: z.string().trim().min(1, 'Describe the product').max(500),
  lang: z.enum(['en', 'zh', 'es']).optional(),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});

export const RebatesQuery = z.strictObject({ month: Month });

export const DeclarationListQuery = z.strictObject({ orderId: z.string().min(1).max(64).optional() });
