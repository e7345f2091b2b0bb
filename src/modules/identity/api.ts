import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { provinceList } from '../catalog/reference.js';
import { memberRoles, verificationLevels, verificationRequestStatuses } from './schema.js';

export const CountryCode = z
  .string()
  .length(2)
  .transform((s) => s.toUpperCase())
  .refine((code) => countries.isValid(code), { message: 'Not an ISO 3166-1 alpha-2 country code' });

export const ProvinceCode = z
  .string()
  .regex(/^\d{6}$/, 'A GB/T 2260 province code has six digits')
  .refine((code) => provinceList().byCode.has(code), { message: 'Not a GB/T 2260 province code' });

export const RegisterCompanyBody = z
  .strictObject({
    name: z.string().trim().min(2).max(200),
    kind: z.enum(['supplier', 'buyer', 'forwarder']),
    country: CountryCode,
    province: ProvinceCode.optional(),
    yearEstablished: z
      .number()
      .int()
      .min(1800)
      .max(new Date().getUTCFullYear() + 1)
      .optional(),
  })
  .superRefine((body, ctx) => {
    if (body.province && body.country !== 'CN') {
      ctx.addIssue({
        code: 'custom',
        path: ['province'],
        message: 'A province is only given for companies in China',
      });
    }
    if (body.kind === 'supplier' && body.country === 'CN' && !body.province) {
      ctx.addIssue({ code: 'custom', path: ['province'], message: 'Suppliers in China name their province' });
    }
  });
export type RegisterCompanyInput = z.infer<typeof RegisterCompanyBody>;

export const VerifyCompanyBody = z
  .strictObject({
    level: z.enum(verificationLevels),
    auditorName: z.string().trim().min(2).max(200).optional(),
  })
  .refine((b) => b.level !== 'onsite_audited' || b.auditorName, {
    path: ['auditorName'],
    message: 'An on-site audit names its auditor',
  });
export type VerifyCompanyInput = z.infer<typeof VerifyCompanyBody>;

export const CreateApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: z.enum(memberRoles).exclude(['owner']).default('admin'),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyBody>;

export const CompanyCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['supplier', 'buyer', 'forwarder', 'operator']),
  country: z.string(),
  province: z.string().nullable(),
  yearEstablished: z.number().nullable(),
  verificationLevel: z.enum(verificationLevels),
  auditorName: z.string().nullable(),
  memberSince: z.string(),
});

export const CompanyProfileSchema = CompanyCardSchema.extend({
  credibility: z.object({ yearsOnPlatform: z.number(), productCount: z.number() }),
});

export const MeSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), locale: z.string().nullable() }),
  company: CompanyCardSchema.nullable(),
  role: z.enum(memberRoles).nullable(),
  apiKey: z.boolean(),
});

export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  start: z.string().nullable(),
  role: z.string(),
  createdAt: z.string(),
});

export const AuditLogQuery = z.strictObject({
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)?$/, 'An action such as order.refunded, or a family such as order')
    .optional()
    .describe('An action (`order.refunded`), or a family of them (`order`)'),
  companyId: z.string().min(1).max(64).optional().describe('The company the actions concern'),
  actorUserId: z.string().min(1).max(64).optional(),
  subjectId: z.string().min(1).max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('The `nextCursor` of the previous page: entries older than it'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditLogInput = z.infer<typeof AuditLogQuery>;

export const AuditEntrySchema = z.object({
  seq: z.number(),
  id: z.string(),
  at: z.string(),
  actor: z.object({
    kind: z.enum(['user', 'api_key', 'system']),
    userId: z.string().nullable(),
    companyId: z.string().nullable(),
    apiKeyId: z.string().nullable(),
  }),
  action: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  companyId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const AuditLogPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.number().nullable(),
});

export const VerificationQueueQuery = z.strictObject({
  status: z.enum(verificationRequestStatuses).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type VerificationQueueInput = z.infer<typeof VerificationQueueQuery>;

/** Approve with the level earned (an on-site audit names its auditor), or reject with a reason the company reads. */
export const DecideVerificationBody = z.discriminatedUnion('decision', [
  z
    .strictObject({
      decision: z.literal('approve'),
      level: z.enum(verificationLevels).exclude(['unverified']),
      auditorName: z.string().trim().min(2).max(200).optional(),
    })
    .refine((b) => b.level !== 'onsite_audited' || b.auditorName, {
      path: ['auditorName'],
      message: 'An on-site audit names its auditor',
    }),
  z.strictObject({ decision: z.literal('reject'), reason: z.string().trim().min(3).max(500) }),
]);
export type DecideVerificationInput = z.infer<typeof DecideVerificationBody>;

export const LicenceSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
});

export const VerificationRequestSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  status: z.enum(verificationRequestStatuses),
  licence: LicenceSchema.nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  level: z.enum(verificationLevels).nullable(),
  reason: z.string().nullable(),
});

export const VerificationStatusSchema = z.object({
  companyId: z.string(),
  level: z.enum(verificationLevels),
  auditorName: z.string().nullable(),
  licence: LicenceSchema.nullable(),
  request: VerificationRequestSchema.nullable(),
});

export const VerificationQueueSchema = z.object({
  items: z.array(VerificationRequestSchema.extend({ company: CompanyCardSchema })),
});
