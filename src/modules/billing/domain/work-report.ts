/**
 * The work report of a draft or invoice (BILLING.md §4, "billing documents" for
 * the client): every record the run took for that client with its minutes,
 * billable minutes, whether it was covered or billed, and its amount; plus the
 * prepaid ledger of the period. The CSV and the PDF are two renderings of it.
 */
import type { IsoDate } from '../../../shared/calendar/index.ts';
import type { Language } from '../../../shared/language.ts';
import type { CurrencyCode, MinorUnits } from '../../../shared/money.ts';
import type { QuantityMilli } from '../../../shared/quantity.ts';

/** How a record ended up in the run. `partly_covered`: split between allowance and overage. */
export type WorkReportOutcome = 'covered' | 'partly_covered' | 'billed';

export interface WorkReportEntry {
  readonly recordId: string;
  readonly date: IsoDate;
  /** 'HH:MM' or null. */
  readonly startTime: string | null;
  readonly ticketNumber: string;
  readonly ticketSubject: string;
  readonly technician: string;
  readonly kind: 'work' | 'travel' | 'unit_fee' | 'item';
  /** Work type, fee or item name; 'Travel' text is the renderer's job. */
  readonly what: string;
  readonly description: string;
  readonly minutes: number;
  readonly billableMinutes: number;
  /** Allowance minutes used (after multipliers); 0 when not covered. */
  readonly coveredMinutes: number;
  /** km for travel, pieces/units for fees and items; null for work. */
  readonly quantityMilli: QuantityMilli | null;
  /** The quantity's unit as the report's language prints it ('km', 'ks', 'výjezd'); null (or absent) for work. */
  readonly unit?: string | null;
  readonly outcome: WorkReportOutcome;
  /** Billed amount (net); 0 for fully covered records. */
  readonly amountMinor: MinorUnits;
  /** Recorded in an earlier period and billed now. */
  readonly late: boolean;
}

export interface WorkReportLedger {
  readonly period: string;
  readonly openingCarried: number;
  readonly allocated: number;
  readonly consumed: number;
  readonly carriedOut: number;
  readonly lapsed: number;
}

export interface WorkReport {
  /** The draft's or invoice's id, and its number once issued. */
  readonly invoiceId: string;
  readonly invoiceNumber: string | null;
  readonly period: string;
  readonly currency: CurrencyCode;
  readonly language: Language;
  readonly supplierName: string;
  readonly client: { readonly name: string; readonly companyId: string | null };
  readonly contract: { readonly number: string; readonly name: string } | null;
  /** Chronological. */
  readonly entries: readonly WorkReportEntry[];
  /** Present for contracts with prepaid minutes. */
  readonly ledger: WorkReportLedger | null;
  readonly totals: {
    readonly minutes: number;
    readonly billableMinutes: number;
    readonly coveredMinutes: number;
    readonly amountMinor: MinorUnits;
  };
}
