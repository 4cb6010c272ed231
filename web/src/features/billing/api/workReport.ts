// The work report of an invoice: which records went into it and how each was billed.
import { useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../../app/api/client';
import { billingKeys } from './keys';

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

export function useWorkReport(id: number, enabled = true) {
  return useQuery({ queryKey: billingKeys.workReport(id), queryFn: ({ signal }) => api.get<WorkReport>(`/invoices/${id}/work-report`, undefined, signal), enabled });
}

export const workReportUrl = (id: number, format: 'csv' | 'pdf') => buildUrl(`/invoices/${id}/work-report.${format}`);
