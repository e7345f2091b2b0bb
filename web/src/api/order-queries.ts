import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type {
  CreateOrderInput,
  DecideDisputeInput,
  Dispute,
  DisputeList,
  OpenDisputeInput,
  Order,
  OrderList,
  OrderTermsInput,
} from './types';

const seg = (value: string) => encodeURIComponent(value);

// Orders move on both sides (the other company acts, a wire arrives): kept fresher than the app default.
const LIVE_STALE_MS = 10_000;
const ORDER_POLL_MS = 30_000;

/** Every view an order change can move: the order, its lists, its money and the bell. */
export const invalidateOrderViews = (queryClient: QueryClient) =>
  Promise.all(
    [
      'orders',
      'order',
      'payment-instructions',
      'order-disputes',
      'dispute',
      'dispute-desk',
      'payouts',
      'reconciliation',
      'notifications',
    ].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
  );

/** After a command that answers with the order: show that answer at once, then refresh the rest. */
const useOrderMutation = <V>(run: (variables: V) => Promise<Order>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (order) => {
      queryClient.setQueryData(['order', order.id], order);
      return invalidateOrderViews(queryClient);
    },
  });
};

export const useOrders = (enabled = true) =>
  useQuery({
    queryKey: ['orders'],
    queryFn: () => api.get<OrderList>('/api/orders', { limit: 100 }),
    enabled,
    staleTime: LIVE_STALE_MS,
  });

export const useOrder = (orderId: string | undefined) =>
  useQuery({
    queryKey: ['order', orderId],
    queryFn: () => api.get<Order>(`/api/orders/${seg(orderId ?? '')}`),
    enabled: Boolean(orderId),
    staleTime: LIVE_STALE_MS,
    refetchInterval: ORDER_POLL_MS,
  });

/** Placing an order sends the form's Idempotency-Key: a double click or a retry places one order. */
export const usePlaceOrderFromQuote = (quoteId: string) =>
  useOrderMutation(({ idempotencyKey, ...terms }: OrderTermsInput & { idempotencyKey: string }) =>
    api.post<Order>(`/api/quotes/${seg(quoteId)}/order`, terms, { idempotencyKey }),
  );

export const useCreateOrder = () =>
  useOrderMutation(({ idempotencyKey, ...input }: CreateOrderInput & { idempotencyKey: string }) =>
    api.post<Order>('/api/orders', input, { idempotencyKey }),
  );

/** The supplier's and buyer's steps that move no money and take no input. */
export type OrderStep = 'confirm' | 'ready' | 'delivered' | 'receive';

export const useOrderStep = (orderId: string) =>
  useOrderMutation((step: OrderStep) => api.post<Order>(`/api/orders/${seg(orderId)}/${step}`));

export const useShipOrder = (orderId: string) =>
  useOrderMutation((input: { carrier: string | null; trackingNumber: string | null }) =>
    api.post<Order>(`/api/orders/${seg(orderId)}/ship`, input),
  );

export const useCancelOrder = (orderId: string) =>
  useOrderMutation(({ reason, idempotencyKey }: { reason: string; idempotencyKey: string }) =>
    api.post<Order>(`/api/orders/${seg(orderId)}/cancel`, { reason }, { idempotencyKey }),
  );

/** The buyer releases escrow to the supplier now. */
export const useCompleteOrder = (orderId: string) =>
  useOrderMutation(({ idempotencyKey }: { idempotencyKey: string }) =>
    api.post<Order>(`/api/orders/${seg(orderId)}/complete`, {}, { idempotencyKey }),
  );

export const useRefundOrder = (orderId: string) =>
  useOrderMutation(
    ({ amount, reason, idempotencyKey }: { amount: string; reason: string; idempotencyKey: string }) =>
      api.post<Order>(`/api/orders/${seg(orderId)}/refund`, { amount, reason }, { idempotencyKey }),
  );

/** A card payment through the payment provider (the sandbox one, for now). */
export const usePayDue = (orderId: string) =>
  useOrderMutation(
    ({ dueId, token, idempotencyKey }: { dueId: string; token: string; idempotencyKey: string }) =>
      api.post<Order>(`/api/orders/${seg(orderId)}/pay`, { dueId, token }, { idempotencyKey }),
  );

// ── Disputes ──

export const useDispute = (disputeId: string) =>
  useQuery({
    queryKey: ['dispute', disputeId],
    queryFn: () => api.get<Dispute>(`/api/disputes/${seg(disputeId)}`),
    staleTime: LIVE_STALE_MS,
  });

export const useDisputeDesk = (enabled = true) =>
  useQuery({
    queryKey: ['dispute-desk'],
    queryFn: () => api.get<DisputeList>('/api/disputes'),
    enabled,
    staleTime: LIVE_STALE_MS,
  });

const useDisputeMutation = <V>(run: (variables: V) => Promise<Dispute>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (dispute) => {
      queryClient.setQueryData(['dispute', dispute.id], dispute);
      return invalidateOrderViews(queryClient);
    },
  });
};

export const useOpenDispute = (orderId: string) =>
  useDisputeMutation((input: OpenDisputeInput) =>
    api.post<Dispute>(`/api/orders/${seg(orderId)}/disputes`, input),
  );

export const useRespondToDispute = (disputeId: string) =>
  useDisputeMutation((response: string) =>
    api.post<Dispute>(`/api/disputes/${seg(disputeId)}/respond`, { response }),
  );

export const useDisputeStep = (disputeId: string) =>
  useDisputeMutation((step: 'escalate' | 'withdraw') =>
    api.post<Dispute>(`/api/disputes/${seg(disputeId)}/${step}`),
  );

export const useDecideDispute = (disputeId: string) =>
  useDisputeMutation(({ idempotencyKey, ...input }: DecideDisputeInput & { idempotencyKey: string }) =>
    api.post<Dispute>(`/api/disputes/${seg(disputeId)}/decide`, input, { idempotencyKey }),
  );
