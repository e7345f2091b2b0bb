import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdWallet,
  Campaign,
  CampaignInput,
  CampaignPatch,
  CampaignReport,
  CampaignSummary,
  ClickAnswer,
  HomeShowcase,
  PromotedSummary,
  Promotion,
  PromotionInput,
  PromotionPatch,
  SearchWithSponsored,
  Showcase,
  TopUpInput,
} from './ads-types';
import { ApiError, api, toApiError } from './client';
import type { Paged, SearchParams } from './types';

const seg = (value: string) => encodeURIComponent(value);

// Spend moves with every click: the campaign manager shows it fresher than the default.
const LIVE_STALE_MS = 10_000;
const VISITOR_KEY = 'tradelane.visitor';

/** A 4xx is an answer (not an advertiser, another's campaign), not a glitch: don't retry it. */
const retryServerErrors = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

/**
 * This browser's anonymous visitor id (`x-visitor-id`): a signed-out reader's
 * sponsored results and clicks are tied to it, so a click is charged once a day.
 * Null when storage is disabled: the server then shows ads no one can be charged for twice.
 */
export const visitorId = (): string | null => {
  try {
    const stored = localStorage.getItem(VISITOR_KEY);
    if (stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored;
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const id = `v${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    localStorage.setItem(VISITOR_KEY, id);
    return id;
  } catch {
    return null;
  }
};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** The shared client speaks GET and POST; campaigns, promotions, showcases and programs also change by PATCH and PUT. */
export const send = async <T>(
  method: Method,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const response = await fetch(path, {
    method,
    credentials: 'include',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
};

const withVisitor = (): Record<string, string> => {
  const id = visitorId();
  return id ? { 'x-visitor-id': id } : {};
};

const searchPath = (params: SearchParams) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    query.set(key, String(value));
  }
  const qs = query.toString();
  return qs ? `/api/search/products?${qs}` : '/api/search/products';
};

/**
 * Product search with its sponsored results: the same answer as `useSearch`,
 * asked with the visitor id so a signed-out reader's ad clicks can be counted.
 */
export const useSponsoredSearch = (params: SearchParams) =>
  useQuery({
    queryKey: ['search', params],
    queryFn: () => send<SearchWithSponsored>('GET', searchPath(params), undefined, withVisitor()),
    // Keep the old page visible while the next one loads, so facets don't flicker.
    placeholderData: keepPreviousData,
  });

/** Follows a sponsored result: the server records (and may charge) the click and says where to go. */
export const recordAdClick = (impressionId: string) =>
  send<ClickAnswer>('POST', '/api/ads/clicks', { impressionId }, withVisitor());

/** The home page's featured products (public). */
export const useHomeShowcase = () =>
  useQuery({
    queryKey: ['home-showcase'],
    queryFn: () => api.get<HomeShowcase>('/api/home/showcase'),
    retry: retryServerErrors,
  });

// ── Campaigns ──

export const useCampaigns = (enabled = true) =>
  useQuery({
    queryKey: ['ad-campaigns'],
    queryFn: () => api.get<CampaignSummary[]>('/api/ads/campaigns'),
    enabled,
    staleTime: LIVE_STALE_MS,
    retry: retryServerErrors,
  });

export const useCampaign = (id: string | undefined) =>
  useQuery({
    queryKey: ['ad-campaign', id],
    queryFn: () => api.get<Campaign>(`/api/ads/campaigns/${seg(id ?? '')}`),
    enabled: Boolean(id),
    staleTime: LIVE_STALE_MS,
    retry: retryServerErrors,
  });

export const useCampaignReport = (id: string | undefined, period: { from?: string; to?: string } = {}) =>
  useQuery({
    queryKey: ['ad-report', id, period.from ?? null, period.to ?? null],
    queryFn: () =>
      api.get<CampaignReport>(`/api/ads/campaigns/${seg(id ?? '')}/report`, {
        from: period.from,
        to: period.to,
      }),
    enabled: Boolean(id),
    staleTime: LIVE_STALE_MS,
    placeholderData: keepPreviousData,
    retry: retryServerErrors,
  });

const useCampaignMutation = <V>(run: (variables: V) => Promise<Campaign>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (campaign) => {
      queryClient.setQueryData(['ad-campaign', campaign.id], campaign);
      return Promise.all(
        ['ad-campaigns', 'ad-report', 'search'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
};

export const useCreateCampaign = () =>
  useCampaignMutation((input: CampaignInput) => api.post<Campaign>('/api/ads/campaigns', input));

/** Pause or resume, rename, change the budget, or replace the keywords (bids) or products. */
export const useUpdateCampaign = () =>
  useCampaignMutation(({ id, patch }: { id: string; patch: CampaignPatch }) =>
    send<Campaign>('PATCH', `/api/ads/campaigns/${seg(id)}`, patch),
  );

// ── Wallet ──

export const useAdWallet = (enabled = true) =>
  useQuery({
    queryKey: ['ad-wallet'],
    queryFn: () => api.get<AdWallet>('/api/ads/wallet'),
    enabled,
    staleTime: LIVE_STALE_MS,
    retry: retryServerErrors,
  });

/** The operator books a wire received for a supplier's ad wallet (one Idempotency-Key per wire). */
export const useTopUpWallet = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: TopUpInput; idempotencyKey: string }) =>
      api.post<{ id: string }>('/api/ads/wallet/top-ups', input, { idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ad-wallet'] }),
  });
};

// ── Promotions and the showcase ──

export const usePromotions = (enabled = true) =>
  useQuery({
    queryKey: ['ad-promotions'],
    queryFn: () => api.get<Promotion[]>('/api/ads/promotions'),
    enabled,
    retry: retryServerErrors,
  });

const usePromotionMutation = <V>(run: (variables: V) => Promise<Promotion>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all(
        ['ad-promotions', 'product', 'price', 'search', 'company-products', 'home-showcase', 'showcase'].map(
          (key) => queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
};

export const useCreatePromotion = () =>
  usePromotionMutation((input: PromotionInput) => api.post<Promotion>('/api/ads/promotions', input));

export const useUpdatePromotion = () =>
  usePromotionMutation(({ id, patch }: { id: string; patch: PromotionPatch }) =>
    send<Promotion>('PATCH', `/api/ads/promotions/${seg(id)}`, patch),
  );

/** A supplier's featured products (public). */
export const useShowcase = (companyId: string | undefined) =>
  useQuery({
    queryKey: ['showcase', companyId],
    queryFn: () => api.get<Showcase>(`/api/companies/${seg(companyId ?? '')}/showcase`),
    enabled: Boolean(companyId),
    retry: retryServerErrors,
  });

export const useSetShowcase = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (productIds: string[]) => send<Showcase>('PUT', '/api/ads/showcase', { productIds }),
    onSuccess: (showcase) => {
      queryClient.setQueryData(['showcase', showcase.companyId], showcase);
      return queryClient.invalidateQueries({ queryKey: ['home-showcase'] });
    },
  });
};

const PRODUCTS_PAGE = 100;
const MAX_PRODUCT_PAGES = 10;

/** Every listing of a supplier (up to 1,000), for the pickers of campaigns, promotions and the showcase. */
export const useAllCompanyProducts = (companyId: string | undefined) =>
  useQuery({
    queryKey: ['company-products', companyId, 'all'],
    queryFn: async () => {
      const items: PromotedSummary[] = [];
      for (let page = 1; page <= MAX_PRODUCT_PAGES; page++) {
        const answer = await api.get<Paged<PromotedSummary>>(
          `/api/companies/${seg(companyId ?? '')}/products`,
          {
            page,
            pageSize: PRODUCTS_PAGE,
          },
        );
        items.push(...answer.items);
        if (items.length >= answer.total || answer.items.length === 0) break;
      }
      return items;
    },
    enabled: Boolean(companyId),
    staleTime: 60_000,
    retry: retryServerErrors,
  });

export type SupplierTierRow = { id: string; name: string; score: number; tier: string; computedAt: string };

/** Suppliers with this month's score and tier, best first (operator): the top-up form's supplier list. */
export const useSupplierTiers = (enabled = true) =>
  useQuery({
    queryKey: ['tier', 'suppliers'],
    queryFn: () =>
      api.get<{ month: string; total: number; items: SupplierTierRow[] }>('/api/tiers/suppliers', {
        pageSize: 200,
      }),
    enabled,
    staleTime: 60_000,
    retry: retryServerErrors,
  });
