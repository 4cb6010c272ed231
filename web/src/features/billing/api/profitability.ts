// Profitability report: revenue against costs by contract, client, technician or work type.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../../app/api/client';
import { billingKeys } from './keys';

export type GroupBy = 'contract' | 'client' | 'technician' | 'work_type';
export const GROUP_BY: readonly GroupBy[] = ['contract', 'client', 'technician', 'work_type'];

export interface Figures {
  revenueMinor: number;
  labourCostMinor: number;
  travelCostMinor: number;
  materialCostMinor: number;
  costMinor: number;
  marginMinor: number;
  marginPct: number | null;
  marginPctTenths: number | null;
  /** Costs not counted: no exchange rate of their day into the row's currency. */
  missingRates: MissingRate[];
}

export interface MissingRate {
  currency: string;
  toCurrency: string;
  date: string;
  costMinor: number;
}

export interface ProfitRow extends Figures {
  key: string;
  label: string;
  currency: string;
  prepaidUtilisationBp: number | null;
}

export interface ProfitabilityReport {
  from: string;
  to: string;
  groupBy: GroupBy;
  includeDrafts: boolean;
  periods: string[];
  rows: ProfitRow[];
  series: (Figures & { period: string; currency: string })[];
  totals: (Figures & { currency: string; prepaidUtilisationBp: number | null })[];
}

export interface ProfitabilityQuery {
  from: string;
  to: string;
  groupBy: GroupBy;
  includeDrafts: boolean;
  clientId?: number | null;
  contractId?: number | null;
}

export function useProfitability(q: ProfitabilityQuery, enabled: boolean) {
  return useQuery({
    queryKey: billingKeys.profitability(q),
    queryFn: ({ signal }) => api.get<ProfitabilityReport>('/profitability', profitabilityParams(q), signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

function profitabilityParams(q: ProfitabilityQuery) {
  return { from: q.from, to: q.to, groupBy: q.groupBy, includeDrafts: q.includeDrafts ? 'true' : undefined, clientId: q.clientId, contractId: q.contractId };
}

export function profitabilityExportUrl(format: 'csv' | 'xlsx', q: ProfitabilityQuery, lang: string): string {
  return buildUrl(`/profitability.${format}`, { ...profitabilityParams(q), lang });
}
