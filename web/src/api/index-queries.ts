import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FreightIndexData, IndexReportData } from '../../../src/modules/insights/charts/index.js';
import { api } from './client';

export type IndexPeriod = { from: string; to: string };
export type IndexCoverage = {
  firstMonth: string | null;
  lastMonth: string | null;
  suggested: IndexPeriod | null;
};

export const useIndexCoverage = () =>
  useQuery({
    queryKey: ['index', 'coverage'],
    queryFn: () => api.get<IndexCoverage>('/api/index/coverage'),
  });

export const useIndexReport = (period: IndexPeriod | null) =>
  useQuery({
    queryKey: ['index', 'report', period],
    queryFn: () => api.get<IndexReportData>('/api/index', period!),
    enabled: period !== null,
    // Keep the last report on screen while another period loads.
    placeholderData: keepPreviousData,
  });

/** Where the PDF of the same report downloads from. */
export const indexPdfUrl = (period: IndexPeriod, lang: string) =>
  `/api/index/report.pdf?${new URLSearchParams({ ...period, lang })}`;

/** The freight rate index of the last `weeks` ISO weeks (public, like the trade index). */
export const useFreightIndex = (weeks = 12) =>
  useQuery({
    queryKey: ['freight', 'index', weeks],
    queryFn: () => api.get<FreightIndexData>('/api/freight/index', { weeks }),
  });
