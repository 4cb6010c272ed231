import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, type Page } from '../../app/api/client';

/** A rate of the daily list: Czech crowns for `amount` units of `currency` on `day`. */
export interface ExchangeRate {
  currency: string;
  day: string;
  amount: number;
  /** Exact decimal with a dot, e.g. '24.305'. */
  rate: string;
  source: 'cnb' | 'manual';
  enteredBy: { id: number; name: string | null } | null;
  enteredAt: string;
}

export interface ImportReport {
  day: string;
  added: string[];
  replaced: string[];
  unchanged: string[];
  keptManual: string[];
  requestedDay?: string;
}

export interface RateSuggestion {
  currency: string;
  day: string;
  found: { rate: string; rateDay: string; source: 'cnb' | 'manual' } | null;
  unknown?: 'none' | 'too_old' | 'other_home_currency';
  lastDay?: string | null;
}

export interface RatesFilter {
  currency: string;
  from: string;
  to: string;
}

const ratesKey = ['exchange-rates'] as const;

export function useExchangeRates(filter: RatesFilter) {
  return useInfiniteQuery({
    queryKey: [...ratesKey, 'list', filter],
    queryFn: ({ pageParam, signal }) => api.get<Page<ExchangeRate>>('/exchange-rates', { ...filter, limit: 100, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

function useRatesMutation<P, R>(call: (p: P) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ratesKey }) });
}

export const useSaveRate = () =>
  useRatesMutation((p: { currency: string; day: string; amount: number; rate: string }) =>
    apiRequest<ExchangeRate>(`/exchange-rates/${encodeURIComponent(p.currency)}/${p.day}`, { method: 'PUT', body: { amount: p.amount, rate: p.rate } }));

/** The file's text goes as the body (a JSON string; the server takes text/plain too). */
export const useImportCnb = () =>
  useRatesMutation((p: { text: string; replaceManual: boolean }) =>
    apiRequest<ImportReport>('/exchange-rates/cnb-import', { method: 'POST', body: p.text, query: { replaceManual: p.replaceManual ? 'true' : undefined } }));

export const useFetchCnb = () =>
  useRatesMutation((p: { day: string; replaceManual: boolean }) =>
    apiRequest<ImportReport>('/exchange-rates/cnb-fetch', { method: 'POST', body: { ...(p.day ? { day: p.day } : {}), replaceManual: p.replaceManual } }));

/** The list's rate for issuing in `currency` with the rate of `day` (null when the list has none). */
export function useRateSuggestion(currency: string, day: string, enabled: boolean) {
  return useQuery({
    queryKey: [...ratesKey, 'suggestion', currency, day],
    queryFn: ({ signal }) => api.get<RateSuggestion>('/exchange-rates/suggestion', { currency, day }, signal),
    enabled: enabled && /^[A-Z]{3}$/.test(currency) && /^\d{4}-\d{2}-\d{2}$/.test(day),
    staleTime: 60_000,
    retry: false,
  });
}
