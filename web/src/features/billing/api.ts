// Billing runs, drafts, invoices and profitability: the API shapes the pages use, and their queries.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl, type Page } from '../../app/api/client';
import { sendManyWithProgress, type BulkSendProgress } from './bulkSendStream';

// ---- billing runs --------------------------------------------------------

export interface RunDraft {
  invoiceId: number;
  clientId: number;
  clientName: string;
  contractId: number | null;
  currency: string;
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
  blocked: string[];
  /** The document's status now ('replaced': a later run of the period deleted the draft); amounts above are the document's current ones. */
  state?: InvoiceStatus | 'replaced';
  number?: string | null;
  /** Drafts, as the client is now: what its address lacks for a tax document (issuing is refused until it is filled in). */
  buyerMissing?: BuyerAddressField[];
  /** Drafts, read now: the client's records still waiting for approval up to the period's end and their sum in the draft's currency. */
  waiting?: { count: number; amountMinor: number };
  /** Drafts, read now: what issuing is not refused for but should be looked at first. */
  issueWarnings?: IssueWarning[];
}

/**
 * What issuing a draft is not refused for but should be looked at first: a draft in another
 * currency than its client's, a tax document later than the supplier's VAT law allows.
 */
export type IssueWarning =
  | { code: 'currency_differs'; clientCurrency: string; currency: string; priceLists: { name: string; currency: string }[] }
  | { code: 'late_tax_document'; country: 'CZ' | 'SK'; rule: 'supply_day' | 'month_end'; taxableSupplyDate: string; issueDate: string; deadline: string; daysLate: number };

/** The parts of a customer's address a tax document must carry. */
export type BuyerAddressField = 'street' | 'city' | 'postalCode' | 'country';

/** An unissued draft of an earlier month: a later run leaves its records and fees to it. */
export interface EarlierDraft {
  invoiceId: number;
  clientId: number;
  clientName: string;
  period: string;
  currency: string;
  netMinor: number;
  totalMinor: number;
  createdAt: string;
}

export interface RunBlocked {
  clientId: number;
  clientName: string;
  contractId: number | null;
  reason: string;
  code?: string;
  detail: string;
  recordIds?: number[];
}

export interface RunWaiting {
  recordId: number;
  ticketId: number;
  ticketNumber: string;
  technicianName: string;
  date: string;
  state: string;
  clientId?: number;
  clientName?: string;
  /** Absent in runs made before it was recorded; 'return': material coming back (negative). */
  kind?: 'work' | 'travel' | 'fee' | 'material' | 'return';
  amountMinor?: number | null;
  currency?: string | null;
  description?: string;
}

export interface RunLate {
  recordId: number;
  clientId: number;
  ticketNumber: string;
  date: string;
  invoiceId: number | null;
  note: string | null;
}

export interface RunResult {
  drafts: RunDraft[];
  blocked: RunBlocked[];
  waiting: RunWaiting[];
  waitingCount?: number;
  late: RunLate[];
}

export interface BillingRun {
  id: number;
  period: string;
  state: 'running' | 'completed' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  progress: { done: number; total: number };
  error: string | null;
  result: RunResult | null;
  /** GET /billing-runs/{id}: the later run of the period that replaced this one's unissued drafts; null while none has. */
  replacedBy?: { id: number; startedAt: string } | null;
}

// ---- invoices ------------------------------------------------------------

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

/** Who recorded a payment entry (null: the system). */
export type RecordedBy = { id: number; name: string } | null;

