// Query keys of the billing pages, and the mutation every change to an invoice goes through.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvoiceFilters } from './invoices';
import type { ProfitabilityQuery } from './profitability';

export const billingKeys = {
  all: ['billing'] as const,
  runs: (period: string | null) => ['billing', 'runs', period] as const,
  run: (id: number) => ['billing', 'run', id] as const,
  invoices: (f: InvoiceFilters) => ['billing', 'invoices', f] as const,
  invoice: (id: number) => ['billing', 'invoice', id] as const,
  workReport: (id: number) => ['billing', 'work-report', id] as const,
  profitability: (q: ProfitabilityQuery) => ['billing', 'profitability', q] as const,
};

/** Every change to an invoice refreshes invoices, runs and reports. */
export function useBillingMutation<T, R>(fn: (input: T) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: billingKeys.all }) });
}
