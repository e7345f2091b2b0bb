import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';
import type {
  CompanyDetail,
  Comparison,
  CounterInput,
  CreateRfqInput,
  Credibility,
  HsCode,
  InquiryInbox,
  InquiryMessageInput,
  InquiryThread,
  Me,
  Notifications,
  OpenInquiryInput,
  Paged,
  PriceQuote,
  ProductDetail,
  ProductSummary,
  ProvincesResponse,
  Quote,
  QuoteOfferInput,
  QuoteResponseAction,
  Rfq,
  RfqFeed,
  RfqList,
  RfqMatches,
  SearchParams,
  SearchResponse,
  TaxonomyResponse,
} from './types';

// Reference data changes only on deploys; refetching it on every screen is waste.
const REFERENCE_STALE_MS = 60 * 60 * 1000;

export const useTaxonomy = () =>
  useQuery({
    queryKey: ['taxonomy'],
    queryFn: () => api.get<TaxonomyResponse>('/api/taxonomy'),
    staleTime: REFERENCE_STALE_MS,
  });

export const useProvinces = () =>
  useQuery({
    queryKey: ['provinces'],
    queryFn: () => api.get<ProvincesResponse>('/api/provinces'),
    staleTime: REFERENCE_STALE_MS,
  });

export const useSearch = (params: SearchParams) =>
  useQuery({
    queryKey: ['search', params],
    queryFn: () => api.get<SearchResponse>('/api/search/products', params),
    // Keep the old page visible while the next one loads, so facets don't flicker.
    placeholderData: keepPreviousData,
  });

export const useProduct = (id: string) =>
  useQuery({
    queryKey: ['product', id],
    queryFn: () => api.get<ProductDetail>(`/api/products/${encodeURIComponent(id)}`),
  });

export const usePriceQuote = (productId: string, quantity: number | null) =>
  useQuery({
    queryKey: ['price', productId, quantity],
    queryFn: () =>
      api.get<PriceQuote>(`/api/products/${encodeURIComponent(productId)}/price`, {
        quantity: quantity ?? undefined,
      }),
    enabled: quantity !== null && quantity > 0,
    // A 422 (below MOQ) is an answer, not a glitch: don't retry it.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

export const useCompany = (id: string | undefined) =>
  useQuery({
    queryKey: ['company', id],
    queryFn: () => api.get<CompanyDetail>(`/api/companies/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });

export const useCompanyProducts = (id: string, page: number, pageSize: number) =>
  useQuery({
    queryKey: ['company-products', id, page, pageSize],
    queryFn: () =>
      api.get<Paged<ProductSummary>>(`/api/companies/${encodeURIComponent(id)}/products`, { page, pageSize }),
    placeholderData: keepPreviousData,
    enabled: Boolean(id),
  });

export const useHsCode = (code: string | undefined) =>
  useQuery({
    queryKey: ['hs', code],
    queryFn: () => api.get<HsCode>(`/api/hs/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    staleTime: REFERENCE_STALE_MS,
    retry: false,
  });

/** The signed-in user, or null when signed out (401 is the normal signed-out answer). */
export const useMe = () =>
  useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/api/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    retry: false,
  });

export const useSignIn = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      api.post<unknown>('/api/auth/sign-in/email', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
};

export const useSignOut = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/auth/sign-out', {}),
    onSuccess: () => {
      queryClient.setQueryData(['me'], null);
      return queryClient.invalidateQueries();
    },
  });
};

// ── Sourcing ──

/** A path segment from an id. */
const seg = (value: string) => encodeURIComponent(value);

/** Any quote or RFQ change can move every sourcing view: reload them all (they are few and small). */
const invalidateSourcing = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all(
    ['rfqs', 'rfq', 'rfq-matches', 'rfq-comparison', 'rfq-quotes', 'rfq-feed', 'quote', 'notifications'].map(
      (key) => queryClient.invalidateQueries({ queryKey: [key] }),
    ),
  );

// Sourcing data is live (quotes arrive, counters come back): shorter than the app's 30 s default.
const LIVE_STALE_MS = 10_000;

export const useMyRfqs = (enabled = true) =>
  useQuery({
    queryKey: ['rfqs'],
    queryFn: () => api.get<RfqList>('/api/rfqs', { pageSize: 100 }),
    enabled,
    staleTime: LIVE_STALE_MS,
  });

export const useRfq = (rfqId: string | undefined) =>
  useQuery({
    queryKey: ['rfq', rfqId],
    queryFn: () => api.get<Rfq>(`/api/rfqs/${seg(rfqId ?? '')}`),
    enabled: Boolean(rfqId),
    staleTime: LIVE_STALE_MS,
  });

export const useRfqMatches = (rfqId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['rfq-matches', rfqId],
    queryFn: () => api.get<RfqMatches>(`/api/rfqs/${seg(rfqId)}/matches`),
    enabled,
  });

export const useComparison = (rfqId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['rfq-comparison', rfqId],
    queryFn: () => api.get<Comparison>(`/api/rfqs/${seg(rfqId)}/comparison`),
    enabled,
    staleTime: LIVE_STALE_MS,
  });

export const useRfqQuotes = (rfqId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['rfq-quotes', rfqId],
    queryFn: () => api.get<{ items: Quote[] }>(`/api/rfqs/${seg(rfqId)}/quotes`),
    enabled,
    staleTime: LIVE_STALE_MS,
  });

