import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';
import type {
  Declaration,
  DeclarationDocumentKind,
  DeclarationInput,
  DeclarationMoveInput,
  DeclarationSummary,
  HsSuggestResponse,
  RebateSummary,
} from './declaration-types';

const seg = (value: string) => encodeURIComponent(value);

// The declarant (often the platform's desk) answers for customs and the tax office: fresher than the default.
const LIVE_STALE_MS = 10_000;
const DECLARATION_POLL_MS = 30_000;
// The HS suggestions of a text never change between deploys.
const SUGGEST_STALE_MS = 60 * 60 * 1000;

/** A 4xx is an answer (not an exporter, a bad month), not a glitch: don't retry it. */
const retryServerErrors = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

/** Where a declaration's PDF downloads from (the server names the file). */
export const declarationDocumentUrl = (id: string, kind: DeclarationDocumentKind) =>
  `/api/declarations/${seg(id)}/documents/${kind}.pdf`;

export const rebatesCsvUrl = (month: string) => `/api/rebates.csv?month=${seg(month)}`;

/** The exporter's declarations (the operator's: all), newest first; optionally those of one order. */
export const useDeclarations = (options: { orderId?: string } = {}, enabled = true) =>
  useQuery({
    queryKey: ['declarations', options.orderId ?? null],
    queryFn: () => api.get<DeclarationSummary[]>('/api/declarations', { orderId: options.orderId }),
    enabled,
    staleTime: LIVE_STALE_MS,
    retry: retryServerErrors,
  });

/** One declaration; `poll` keeps an open page current while the other side takes its steps. */
export const useDeclaration = (id: string | undefined, { poll = true } = {}) =>
  useQuery({
    queryKey: ['declaration', id],
    queryFn: () => api.get<Declaration>(`/api/declarations/${seg(id ?? '')}`),
    enabled: Boolean(id),
    staleTime: LIVE_STALE_MS,
    refetchInterval: poll ? DECLARATION_POLL_MS : false,
    retry: retryServerErrors,
  });

/** After a command that answers with the declaration: show that answer at once, then refresh the lists. */
const useDeclarationMutation = <V>(run: (variables: V) => Promise<Declaration>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (declaration) => {
      queryClient.setQueryData(['declaration', declaration.id], declaration);
      return Promise.all(
        ['declarations', 'rebates', 'notifications'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
};

export const useCreateDeclaration = () =>
  useDeclarationMutation((input: DeclarationInput) => api.post<Declaration>('/api/declarations', input));

export const useMoveDeclaration = (id: string) =>
  useDeclarationMutation((input: DeclarationMoveInput) =>
    api.post<Declaration>(`/api/declarations/${seg(id)}/transition`, input),
  );

/**
 * The likeliest HS subheadings of a product text (the server detects its
 * language). `text` is what to ask about: the caller debounces typing.
 */
export const useHsSuggestions = (text: string, limit = 5) => {
  const q = text.trim();
  return useQuery({
    queryKey: ['hs-suggest', q, limit],
    queryFn: () => api.get<HsSuggestResponse>('/api/hs/suggest', { q, limit }),
    enabled: q.length >= 3,
    staleTime: SUGGEST_STALE_MS,
    placeholderData: keepPreviousData,
    retry: retryServerErrors,
  });
};

/** A month's VAT rebate claims (YYYY-MM), the exporter's own or, for the operator, every supplier's. */
export const useRebates = (month: string, enabled = true) =>
  useQuery({
    queryKey: ['rebates', month],
    queryFn: () => api.get<RebateSummary>('/api/rebates', { month }),
    enabled,
    staleTime: LIVE_STALE_MS,
    placeholderData: keepPreviousData,
    retry: retryServerErrors,
  });
