// Billing runs (POST /billing-runs): what a run of a month computed, and the drafts it left.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api/client';
import type { InvoiceStatus } from './invoices';
import { billingKeys } from './keys';

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
  /** Drafts, read now: why it cannot be issued, as codes, and whether each reason still holds. */
  blocks?: DraftBlock[];
}

/**
 * Why a draft cannot be issued, as it stands when read. `holds: false`: the reason is gone
 * (the contract's previous prepaid period is issued since) and billing runs again.
 */
export interface DraftBlock {
  code: 'missing_rate' | 'missing_vat_rate' | 'previous_prepaid_not_final' | 'prepaid_rerun' | 'other';
  /** The reason in English, as the server says it. */
  message: string;
  contractId: number | null;
  contractNumber: string | null;
  /** previous_prepaid_not_final: the contract period the run could not consume. */
  period: string | null;
  holds: boolean;
  /** previous_prepaid_not_final: the contract period to issue first. */
  previousPeriod: string | null;
  /** While it holds: the unissued draft of previousPeriod to issue first. */
  earlierDraftId: number | null;
}

/**
 * What issuing a draft is not refused for but should be looked at first: a draft in another
 * currency than its client's, a tax document later than the supplier's VAT law allows.
 */
export type IssueWarning =
  | { code: 'currency_differs'; clientCurrency: string; currency: string; priceLists: { name: string; currency: string }[] }
  | { code: 'late_tax_document'; country: 'CZ' | 'SK'; rule: 'supply_day' | 'month_end'; taxableSupplyDate: string; issueDate: string; deadline: string; daysLate: number }
  /** Records of the period approved after the draft's run: the draft leaves them to the next run (prepaidMinutes: of work its prepaid contract would have covered in this period). */
  | { code: 'records_after_run'; period: string; count: number; minutes: number; tickets: string[]; prepaidMinutes: number };

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
  /** The contract and (prepaid reasons) its period the reason is about; absent in older runs. */
  contractNumber?: string | null;
  period?: string | null;
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