/** A payment, refund (negative) or reversal (reversesPaymentId set); a reversed entry names its reversal. */
export interface PaymentEntry {
  id: number;
  date: string;
  amountMinor?: number;
  /** The note typed with it; a reversal's reason. */
  note: string;
  createdAt: string;
  createdBy: RecordedBy;
  reversesPaymentId: number | null;
  reversal: { id: number; date: string; reason: string; createdAt: string; createdBy: RecordedBy } | null;
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

/** The rate an invoice in a foreign currency is issued with: units of the home currency per one unit of the invoice's ('24.335'). */
export interface ExchangeRateInput {
  rate: string;
  date: string;
}

export interface WorkReportEntry {
  recordId: string | number;
  date: string;
  startTime: string | null;
  ticketNumber: string;
  ticketSubject: string;
  technician: string;
  kind: 'work' | 'travel' | 'unit_fee' | 'item';
  what: string;
  description: string;
  minutes: number;
  billableMinutes: number;
  coveredMinutes: number;
  quantityMilli: number | null;
  /** The quantity's unit as the document's lines print it ('km', 'ks', 'výjezd'); null for work. */
  unit?: string | null;
  outcome: 'covered' | 'partly_covered' | 'billed';
  amountMinor: number;
  late: boolean;
  /** The invoice line the record's amount went into (an invoice line's id as text; the first when its overage parts are on several); null when covered. */
  lineId: string | null;
  /** Why the record's own price is what it is, worded by the server in the reader's language. */
  explanation: string[];
  /** How the amount was billed over the contract's prepaid hours (minutes × rate per overage line); null when not billed as overage. */
  overage?: { parts: WorkReportOveragePart[] } | null;
}

/** A record's minutes on one overage line; the parts add up to the row's amount. */
export interface WorkReportOveragePart {
  /** The invoice line the part is on (its id as text): a record over two tiered bands has a part on each band's line. */
  lineId: string;
  /** entry_rate: the record's own rate and surcharge; flat_rate, tiered: the contract's rate. */
  method: 'entry_rate' | 'flat_rate' | 'tiered';
  /** 1-based tiered band; null otherwise. */
  band: number | null;
  minutes: number;
  rateMinor: number;
  surchargePct: number;
  amountMinor: number;
  /** The invoice line's rounding remainder that fell on this record. */
  roundingMinor: number;
}

export interface WorkReport {
  invoiceId: string | number;
  invoiceNumber: string | null;
  period: string;
  currency: string;
  entries: WorkReportEntry[];
  ledger: { period: string; openingCarried: number; allocated: number; consumed: number; carriedOut: number; lapsed: number } | null;
  totals: { minutes: number; billableMinutes: number; coveredMinutes: number; amountMinor: number };
}

export interface InvoiceFilters {
  status?: InvoiceListState | null;
  kind?: 'invoice' | 'credit_note' | null;
  period?: string | null;
  clientId?: number | null;
  q?: string | null;
}

export interface ManualLine {
  description: string;
  quantity: string;
  unit: string;
  unitPriceMinor: number;
  vatRateBp: number;
}

export type CreditNoteInput =
  | { reason: string; full: true; releaseRecords?: boolean }
  | { reason: string; lines: { lineId: number; amountMinor: number }[] };

export interface BulkIssueReport {
  issued: { id: number; number: string }[];
  notIssued: { id: number; clientId?: number | null; clientName: string; number: string | null; code: string; reason: string; details?: { path: string; code: string; message: string }[] }[];
}

// ---- profitability -------------------------------------------------------

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

// ---- queries -------------------------------------------------------------

export const billingKeys = {
  all: ['billing'] as const,
  runs: (period: string | null) => ['billing', 'runs', period] as const,
  run: (id: number) => ['billing', 'run', id] as const,
  invoices: (f: InvoiceFilters) => ['billing', 'invoices', f] as const,
  invoice: (id: number) => ['billing', 'invoice', id] as const,
  workReport: (id: number) => ['billing', 'work-report', id] as const,
  profitability: (q: ProfitabilityQuery) => ['billing', 'profitability', q] as const,
};

export function useRuns(period: string | null) {
  return useQuery({ queryKey: billingKeys.runs(period), queryFn: ({ signal }) => api.get<{ items: BillingRun[] }>('/billing-runs', { period }, signal) });
}

/** Unissued drafts of months before `period` (null: none asked for). */
export function useEarlierDrafts(period: string | null) {
  return useQuery({
    queryKey: ['billing', 'earlier-drafts', period] as const,
    queryFn: ({ signal }) => api.get<{ items: EarlierDraft[]; total: number }>('/billing-runs/earlier-drafts', { period }, signal),
    enabled: period !== null,
  });
}

/** A run, polled every second while it runs. */
export function useRun(id: number) {
  return useQuery({
    queryKey: billingKeys.run(id),
    queryFn: ({ signal }) => api.get<BillingRun>(`/billing-runs/${id}`, undefined, signal),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false),
  });
}

export function useStartRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => api.post<BillingRun>('/billing-runs', { period }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: billingKeys.all }),
  });
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

