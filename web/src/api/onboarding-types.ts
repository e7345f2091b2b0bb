import type { CompanyCard, CompanyKind, VerificationLevel } from './types';

/** POST /api/companies (src/modules/identity/api.ts RegisterCompanyBody). */
export type RegisterCompanyInput = {
  name: string;
  kind: Exclude<CompanyKind, 'operator'>;
  country: string;
  province?: string;
  yearEstablished?: number;
};

export type Licence = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
};

export type VerificationRequestStatus = 'pending' | 'approved' | 'rejected';

export type VerificationRequest = {
  id: string;
  companyId: string;
  status: VerificationRequestStatus;
  licence: Licence | null;
  requestedAt: string;
  decidedAt: string | null;
  level: VerificationLevel | null;
  reason: string | null;
};

export type VerificationStatus = {
  companyId: string;
  level: VerificationLevel;
  auditorName: string | null;
  licence: Licence | null;
  request: VerificationRequest | null;
};

export type VerificationQueueItem = VerificationRequest & { company: CompanyCard };

export type VerificationDecision =
  | { decision: 'approve'; level: Exclude<VerificationLevel, 'unverified'>; auditorName?: string }
  | { decision: 'reject'; reason: string };

/** better-auth's organization plugin: a company's members and invitations. */
export type TeamMember = {
  id: string;
  role: string;
  userId: string;
  user: { id: string; name: string; email: string };
};

export type Invitation = {
  id: string;
  email: string;
  role: string;
  status: 'pending' | 'accepted' | 'rejected' | 'canceled';
  expiresAt: string;
  organizationId: string;
};

export type Team = { id: string; name: string; members: TeamMember[]; invitations: Invitation[] };

/** GET /api/auth/organization/get-invitation: the invitee's view of it. */
export type InvitationDetail = Invitation & { organizationName: string; inviterEmail: string };

/** GET /api/health/platform (src/http/health.ts). */
export type PlatformHealth = {
  database: { engine: 'pglite' | 'postgres'; ok: boolean; latencyMs: number };
  uptimeSeconds: number;
  startedAt: string;
  outbox: { pending: number; oldestPendingAt: string | null };
  jobs: Record<string, number> | null;
  webhooks: { due: number };
};