export const useRfqFeed = (status: 'open' | 'all', enabled = true) =>
  useQuery({
    queryKey: ['rfq-feed', status],
    queryFn: () => api.get<RfqFeed>('/api/supplier/rfq-feed', { status }),
    enabled,
    staleTime: LIVE_STALE_MS,
  });

export const useQuote = (quoteId: string | undefined) =>
  useQuery({
    queryKey: ['quote', quoteId],
    queryFn: () => api.get<Quote>(`/api/quotes/${seg(quoteId ?? '')}`),
    enabled: Boolean(quoteId),
    staleTime: LIVE_STALE_MS,
  });

/** Drafts the RFQ and, when asked, publishes it at once (the one-click "Publish RFQ"). */
export const useCreateRfq = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, publish }: { input: CreateRfqInput; publish: boolean }) => {
      const draft = await api.post<Rfq>('/api/rfqs', input);
      if (!publish) return { rfq: draft, publishError: null };
      try {
        return { rfq: await api.post<Rfq>(`/api/rfqs/${seg(draft.id)}/publish`), publishError: null };
      } catch (error) {
        // The draft exists: the caller shows it with the reason publishing failed.
        return { rfq: draft, publishError: error };
      }
    },
    onSuccess: () => invalidateSourcing(queryClient),
  });
};

export const useRfqAction = (rfqId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'publish' | 'cancel') => api.post<Rfq>(`/api/rfqs/${seg(rfqId)}/${action}`),
    onSuccess: () => invalidateSourcing(queryClient),
  });
};

export const useSubmitQuote = (rfqId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (offer: QuoteOfferInput) => api.post<Quote>(`/api/rfqs/${seg(rfqId)}/quotes`, offer),
    onSuccess: () => invalidateSourcing(queryClient),
  });
};

export const useReviseQuote = (quoteId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (offer: QuoteOfferInput) => api.post<Quote>(`/api/quotes/${seg(quoteId)}/revise`, offer),
    onSuccess: () => invalidateSourcing(queryClient),
  });
};

export const useCounterQuote = (quoteId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (counter: CounterInput) => api.post<Quote>(`/api/quotes/${seg(quoteId)}/counter`, counter),
    onSuccess: () => invalidateSourcing(queryClient),
  });
};

/** Accept, shortlist, decline (buyer) or withdraw (supplier) a quote. */
export const useQuoteAction = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ quoteId, action }: { quoteId: string; action: QuoteResponseAction | 'accept' }) =>
      action === 'accept'
        ? api.post<Quote>(`/api/quotes/${seg(quoteId)}/accept`)
        : api.post<Quote>(`/api/quotes/${seg(quoteId)}/respond`, { action }),
    onSuccess: () => invalidateSourcing(queryClient),
  });
};

export const useRateQuote = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ quoteId, rating }: { quoteId: string; rating: number }) =>
      api.post<Quote>(`/api/quotes/${seg(quoteId)}/rating`, { rating }),
    onSuccess: () => invalidateSourcing(queryClient),
  });
};

export const useInquiries = (enabled = true) =>
  useQuery({
    queryKey: ['inquiries'],
    queryFn: () => api.get<InquiryInbox>('/api/inquiries', { pageSize: 100 }),
    enabled,
    staleTime: LIVE_STALE_MS,
  });

export const useInquiry = (inquiryId: string) =>
  useQuery({
    queryKey: ['inquiry', inquiryId],
    queryFn: () => api.get<InquiryThread>(`/api/inquiries/${seg(inquiryId)}`),
    staleTime: LIVE_STALE_MS,
  });

export const useOpenInquiry = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OpenInquiryInput) => api.post<InquiryThread>('/api/inquiries', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inquiries'] }),
  });
};

export const useSendInquiryMessage = (inquiryId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InquiryMessageInput) =>
      api.post<InquiryThread>(`/api/inquiries/${seg(inquiryId)}/messages`, input),
    onSuccess: (thread) => {
      queryClient.setQueryData(['inquiry', inquiryId], thread);
      return queryClient.invalidateQueries({ queryKey: ['inquiries'] });
    },
  });
};

export const useMarkInquiryRead = (inquiryId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<InquiryThread>(`/api/inquiries/${seg(inquiryId)}/read`),
    onSuccess: (thread) => {
      queryClient.setQueryData(['inquiry', inquiryId], thread);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['inquiries'] }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
};

export const useCredibility = (companyId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: ['credibility', companyId],
    queryFn: () => api.get<Credibility>(`/api/companies/${seg(companyId ?? '')}/credibility`),
    enabled: enabled && Boolean(companyId),
    retry: false,
  });

// The bell polls: notifications are written after commit by the server's outbox poller.
const NOTIFICATION_POLL_MS = 30_000;

export const useNotifications = (enabled: boolean) =>
  useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<Notifications>('/api/notifications', { limit: 30 }),
    enabled,
    refetchInterval: enabled ? NOTIFICATION_POLL_MS : false,
    staleTime: 0,
  });

export const useMarkNotificationRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      api.post<unknown>(`/api/notifications/${seg(notificationId)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
};

/** The columns each CSV import reads (src/http/csv-formats.ts). */
export const useCsvFormats = () =>
  useQuery({
    queryKey: ['csv-formats'],
    queryFn: () =>
      api.get<{ products: string[]; rateCards: string[]; bookingEvents: string[] }>('/api/csv-formats'),
    staleTime: Number.POSITIVE_INFINITY,
  });
