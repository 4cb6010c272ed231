// Price lists, their versions (terms valid from a date), a client's list and the price preview.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../app/api/client';
import { useInvalidateWithAudit } from '../../app/api/invalidate';
import type { TimeClass } from '../records/api';
import type { ActiveFilter } from './catalogueApi';

export interface Terms {
  workRates: { workTypeId: number; technicianLevel: number | null; hourlyRateMinor: number }[];
  businessHours: { weekdays: number[]; start: string; end: string };
  surchargePct: Record<TimeClass, number>;
  incrementMinutes: number;
  minimumMinutes: { workTypeId: number; minutes: number }[];
  pricePerKmMinor: number | null;
  travelRatePerHourMinor: number | null;
  zoneFees: { zoneId: number; feeMinor: number }[];
  unitFeePrices: { feeId: number; priceMinor: number }[];
  itemPrices: { itemId: number; priceMinor: number }[];
}

export interface PriceList {
  id: number;
  name: string;
  currency: string;
  isDefault: boolean;
  active: boolean;
  /** Changes with the list and with any of its versions (send it back: 409 stale_version). */
  version: number;
  versions: { id: number; validFrom: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface PriceListVersion {
  id: number;
  priceListId: number;
  validFrom: string;
  terms: Terms;
  listVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface PriceListDetail extends Omit<PriceList, 'versions'> {
  versions: PriceListVersion[];
}

export interface ClientPriceList {
  clientId: number;
  priceListId: number | null;
  effectivePriceListId: number | null;
}

export interface PreviewInput {
  kind: 'work';
  clientId?: number;
  priceListId?: number;
  date: string;
  startTime: string | null;
  minutes: number;
  workTypeId?: number | null;
  technicianId?: number | null;
  billable: boolean;
}

interface PricedCommon {
  priceListId: number | null;
  priceListName: string | null;
  validFrom: string | null;
  costMinor: number | null;
  costCurrency: string | null;
  explanation: string[];
}

export type PricedRecord =
  | (PricedCommon & {
      ok: true;
      source: 'contract' | 'client' | 'default' | 'chosen';
      currency: string;
      timeClass?: TimeClass;
      billableMinutes?: number;
      rateMinor?: number;
      surchargePct?: number;
      unitPriceMinor?: number;
      amountMinor: number;
      vatCategory: string;
    })
  | (PricedCommon & { ok: false; reason: string; message: string });

export const priceListKeys = {
  all: ['price-lists'] as const,
  list: (active: ActiveFilter) => ['price-lists', 'list', active] as const,
  detail: (id: number) => ['price-lists', 'detail', id] as const,
  client: (clientId: number) => ['price-lists', 'client', clientId] as const,
};


export function usePriceLists(active: ActiveFilter = 'all', enabled = true) {
  return useQuery({
    queryKey: priceListKeys.list(active),
    queryFn: ({ signal }) => api.get<{ items: PriceList[] }>('/price-lists', { active }, signal).then((r) => r.items),
    enabled,
  });
}

export function usePriceList(id: number) {
  return useQuery({
    queryKey: priceListKeys.detail(id),
    queryFn: ({ signal }) => api.get<PriceListDetail>(`/price-lists/${id}`, undefined, signal),
    enabled: Number.isFinite(id),
  });
}

export function useSavePriceList() {
  const onSuccess = useInvalidateWithAudit(priceListKeys.all);
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Record<string, unknown> }) =>
      id === null ? api.post<PriceList>('/price-lists', body) : api.patch<PriceList>(`/price-lists/${id}`, body),
    onSuccess,
  });
}

export function useCreateVersion(listId: number) {
  const onSuccess = useInvalidateWithAudit(priceListKeys.all);
  return useMutation({
    mutationFn: (body: { validFrom: string; terms: Partial<Terms> }) => api.post<PriceListVersion>(`/price-lists/${listId}/versions`, body),
    onSuccess,
  });
}

export function useSaveVersion() {
  const onSuccess = useInvalidateWithAudit(priceListKeys.all);
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: { validFrom?: string; terms?: Terms; listVersion: number } }) =>
      api.patch<PriceListVersion>(`/price-list-versions/${id}`, body),
    onSuccess,
  });
}

export function useCopyVersion() {
  const onSuccess = useInvalidateWithAudit(priceListKeys.all);
  return useMutation({
    mutationFn: ({ id, validFrom }: { id: number; validFrom: string }) => api.post<PriceListVersion>(`/price-list-versions/${id}/copy`, { validFrom }),
    onSuccess,
  });
}

export function useDeleteVersion() {
  const onSuccess = useInvalidateWithAudit(priceListKeys.all);
  return useMutation({ mutationFn: (id: number) => api.delete(`/price-list-versions/${id}`), onSuccess });
}

export function useClientPriceList(clientId: number) {
  return useQuery({
    queryKey: priceListKeys.client(clientId),
    queryFn: ({ signal }) => api.get<ClientPriceList>(`/clients/${clientId}/price-list`, undefined, signal),
  });
}

export function useSaveClientPriceList(clientId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (priceListId: number | null) => apiRequest<ClientPriceList>(`/clients/${clientId}/price-list`, { method: 'PUT', body: { priceListId } }),
    onSuccess: (data) => {
      queryClient.setQueryData(priceListKeys.client(clientId), data);
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      void queryClient.invalidateQueries({ queryKey: ['records'] });
    },
  });
}

export function usePricePreview() {
  return useMutation({ mutationFn: (body: PreviewInput) => api.post<PricedRecord>('/price-preview', body) });
}
