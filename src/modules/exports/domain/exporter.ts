/**
 * The one contract every accounting-program adapter fulfils. Adding Money S3 or
 * ABRA Flexi is one more object of this shape in adapters.ts: the service, the
 * routes, the CLI and the page only ever talk to `AccountingExporter`.
 */
import type { InvoiceDocument, Party, Supplier } from '../../billing/index.ts';
import type { SlipDocument } from '../../warehouse/index.ts';

export const EXPORT_FORMATS = ['isdoc', 'pohoda', 'ubl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(text: string): text is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(text);
}

/** What a batch carries: documents, and for programs with an address book the clients they need. */
export type ExportItem =
  | { readonly kind: 'invoice'; readonly doc: InvoiceDocument }
  | { readonly kind: 'slip'; readonly doc: SlipDocument }
  | { readonly kind: 'client'; readonly clientId: number; readonly party: Party };

/** One piece of a batch file. A ZIP batch collects pieces per file name; a single-file batch has one name. */
export interface BatchChunk {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** The chunk is the whole file (a ZIP entry of its own), not a part appended to it. */
  readonly whole: boolean;
}

/** Turns items into chunks one at a time, so a batch of any size streams. Pure. */
export interface BatchWriter {
  start(): BatchChunk[];
  add(item: ExportItem): BatchChunk[];
  finish(): BatchChunk[];
}

/** A supplier setting a format cannot do without (the 4xx names it). */
export type RequiredSetting = 'supplier.vatId' | 'supplier.bankAccount' | 'supplier.companyId' | 'supplier.address';

/** A VAT rate of a document that a format has no name for: a batch carrying the document is refused. */
export interface UnmappedVatRateFact {
  readonly documentNumber: string;
  readonly vatRateBp: number;
  /** The supplier's country, whose rates the format knows. */
  readonly country: string;
}

/** An issue slip a format cannot write because its material is valued in two currencies (POHODA: SlipCurrenciesMixed). */
export interface SlipCurrenciesMixedFact {
  readonly documentNumber: string;
  readonly currencies: readonly string[];
  readonly message: string;
}

export interface BatchContext {
  /** Period the batch covers, for its file name. */
  readonly period: string;
  /** Identifier of the batch inside the file, where a format has a place for it (POHODA dataPack id). */
  readonly packId: string;
  readonly supplier: Supplier;
}

export interface AccountingExporter {
  readonly format: ExportFormat;
  /** Name of the format as the accountant knows it. */
  readonly label: string;
  /** One document's file. */
  readonly mediaType: string;
  readonly encoding: 'utf-8' | 'windows-1250';
  fileName(doc: InvoiceDocument): string;
  exportDocument(doc: InvoiceDocument): Uint8Array;
  /** A batch is one file (POHODA dataPack) or a ZIP of files (one per document, or CSV tables). */
  readonly batch: { readonly container: 'zip' | 'file'; readonly mediaType: string; fileName(period: string): string };
  /** Issue slips and address-book entries travel only in formats that have a place for them. */
  readonly carriesSlips: boolean;
  readonly carriesClients: boolean;
  /** Settings of the supplier this format requires and that are missing. */
  missingSettings(supplier: Supplier): RequiredSetting[];
  /**
   * Formats that name VAT rates from a fixed list (POHODA): the rates of an item it
   * has no name for, decided as its writer decides, so the preview names every one
   * before an export would stop at the first. Absent when every rate can be written.
   */
  readonly unmappedVatRates?: (item: ExportItem, supplier: Supplier) => UnmappedVatRateFact[];
  /**
   * Formats that write a slip in one currency (POHODA): why the slip cannot be written
   * (its lines valued in two currencies), decided as its writer decides; null when it can.
   */
  readonly unwritableSlip?: (slip: SlipDocument) => SlipCurrenciesMixedFact | null;
  openBatch(context: BatchContext): BatchWriter;
}
