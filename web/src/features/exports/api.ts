// Accounting exports: what a period would export, running an export, past batches and their files.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl, downloadFile, type DownloadedFile, type Page } from '../../app/api/client';
import { runExportWithProgress, type ExportProgress } from './exportStream';

export const EXPORT_FORMATS = ['isdoc', 'pohoda', 'ubl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportBatch {
  id: number;
  format: ExportFormat;
  period: string;
  createdAt: string;
  createdBy: { id: number | null; name: string };
  documentCount: number;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  includeExported: boolean;
  downloadUrl: string;
}

export interface ExportPreview {
  format: ExportFormat;
  label: string;
  period: string;
  from: string;
  to: string;
  fileName: string;
  toExport: { invoices: number; creditNotes: number; slips: number };
  alreadyExported: number;
  /** Drafts of the period not issued yet (exported once issued). */
  drafts: number;
  /** Issued credit notes correcting this period's invoices with their tax point in a later month: exported with that month's period. */
  creditNotesInLaterPeriods: { month: string; count: number }[];
  newClients: number | null;
  slips: 'included' | 'not_in_format';
  missingSettings: { setting: string; message: string }[];
  /** POHODA: every document and VAT rate POHODA has no name for (always empty for other formats). */
  vatRatesNotMapped: UnmappedVatRate[];
  /** POHODA: every issue slip whose material is valued in two currencies (always empty for other formats). */
  slipCurrenciesMixed: SlipCurrenciesMixed[];
  documents: {
    kind: 'invoice' | 'credit_note' | 'slip';
    id: number;
    number: string;
    exported: boolean;
    /** Null for an issue slip without a client. */
    clientName?: string | null;
    /** Invoices and credit notes: the total with VAT as issued; issue slips: their material's sale price, null when not priced. */
    amountMinor?: number | null;
    currency?: string | null;
  }[];
  truncated: boolean;
}

/** A document's VAT rate POHODA has no name for: an export carrying the document is refused. */
export interface UnmappedVatRate {
  kind: 'invoice' | 'credit_note' | 'slip';
  id: number;
  documentNumber: string;
  vatRateBp: number;
  /** The supplier's country, whose rates POHODA knows. */
  country: string;
  /** Exported in this format before: it stops only an export again. */
  exported: boolean;
}

/** An issue slip POHODA cannot write, its material valued in two currencies: an export carrying it is refused. */
export interface SlipCurrenciesMixed {
  kind: 'slip';
  id: number;
  documentNumber: string;
  /** The currencies its material is valued in (sale prices', cost of unpriced material's). */
  currencies: string[];
  /** Exported in this format before: it stops only an export again. */
  exported: boolean;
  /** Why, in English (the page words it itself). */
  message: string;
}

/** '2026-10', '2026-Q4' or '2026', as the server accepts. */
export function isPeriod(text: string): boolean {
  return /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/.test(text);
}

/** The month before `today` ('2026-11-02' → '2026-10'): what an accountant usually exports. */
export function previousMonth(today: Date): string {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function downloadUrl(batch: Pick<ExportBatch, 'id'>): string {
  return buildUrl(`/exports/${batch.id}/download`);
}

export function useExportPreview(format: ExportFormat, period: string) {
  return useQuery({
    queryKey: ['exports', 'preview', format, period],
    queryFn: ({ signal }) => api.get<ExportPreview>('/exports/preview', { format, period }, signal),
    enabled: isPeriod(period),
    placeholderData: keepPreviousData,
  });
}

export function useExportBatches() {
  return useInfiniteQuery({
    queryKey: ['exports', 'batches'],
    queryFn: ({ pageParam, signal }) => api.get<Page<ExportBatch>>('/exports', { limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Runs an export, telling `onProgress` how many documents are written (exportStream.ts). */
export function useRunExport(onProgress: (p: ExportProgress) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { format: ExportFormat; period: string; includeExported: boolean }) => runExportWithProgress(body, { onProgress }),
    // After a refusal too: the preview may be stale (exported meanwhile from another window, settings changed).
    onSettled: () => qc.invalidateQueries({ queryKey: ['exports'] }),
  });
}

/** The export batches that carried one invoice or credit note (newest first). */
export function useInvoiceExports(invoiceId: number) {
  return useQuery({
    queryKey: ['exports', 'batches', 'invoice', invoiceId],
    queryFn: ({ signal }) => api.get<Page<ExportBatch>>('/exports', { invoiceId, limit: 50 }, signal),
  });
}

/** One issued document as a single file of the format (not recorded as a batch). */
export function fetchDocumentFile(invoiceId: number, format: ExportFormat): Promise<DownloadedFile> {
  return downloadFile(`/exports/invoices/${invoiceId}`, { format });
}
