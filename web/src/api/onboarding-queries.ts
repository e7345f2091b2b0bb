import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isUiLang } from '../i18n/languages';
import { api } from './client';
import type {
  Invitation,
  InvitationDetail,
  Licence,
  PlatformHealth,
  RegisterCompanyInput,
  Team,
  VerificationDecision,
  VerificationQueueItem,
  VerificationRequest,
  VerificationRequestStatus,
  VerificationStatus,
} from './onboarding-types';
import type { CompanyCard, Notifications } from './types';
import { uploadWithProgress } from './upload';

const seg = (value: string) => encodeURIComponent(value);

/** A new account through better-auth; it signs the user in at once. */
export const useSignUp = () => {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  return useMutation({
    // The account starts in the language it signed up in (src/modules/identity/user-locale.ts checks it).
    mutationFn: (input: { name: string; email: string; password: string }) =>
      api.post<unknown>('/api/auth/sign-up/email', {
        ...input,
        ...(isUiLang(i18n.language) ? { locale: i18n.language } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
};

/** Registers a company; its founder becomes the owner and acts for it from now on. */
export const useRegisterCompany = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterCompanyInput) => api.post<CompanyCard>('/api/companies', input),
    onSuccess: () => queryClient.invalidateQueries(),
  });
};

export const useTeam = (companyId: string | undefined) =>
  useQuery({
    queryKey: ['team', companyId],
    queryFn: () =>
      api.get<Team>('/api/auth/organization/get-full-organization', { organizationId: companyId ?? '' }),
    enabled: Boolean(companyId),
  });

export const useInviteMember = (companyId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: string }) =>
      api.post<Invitation>('/api/auth/organization/invite-member', { ...input, organizationId: companyId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['team', companyId] }),
  });
};

export const useCancelInvitation = (companyId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.post<unknown>('/api/auth/organization/cancel-invitation', { invitationId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['team', companyId] }),
  });
};

/** An invitation as its invitee sees it: only the signed-in user it was sent to may read it. */
export const useInvitation = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['invitation', id],
    queryFn: () => api.get<InvitationDetail>('/api/auth/organization/get-invitation', { id }),
    enabled,
    retry: false,
  });

export const useAcceptInvitation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.post<unknown>('/api/auth/organization/accept-invitation', { invitationId }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
};

export const useVerificationStatus = (companyId: string | undefined) =>
  useQuery({
    queryKey: ['verification', companyId],
    queryFn: () => api.get<VerificationStatus>(`/api/companies/${seg(companyId ?? '')}/verification`),
    enabled: Boolean(companyId),
  });

/** Uploads the business licence with progress (fraction 0..1 of the bytes sent). */
export const useUploadLicence = (companyId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) =>
      uploadWithProgress<Licence>(`/api/companies/${seg(companyId)}/licence`, file, { onProgress }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['verification', companyId] }),
  });
};

export const licenceUrl = (companyId: string, licenceId: string) =>
  `/api/companies/${seg(companyId)}/licences/${seg(licenceId)}`;

export const useRequestVerification = (companyId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<VerificationRequest>(`/api/companies/${seg(companyId)}/verification-requests`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['verification', companyId] }),
  });
};

export const useVerificationQueue = (status: VerificationRequestStatus, enabled: boolean) =>
  useQuery({
    queryKey: ['verification-queue', status],
    queryFn: () => api.get<{ items: VerificationQueueItem[] }>('/api/verification-requests', { status }),
    enabled,
  });

export const useDecideVerification = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, decision }: { requestId: string; decision: VerificationDecision }) =>
      api.post<VerificationRequest>(`/api/verification-requests/${seg(requestId)}/decision`, decision),
    onSuccess: () =>
      Promise.all(
        ['verification-queue', 'verification', 'company'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
};

export const usePlatformHealth = (enabled: boolean) =>
  useQuery({
    queryKey: ['platform-health'],
    queryFn: () => api.get<PlatformHealth>('/api/health/platform'),
    enabled,
    refetchInterval: enabled ? 15_000 : false,
  });

/** The newest notifications of the company, all or only the unread (the bell's list is the newest 30). */
export const useNotificationCentre = (unreadOnly: boolean) =>
  useQuery({
    queryKey: ['notifications', 'centre', unreadOnly],
    queryFn: () =>
      api.get<Notifications>('/api/notifications', {
        limit: 200,
        unread: unreadOnly ? 'true' : undefined,
      }),
    staleTime: 0,
  });
