import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';
import type {
  Booking,
  BookingEventInput,
  BookingInput,
  BookingSummary,
  FreightSearchParams,
  FreightSearchResult,
  RateCard,
  RateCardDetail,
  RateCardInput,
} from './freight-types';

const seg = (value: string) => encodeURIComponent(value);

// Bookings move on both sides (the forwarder reports, the shipper cancels): fresher than the app default.
const LIVE_STALE_MS = 10_000;
const BOOKING_POLL_MS = 30_000;

/** A 4xx is an answer (unknown port, bad cargo), not a glitch: don't retry it. */
const retryServerErrors = (count: number, error: unknown) =>
  !(error instanceof ApiError && error.status < 500) && count < 2;

export const useFreightSearch = (params: FreightSearchParams | null) =>
  useQuery({
    queryKey: ['freight-search', params],
    queryFn: () => api.get<FreightSearchResult>('/api/freight/search', params ?? undefined),
    enabled: params !== null,
    placeholderData: keepPreviousData,
    retry: retryServerErrors,
  });

export const useBookings = (enabled = true) =>
  useQuery({
    queryKey: ['freight-bookings'],
    queryFn: () => api.get<BookingSummary[]>('/api/freight/bookings'),
    enabled,
    staleTime: LIVE_STALE_MS,
  });

const bookingQuery = (id: string) => ({
  queryKey: ['freight-booking', id],
  queryFn: () => api.get<Booking>(`/api/freight/bookings/${seg(id)}`),
  staleTime: LIVE_STALE_MS,
});

export const useBooking = (id: string) => useQuery({ ...bookingQuery(id), refetchInterval: BOOKING_POLL_MS });

/** After a command that answers with the booking: show that answer at once, then refresh the lists. */
const useBookingMutation = <V>(run: (variables: V) => Promise<Booking>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (booking) => {
      queryClient.setQueryData(['freight-booking', booking.id], booking);
      return Promise.all(
        ['freight-bookings', 'freight-search', 'rate-card'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
};

/** Booking sends the form's Idempotency-Key: a double click or a retry takes the space once. */
export const useBookFreight = () =>
  useBookingMutation(({ idempotencyKey, ...input }: BookingInput & { idempotencyKey: string }) =>
    api.post<Booking>('/api/freight/bookings', input, { idempotencyKey }),
  );

export const usePostBookingEvent = (bookingId: string) =>
  useBookingMutation((input: BookingEventInput) =>
    api.post<Booking>(`/api/freight/bookings/${seg(bookingId)}/events`, input),
  );

export const useCancelBooking = (bookingId: string) =>
  useBookingMutation(() => api.post<Booking>(`/api/freight/bookings/${seg(bookingId)}/cancel`));

/** A forwarder acting on a booking from a list row (the desk's confirm and reject). */
export const useBookingAction = () =>
  useBookingMutation(({ id, input }: { id: string; input: BookingEventInput }) =>
    api.post<Booking>(`/api/freight/bookings/${seg(id)}/events`, input),
  );

export const useRateCards = (enabled = true) =>
  useQuery({
    queryKey: ['rate-cards'],
    queryFn: () => api.get<RateCard[]>('/api/freight/rate-cards'),
    enabled,
  });

export const useRateCard = (id: string | null) =>
  useQuery({
    queryKey: ['rate-card', id],
    queryFn: () => api.get<RateCardDetail>(`/api/freight/rate-cards/${seg(id ?? '')}`),
    enabled: Boolean(id),
    staleTime: LIVE_STALE_MS,
  });

export const usePublishRateCard = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RateCardInput) => api.post<RateCardDetail>('/api/freight/rate-cards', input),
    onSuccess: (detail) => {
      queryClient.setQueryData(['rate-card', detail.card.id], detail);
      return queryClient.invalidateQueries({ queryKey: ['rate-cards'] });
    },
  });
};

/** Several cards with their departures at once (the forwarder looking for a booking's card). */
export const useRateCardDetails = (ids: string[]) =>
  useQueries({
    queries: ids.map((id) => ({
      queryKey: ['rate-card', id],
      queryFn: () => api.get<RateCardDetail>(`/api/freight/rate-cards/${seg(id)}`),
      staleTime: LIVE_STALE_MS,
    })),
  });
