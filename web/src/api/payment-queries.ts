import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { invalidateOrderViews } from './order-queries';
import type {
  IncomingPayment,
  PaymentInstructions,
  Payout,
  Payouts,
  ReconciliationQueue,
  StatementImport,
} from './types';
import { uploadWithProgress } from './upload';

const seg = (value: string) => encodeURIComponent(value);

export const usePaymentInstructions = (orderId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['payment-instructions', orderId],
    queryFn: () => api.get<PaymentInstructions>(`/api/orders/${seg(orderId)}/payment-instructions`),
    enabled,
  });

export const useReconciliation = () =>
  useQuery({
    queryKey: ['reconciliation'],
    queryFn: () => api.get<ReconciliationQueue>('/api/payments/reconciliation'),
    staleTime: 10_000,
  });

/** The operator imports an MT940 or camt.053 file; wires are matched to dues by their reference. */
export const useImportStatement = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      file,
      idempotencyKey,
      onProgress,
    }: {
      file: File;
      idempotencyKey: string;
      onProgress?: (fraction: number) => void;
    }) =>
      uploadWithProgress<StatementImport>('/api/payments/statements', file, { idempotencyKey, onProgress }),
    onSuccess: () => invalidateOrderViews(queryClient),
  });
};

export type QueueResolution =
  | { action: 'assign'; reference: string }
  | { action: 'return'; note: string }
  | { action: 'dismiss'; note: string };

/** Assign an unmatched wire to a reference, return it (or an excess), or dismiss a partial payment. */
export const useResolvePayment = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      paymentId,
      resolution,
      idempotencyKey,
    }: {
      paymentId: string;
      resolution: QueueResolution;
      idempotencyKey: string;
    }) => {
      const { action, ...body } = resolution;
      return api.post<IncomingPayment>(`/api/payments/${seg(paymentId)}/${action}`, body, {
        idempotencyKey,
      });
    },
    onSuccess: () => invalidateOrderViews(queryClient),
  });
};

export const usePayouts = (enabled = true) =>
  useQuery({
    queryKey: ['payouts'],
    queryFn: () => api.get<Payouts>('/api/payouts'),
    enabled,
    staleTime: 10_000,
  });

export const useMarkPayoutPaid = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      payoutId,
      bankReference,
      idempotencyKey,
    }: {
      payoutId: string;
      bankReference: string;
      idempotencyKey: string;
    }) => api.post<Payout>(`/api/payouts/${seg(payoutId)}/paid`, { bankReference }, { idempotencyKey }),
    onSuccess: () => invalidateOrderViews(queryClient),
  });
};
