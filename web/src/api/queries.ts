import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';
import type {
  CompanyDetail,
  HsCode,
  Me,
  Paged,
  PriceQuote,
  ProductDetail,
  ProductSummary,
  ProvincesResponse,
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
