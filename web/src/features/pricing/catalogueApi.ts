// The pricing catalogue (work types, technician levels, travel zones, unit fees,
// VAT rates), technicians' settings and internal cost rates.
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiRequest } from '../../app/api/client';
import { useInvalidateWithAudit } from '../../app/api/invalidate';

export type VatCategory = 'standard' | 'reduced' | 'second_reduced' | 'zero';
export const VAT_CATEGORIES: readonly VatCategory[] = ['standard', 'reduced', 'second_reduced', 'zero'];
export type ActiveFilter = 'true' | 'false' | 'all';

export interface Coded {
  id: number;
  code: string;
  name: string;
  active: boolean;
}

export interface WorkType extends Coded {
  /** The name on documents in that language (invoice lines, work report); null: `name` prints. */
  nameCs: string | null;
  nameSk: string | null;
  nameEn: string | null;
  vatCategory: VatCategory;
  billableDefault: boolean;
  minimumMinutes: number;
}

export interface UnitFee extends Coded {
  unit: string;
  vatCategory: VatCategory;
}

export interface VatRate {
  id: number;
  country: string;
  category: VatCategory;
  rateBp: number;
  validFrom: string;
  validTo: string | null;
}

export interface TechnicianSettings {
  userId: number;
  userName: string;
  levelId: number | null;
  autoApprove: boolean;
  updatedAt: string | null;
}

export interface CostRate {
  id: number;
  kind: 'hourly' | 'per_km';
  userId: number | null;
  amountMinor: number;
  currency: string;
  validFrom: string;
  createdAt: string;
}

export type NewCostRate =
  | { kind: 'hourly'; userId: number; amountMinor: number; validFrom: string }
  | { kind: 'per_km'; amountMinor: number; validFrom: string };

/** Catalogue paths: a list of code + name (+ more) at /api/v1/<path>. */
export type CataloguePath = 'work-types' | 'technician-levels' | 'travel-zones' | 'unit-fees';

const CATALOGUE_STALE = 60_000;

export const pricingKeys = {
  all: ['pricing'] as const,
  catalogue: (path: CataloguePath, active: ActiveFilter) => ['pricing', path, active] as const,
  vat: ['pricing', 'vat-rates'] as const,
  technicians: ['pricing', 'technician-settings'] as const,
  costRates: ['pricing', 'cost-rates'] as const,
};

export function useCatalogue<T extends Coded>(path: CataloguePath, active: ActiveFilter = 'all', enabled = true) {
  return useQuery({
    queryKey: pricingKeys.catalogue(path, active),
    queryFn: ({ signal }) => api.get<{ items: T[] }>(`/${path}`, { active }, signal).then((r) => r.items),
    staleTime: CATALOGUE_STALE,
    enabled,
  });
}

export const useWorkTypes = (active: ActiveFilter = 'all') => useCatalogue<WorkType>('work-types', active);
export const useLevels = (active: ActiveFilter = 'all', enabled = true) => useCatalogue<Coded>('technician-levels', active, enabled);
export const useZones = (active: ActiveFilter = 'all') => useCatalogue<Coded>('travel-zones', active);
export const useUnitFees = (active: ActiveFilter = 'all') => useCatalogue<UnitFee>('unit-fees', active);


/** Creates (id null) or changes an entry of a catalogue list. */
export function useSaveCatalogue<T>(path: CataloguePath) {
  const onSuccess = useInvalidateWithAudit(pricingKeys.all);
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: Record<string, unknown> }) =>
      id === null ? api.post<T>(`/${path}`, body) : api.patch<T>(`/${path}/${id}`, body),
    onSuccess,
  });
}

export function useVatRates() {
  return useQuery({
    queryKey: pricingKeys.vat,
    queryFn: ({ signal }) => api.get<{ items: VatRate[] }>('/vat-rates', undefined, signal).then((r) => r.items),
  });
}

/** Adds a rate valid from a date (409 when the date is taken or before the latest rate of its country and category). */
export function useCreateVatRate() {
  const onSuccess = useInvalidateWithAudit(pricingKeys.all);
  return useMutation({
    mutationFn: (body: { country: string; category: VatCategory; rateBp: number; validFrom: string }) => api.post<VatRate>('/vat-rates', body),
    onSuccess,
  });
}

export function useTechnicianSettings(enabled = true) {
  return useQuery({
    queryKey: pricingKeys.technicians,
    queryFn: ({ signal }) => api.get<{ items: TechnicianSettings[] }>('/technician-settings', undefined, signal).then((r) => r.items),
    staleTime: CATALOGUE_STALE,
    enabled,
  });
}

export function useSaveTechnicianSettings() {
  const onSuccess = useInvalidateWithAudit(pricingKeys.all);
  return useMutation({
    mutationFn: ({ userId, levelId, autoApprove }: { userId: number; levelId: number | null; autoApprove: boolean }) =>
      apiRequest<TechnicianSettings>(`/users/${userId}/technician-settings`, { method: 'PUT', body: { levelId, autoApprove } }),
    onSuccess,
  });
}

export function useCostRates(enabled: boolean) {
  return useQuery({
    queryKey: pricingKeys.costRates,
    queryFn: ({ signal }) => api.get<{ items: CostRate[] }>('/cost-rates', undefined, signal).then((r) => r.items),
    enabled,
  });
}

export function useCreateCostRate() {
  const onSuccess = useInvalidateWithAudit(pricingKeys.all);
  return useMutation({ mutationFn: (body: NewCostRate) => api.post<CostRate>('/cost-rates', body), onSuccess });
}

export function useDeleteCostRate() {
  const onSuccess = useInvalidateWithAudit(pricingKeys.all);
  return useMutation({ mutationFn: (id: number) => api.delete(`/cost-rates/${id}`), onSuccess });
}
