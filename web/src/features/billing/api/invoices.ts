// Invoices and credit notes as documents: the list, one document, its preview and PDF.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, buildUrl, type Page } from '../../../app/api/client';
import type { PaymentEntry } from './payments';
import type { BuyerAddressField, DraftBlock, IssueWarning } from './runs';
import { billingKeys } from './keys';

export type InvoiceState = 'draft' | 'issued' | 'sent' | 'paid' | 'credited';
export type InvoiceStatus = InvoiceState | 'overdue';
export const INVOICE_STATUSES: readonly InvoiceStatus[] = ['draft', 'issued', 'sent', 'overdue', 'paid', 'credited'];
/** What the invoices list filters by: a status, or 'overpaid' (invoices owing the client money back, refundDueMinor above 0). */
export type InvoiceListState = InvoiceStatus | 'overpaid';
export const INVOICE_LIST_STATES: readonly InvoiceListState[] = [...INVOICE_STATUSES, 'overpaid'];
export type InvoiceAction = 'issue' | 'markSent' | 'recordPayment' | 'recordRefund' | 'creditNote';

export interface InvoiceSummary {
  id: number;
  kind: 'invoice' | 'credit_note';
  state: InvoiceState;
  status: InvoiceStatus;
  number: string | null;
  variableSymbol: string | null;
  period: string | null;
  client: { id: number; name: string };
  contractId: number | null;
  currency: string;
  language: string;
  issueDate: string | null;
  taxableSupplyDate: string | null;
  dueDate: string | null;
  correctsInvoiceId: number | null;
  netMinor?: number;
  vatMinor?: number;
  totalMinor?: number;
  paidMinor?: number;
  creditedMinor?: number;
  amountDueMinor?: number;
  /** Paid beyond what is left after credit notes: owed back to the client (on a credit note: its invoice's). */
  refundDueMinor?: number;
  blocked: string[];
  /** Drafts: why it cannot be issued, as codes, and whether each reason still holds. */
  blocks?: DraftBlock[];
  version: number;
}

export interface InvoiceLine {
  id: number;
  position: number;
  kind: string;
  description: string;
  quantityMilli: number;
  unit: string;
  /** The unit in the document's language, as the PDF and preview print it. */
  unitText: string;
  unitPriceMinor?: number;
  netMinor?: number;
  vatRateBp: number;
  feePeriod: string | null;
  correctsLineId: number | null;
  creditedMinor?: number;
  leftToCreditMinor?: number;
}

export interface VatGroup {
  vatRateBp: number;
  baseMinor: number;
  vatMinor: number;
  totalMinor: number;
}

export interface InvoiceDetail extends InvoiceSummary {
  paymentTermsDays: number;
  reverseCharge: boolean;
  roundTotal: boolean;
  roundingMinor?: number;
  vatRecap?: VatGroup[];
  lines: InvoiceLine[];
  payments: PaymentEntry[];
  creditNotes: { id: number; number: string | null; issueDate: string | null; totalMinor?: number; reason: string | null; releasesRecords: boolean }[];
  corrects: { id: number; number: string | null } | null;
  creditReason: string | null;
  recordsCount: number;
  /** The billing run that computed the document; null for credit notes and documents no run made. */
  runId: number | null;
  note: string;
  issuedAt: string | null;
  sentAt: string | null;
  /** Foreign-currency invoices with VAT: the rate fixed at issue and its day. */
  exchangeRate: string | null;
  exchangeRateDate: string | null;
  /** Drafts: issuing needs an exchange rate to the supplier's currency (homeCurrency). */
  needsExchangeRate: boolean;
  homeCurrency: string | null;
  allowedActions: InvoiceAction[];
  /** Drafts: contracts whose billing terms changed after the draft was computed. */
  staleTerms: { contractId: number; number: string; termsChangedAt: string }[];
  /** Drafts: what the client's address lacks for a tax document (issuing is refused until it is filled in on the client). */
  buyerMissing?: BuyerAddressField[];
  /** Drafts: the standard VAT rate of the supplier's country on the draft's date of taxable supply (a manual line's default); null when unknown. */
  standardVatRateBp?: number | null;
  /** Drafts of invoices: the client's records still waiting for approval up to the period's end; null otherwise. */
  waitingRecords?: { count: number; amountMinor?: number } | null;
  /** Drafts of invoices: what issuing today is not refused for but should be looked at first; empty otherwise. */
  issueWarnings?: IssueWarning[];
}

export interface InvoiceFilters {
  status?: InvoiceListState | null;
  kind?: 'invoice' | 'credit_note' | null;
  period?: string | null;
  clientId?: number | null;
  q?: string | null;
}

function invoiceQuery(f: InvoiceFilters) {
  return { state: f.status, kind: f.kind, period: f.period, clientId: f.clientId, q: f.q };
}

export function useInvoices(f: InvoiceFilters) {
  return useInfiniteQuery({
    queryKey: billingKeys.invoices(f),
    queryFn: ({ pageParam, signal }) => api.get<Page<InvoiceSummary>>('/invoices', { ...invoiceQuery(f), cursor: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useInvoice(id: number) {
  return useQuery({ queryKey: billingKeys.invoice(id), queryFn: ({ signal }) => api.get<InvoiceDetail>(`/invoices/${id}`, undefined, signal) });
}

/** The printable HTML page; a draft's `version` makes the page load again once the draft changed. */
export const previewUrl = (id: number, version?: number) => buildUrl(`/invoices/${id}/preview.html`, version === undefined ? undefined : { v: version });
/** The document as PDF; with the work report appended as an annex when asked. */
export const pdfUrl = (id: number, workReport = false) => buildUrl(`/invoices/${id}/pdf`, workReport ? { workReport: 'true' } : undefined);

/** Whether the server renders this document as PDF (a HEAD request, answered without rendering it: the link is shown only when it does). */
export function usePdfAvailable(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['billing', 'pdf-available', id],
    queryFn: async ({ signal }) => (await fetch(pdfUrl(id), { method: 'HEAD', credentials: 'same-origin', signal })).ok,
    enabled,
    staleTime: Infinity,
    retry: false,
  });
}
