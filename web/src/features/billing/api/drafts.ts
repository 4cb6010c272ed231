// Adjusting a draft (manual lines, excluded records) and issuing drafts, one or many.
import { api } from '../../../app/api/client';
import type { InvoiceDetail } from './invoices';
import { useBillingMutation } from './keys';

/** The rate an invoice in a foreign currency is issued with: units of the home currency per one unit of the invoice's ('24.335'). */
export interface ExchangeRateInput {
  rate: string;
  date: string;
}

export interface ManualLine {
  description: string;
  quantity: string;
  unit: string;
  unitPriceMinor: number;
  vatRateBp: number;
}

export interface BulkIssueReport {
  issued: { id: number; number: string }[];
  notIssued: { id: number; clientId?: number | null; clientName: string; number: string | null; code: string; reason: string; details?: { path: string; code: string; message: string }[] }[];
}

// Draft adjustments send the draft's version as last read: a stale one answers 409 stale_version.
export const useAddLine = (id: number) => useBillingMutation((line: ManualLine & { version: number }) => api.post(`/invoices/${id}/lines`, line));
export const useEditLine = (id: number) => useBillingMutation((p: { lineId: number; description: string; version: number }) => api.patch(`/invoices/${id}/lines/${p.lineId}`, { description: p.description, version: p.version }));
export const useDeleteLine = (id: number) => useBillingMutation((p: { lineId: number; version: number }) => api.delete(`/invoices/${id}/lines/${p.lineId}?version=${p.version}`));
export const useExcludeRecord = (id: number) => useBillingMutation((p: { recordId: number; note: string; version: number }) => api.post(`/invoices/${id}/exclude-record`, p));
export const useIssue = () => useBillingMutation((p: { id: number; exchangeRate?: ExchangeRateInput }) => api.post<InvoiceDetail>(`/invoices/${p.id}/issue`, p.exchangeRate ? { exchangeRate: p.exchangeRate } : {}));
export const useIssueMany = () =>
  useBillingMutation((p: { ids: number[]; exchangeRates?: Record<string, ExchangeRateInput> }) => api.post<BulkIssueReport>('/invoices/issue', { ids: p.ids, ...(p.exchangeRates ? { exchangeRates: p.exchangeRates } : {}) }));
