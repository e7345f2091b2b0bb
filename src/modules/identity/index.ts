/** Identity and trust: users, companies, members and roles, sessions, API keys, verification. */
export {
  ApiKeySchema,
  CompanyCardSchema,
  CompanyProfileSchema,
  CountryCode,
  CreateApiKeyBody,
  MeSchema,
  ProvinceCode,
  RegisterCompanyBody,
  VerifyCompanyBody,
} from './api.js';
export { createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
export { type AuditEntry, recordAudit } from './audit-log.js';
export { type Auth, apiKeyPrefix, clientIpHeader, createAuth } from './auth.js';
export {
  type CompanyCard,
  findCompany,
  findCompanyCards,
  supplierQuality,
  toCompanyCard,
} from './company-card.js';
export { createOperatorCompany } from './create-operator.js';
export { getMe } from './get-me.js';
export { actsFor, isOperator, requireCompanyActor, requireRole, requireSignedIn } from './policy.js';
export { registerCompany } from './register-company.js';
export { resolveActor } from './resolve-actor.js';
export * from './schema.js';
export { installSessionCache, sessionCacheStats } from './session-cache.js';
export { lockoutPolicy } from './sign-in-lockout.js';
export { verifyCompany } from './verify-company.js';
