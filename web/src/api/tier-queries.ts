import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from './ads-queries';
import { ApiError, api } from './client';
import type {
  Enrollment,
  EnrollmentPage,
  EnrollmentStatus,
  MyTier,
  Program,
  ProgramDashboard,
  ProgramSettingsInput,
  ScoreRun,
  SupplierTier,
  TierCatalog,
} from './tier-types';

const seg = (value: string) => encodeURIComponent(value);

// Tiers are recomputed monthly (or when the operator asks): minutes-old data is fine.
const TIER_STALE_MS = 5 * 60 * 1000;
// The tiers' rules change only on deploys.
const CATALOG_STALE_MS = 60 * 60 * 1000;

/** A 4xx is an answer (not a supplier, not an operator), not a glitch: don't retry it. */
const retryServerErrors = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

/** The signed-in supplier's tier in full: score, components, reasons, the next tier's needs, history. */
export const useMyTier = (enabled = true) =>
  useQuery({
    queryKey: ['tier', 'me'],
    queryFn: () => api.get<MyTier>('/api/tiers/me'),
    enabled,
    staleTime: TIER_STALE_MS,
    retry: retryServerErrors,
  });

/** A supplier's tier and badge (in full for itself and the operator). */
export const useSupplierTier = (supplierId: string | undefined) =>
  useQuery({
    queryKey: ['tier', 'supplier', supplierId],
    queryFn: () => api.get<SupplierTier>(`/api/suppliers/${seg(supplierId ?? '')}/tier`),
    enabled: Boolean(supplierId),
    staleTime: TIER_STALE_MS,
    retry: retryServerErrors,
  });

/** The tiers, their requirements and benefits (public). */
export const useTierCatalog = () =>
  useQuery({
    queryKey: ['tier', 'catalog'],
    queryFn: () => api.get<TierCatalog>('/api/tiers'),
    staleTime: CATALOG_STALE_MS,
    retry: retryServerErrors,
  });

/** The operator recomputes every supplier's score and tier for this month. */
export const useRecomputeTiers = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ScoreRun>('/api/tiers/recompute', {}),
    onSuccess: () =>
      Promise.all(
        ['tier', 'program', 'programs', 'enrollments'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
};

/** The growth programs; for a supplier, its eligibility and enrollment in each. */
export const usePrograms = (enabled = true) =>
  useQuery({
    queryKey: ['programs'],
    queryFn: async () => (await api.get<{ items: Program[] }>('/api/programs')).items,
    enabled,
    staleTime: TIER_STALE_MS,
    retry: retryServerErrors,
  });

export const useProgram = (id: string | undefined) =>
  useQuery({
    queryKey: ['program', id],
    queryFn: () => api.get<Program>(`/api/programs/${seg(id ?? '')}`),
    enabled: Boolean(id),
    retry: retryServerErrors,
  });

/** The operator's view of a program: enrollments by status, milestones, tiers, months, target. */
export const useProgramDashboard = (id: string | undefined, enabled = true) =>
  useQuery({
    queryKey: ['program', id, 'dashboard'],
    queryFn: () => api.get<ProgramDashboard>(`/api/programs/${seg(id ?? '')}/dashboard`),
    enabled: enabled && Boolean(id),
    retry: retryServerErrors,
  });

/** A program's enrollments, oldest application first (operator). */
export const useEnrollments = (
  programId: string | undefined,
  options: { status?: EnrollmentStatus; page: number; pageSize: number },
) =>
  useQuery({
    queryKey: ['enrollments', programId, options],
    queryFn: () =>
      api.get<EnrollmentPage>(`/api/programs/${seg(programId ?? '')}/enrollments`, {
        status: options.status,
        page: options.page,
        pageSize: options.pageSize,
      }),
    enabled: Boolean(programId),
    placeholderData: keepPreviousData,
    retry: retryServerErrors,
  });

const useEnrollmentMutation = <V>(run: (variables: V) => Promise<Enrollment>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all(
        ['programs', 'program', 'enrollments'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
};

/** A supplier applies to a program; refused (403) with each criterion in `details.criteria`. */
export const useEnroll = () =>
  useEnrollmentMutation((programId: string) =>
    api.post<Enrollment>(`/api/programs/${seg(programId)}/enroll`, {}),
  );

export const useApproveEnrollment = () =>
  useEnrollmentMutation((id: string) =>
    api.post<Enrollment>(`/api/program-enrollments/${seg(id)}/approve`, {}),
  );

export const useRemoveEnrollment = () =>
  useEnrollmentMutation(({ id, reason }: { id: string; reason: string }) =>
    api.post<Enrollment>(`/api/program-enrollments/${seg(id)}/remove`, { reason }),
  );

export const useMarkMilestone = () =>
  useEnrollmentMutation(({ id, milestone, achieved }: { id: string; milestone: string; achieved: boolean }) =>
    api.post<Enrollment>(`/api/program-enrollments/${seg(id)}/milestones`, { milestone, achieved }),
  );

/** The operator sets a program's target, period, or whether it takes applications. */
export const useUpdateProgramSettings = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgramSettingsInput) => send<Program>('PATCH', `/api/programs/${seg(id)}`, input),
    onSuccess: () =>
      Promise.all(['programs', 'program'].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
};
