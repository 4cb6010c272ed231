// Contracts: terms, the prepaid ledger, live consumption, a ticket's contract, and the contract's profitability.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../app/api/client';
import type { MissingRate } from '../billing/api';

export type PeriodKind = 'month' | 'quarter' | 'year';
export type TimeClass = 'normal' | 'out_of_hours' | 'weekend_holiday';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];
export const TIME_CLASSES: readonly TimeClass[] = ['normal', 'out_of_hours', 'weekend_holiday'];

export interface OverageBand {
  /** Minutes in the band; null = unlimited (the last band). */
  minutes: number | null;
  ratePerHourMinor: number;
}

export type Overage =
  | { kind: 'entry_rate' }
  | { kind: 'flat_rate'; ratePerHourMinor: number }
  | { kind: 'tiered'; bands: OverageBand[] };

export type CarryOver = { enabled: false } | { enabled: true; capMinutes: number | null; lifePeriods: number };

export interface ContractTerms {
  clientId: number;
  number: string;
  name: string;
  currency: string;
  validFrom: string;
  validTo: string | null;
  periodKind: PeriodKind;
  priceListId: number | null;
  fee: { amountMinor: number; vatRateBp: number; timing: 'in_arrears' | 'in_advance'; prorate: boolean } | null;
  scope: { workTypeIds: number[]; coversTravel: boolean; unitFeeIds: number[] };
  prepaidMinutes: number;
  carryOver: CarryOver;
  /** Thousandths: 1.5 = 1500. */
  multipliers: { byWorkType: Record<string, number>; byTimeClass: Partial<Record<TimeClass, number>> };
  overage: Overage;
  ownInvoice: boolean;
  alertClient: boolean;
  slaPolicyId: number | null;
  note: string;
  active: boolean;
}

export interface Contract extends ContractTerms {
  id: number;
  clientName: string;
  priceListName: string | null;
  slaPolicyName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** When the terms billing computes with last changed. */
  termsChangedAt: string | null;
  /** Drafts made before the terms last changed (only on the contract's own page): they need the billing run again. */
  staleDrafts?: { invoiceId: number; period: string | null; computedAt: string }[];
}

export interface CarriedLot {
  originPeriod: string;
  minutes: number;
  remainingLife: number;
}

export interface LedgerRow {
  period: string;
  openingCarried: number;
  allocated: number;
  consumed: number;
  carriedOut: number;
  lapsed: number;
  lots: CarriedLot[];
  final: boolean;
  invoiceId: number | null;
  runId: number | null;
  updatedAt: string;
}

export interface Consumption {
  contractId: number;
  period: string;
  from: string;
  to: string;
  allocated: number;
  carried: number;
  used: number;
  left: number;
  overageMinutes: number;
  percent: number | null;
  projectedUsed: number | null;
  projectedPercent: number | null;
  /** The part of projectedUsed beyond the allowance. */
  projectedOverageMinutes: number | null;
  countedStates: string[];
  entries: number;
  /** mailed: whether this threshold's own mail went out (false: reached together with a higher one, or nobody to mail); null: not known. */
  alerts: { thresholdPct: number; sentAt: string; mailed: boolean | null }[];
}

interface Figures {
  revenueMinor: number;
  costMinor: number;
  missingRates: MissingRate[];
  marginMinor: number;
  marginPct: number | null;
  /** Margin in tenths of a percent, rounded once (565 = 56.5 %): what is shown. */
  marginPctTenths: number | null;
}

export interface ContractProfitability {
  from: string;
  to: string;
  series: (Figures & { period: string; currency: string })[];
  totals: (Figures & { currency: string; prepaidUtilisationBp: number | null })[];
}

export type ActiveFilter = 'true' | 'false' | 'all';
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const contractKeys = {
  all: ['contracts'] as const,
  list: (q: string, active: ActiveFilter, clientId: number | null) => ['contracts', 'list', q, active, clientId] as const,
  one: (id: number) => ['contracts', 'one', id] as const,
  ledger: (id: number) => ['contracts', 'ledger', id] as const,
  consumption: (id: number, period: string | null) => ['contracts', 'consumption', id, period] as const,
  profitability: (id: number, from: string, to: string) => ['contracts', 'profitability', id, from, to] as const,
};

export function useContracts(q: string, active: ActiveFilter, clientId: number | null = null, enabled = true) {
  return useInfiniteQuery({
    queryKey: contractKeys.list(q, active, clientId),
    queryFn: ({ pageParam, signal }) => api.get<Page<Contract>>('/contracts', { q, active, clientId, limit: 50, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useContract(id: number | null) {
  return useQuery({
    queryKey: contractKeys.one(id ?? 0),
    queryFn: ({ signal }) => api.get<Contract>(`/contracts/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useLedger(id: number) {
  return useQuery({
    queryKey: contractKeys.ledger(id),
    queryFn: ({ signal }) => api.get<{ items: LedgerRow[] }>(`/contracts/${id}/ledger`, undefined, signal).then((r) => r.items),
  });
}

export function useConsumption(id: number, period: string | null = null) {
  return useQuery({
    queryKey: contractKeys.consumption(id, period),
    queryFn: ({ signal }) => api.get<Consumption>(`/contracts/${id}/consumption`, { period }, signal),
  });
}

/** null when the report is not available (not built yet: 404; not allowed: 403). */
export function useContractProfitability(id: number, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: contractKeys.profitability(id, from, to),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<ContractProfitability>(`/contracts/${id}/profitability`, { from, to }, signal);
      } catch (error) {
        if (isApiError(error) && (error.status === 404 || error.status === 403)) return null;
        throw error;
      }
    },
    enabled,
    retry: false,
  });
}

export function useSaveContract(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ContractTerms> & { version?: number }) =>
      id === null ? api.post<Contract>('/contracts', body) : api.patch<Contract>(`/contracts/${id}`, body),
    onSuccess: (saved) => {
      qc.setQueryData(contractKeys.one(saved.id), saved);
      void qc.invalidateQueries({ queryKey: contractKeys.all });
    },
  });
}

export interface TicketContract {
  ticketId: number;
  contractId: number | null;
  contractNumber: string | null;
  slaPolicyId: number | null;
  recordsMoved: number;
}

export function useSetTicketContract(ticketId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (contractId: number | null) => api.patch<TicketContract>(`/tickets/${ticketId}/contract`, { contractId }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['tickets'] });
      void qc.invalidateQueries({ queryKey: ['records'] });
    },
  });
}