export function useWorkReport(id: number, enabled = true) {
  return useQuery({ queryKey: billingKeys.workReport(id), queryFn: ({ signal }) => api.get<WorkReport>(`/invoices/${id}/work-report`, undefined, signal), enabled });
}

/** Every change to an invoice refreshes invoices, runs and reports. */
function useBillingMutation<T, R>(fn: (input: T) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: billingKeys.all }) });
}

// Draft adjustments send the draft's version as last read: a stale one answers 409 stale_version.
export const useAddLine = (id: number) => useBillingMutation((line: ManualLine & { version: number }) => api.post(`/invoices/${id}/lines`, line));
export const useEditLine = (id: number) => useBillingMutation((p: { lineId: number; description: string; version: number }) => api.patch(`/invoices/${id}/lines/${p.lineId}`, { description: p.description, version: p.version }));
export const useDeleteLine = (id: number) => useBillingMutation((p: { lineId: number; version: number }) => api.delete(`/invoices/${id}/lines/${p.lineId}?version=${p.version}`));
export const useExcludeRecord = (id: number) => useBillingMutation((p: { recordId: number; note: string; version: number }) => api.post(`/invoices/${id}/exclude-record`, p));
export const useIssue = () => useBillingMutation((p: { id: number; exchangeRate?: ExchangeRateInput }) => api.post<InvoiceDetail>(`/invoices/${p.id}/issue`, p.exchangeRate ? { exchangeRate: p.exchangeRate } : {}));
export const useIssueMany = () =>
  useBillingMutation((p: { ids: number[]; exchangeRates?: Record<string, ExchangeRateInput> }) => api.post<BulkIssueReport>('/invoices/issue', { ids: p.ids, ...(p.exchangeRates ? { exchangeRates: p.exchangeRates } : {}) }));
export const useRecordPayment = (id: number) => useBillingMutation((p: { date: string; amountMinor: number; note?: string }) => api.post(`/invoices/${id}/payments`, p));
/** Money paid back to the client (amount positive; the server stores it as a negative payment). */
export const useRecordRefund = (id: number) => useBillingMutation((p: { date: string; amountMinor: number; note?: string }) => api.post(`/invoices/${id}/refunds`, p));
/** Takes back a payment or refund recorded by mistake: the server adds a reversal entry with the reason. */
export const useReversePayment = (id: number) => useBillingMutation((p: { paymentId: number; reason: string }) => api.post(`/invoices/${id}/payments/${p.paymentId}/reversal`, { reason: p.reason }));
export const useMarkSent = (id: number) => useBillingMutation(() => api.post(`/invoices/${id}/mark-sent`));
export const useCreditNote = (id: number) => useBillingMutation((p: CreditNoteInput) => api.post<{ id: number }>(`/invoices/${id}/credit-notes`, p));

export interface SentInvoice {
  outboxId: number;
  to: string;
  subject: string;
  state: string;
}
/** E-mails the issued document as PDF (to the client's address unless `to` is given); an issued invoice becomes sent. */
export const useSendInvoice = (id: number) => useBillingMutation((p: { to?: string }) => api.post<SentInvoice>(`/invoices/${id}/send`, p));

/** What e-mailing many invoices at once did: each sent one with its recipient, each other one with why not. */
export interface BulkSendReport {
  sent: { id: number; number: string | null; to: string }[];
  notSent: { id: number; number: string | null; code: string; message: string }[];
}
/**
 * E-mails the given invoices, or every issued, unsent one of a month, to their clients' e-mails,
 * telling `onProgress` how far the server is ("k of N") as it goes.
 */
export function useSendMany(onProgress: (p: BulkSendProgress) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { ids: number[] } | { period: string }) => sendManyWithProgress(p, { onProgress }),
    // After an interrupted answer too: some documents were sent by then.
    onSettled: () => void qc.invalidateQueries({ queryKey: billingKeys.all }),
  });
}

/** The client's e-mail address the document is sent to by default (the document's customer). */
export function useCustomerEmail(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['billing', 'document', id],
    queryFn: async ({ signal }) => (await api.get<{ customer: { email: string | null } }>(`/invoices/${id}/document`, undefined, signal)).customer.email,
    enabled,
  });
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
export const workReportUrl = (id: number, format: 'csv' | 'pdf') => buildUrl(`/invoices/${id}/work-report.${format}`);
