/**
 * What issuing a draft may go wrong on without being refused: soft warnings shown on
 * the billing run, on the draft and in the issue dialog, never a block (pure).
 *
 * - `currency_differs`: the draft is in another currency than its client's (records
 *   are priced from the price list BILLING.md §2 picks, whatever the client's
 *   currency), and no contract of the client in the draft's currency explains it.
 * - `late_tax_document`: issued today, the tax document would come after the deadline
 *   the supplier's VAT law sets from the date of taxable supply.
 * - `records_after_run`: records of the draft's client dated in its period (or before) were
 *   approved after its run, so the draft leaves them out. Issued as it is, the next run bills
 *   them as late records (BILLING.md §4) and, under a prepaid contract, they consume that
 *   period's allowance while this period's unused minutes carry over or lapse: a warning,
 *   as the rules provide for late records and the ledger stays balanced, with the way out
 *   (run billing for the period again).
 */
import { addDays, toEpochDay, type IsoDate } from '../../../shared/calendar/index.ts';
import { lastDayOf, periodOf } from '../../../shared/period.ts';

/** A price list the draft's records were priced from. */
export interface PriceListName {
  readonly name: string;
  readonly currency: string;
}

export interface CurrencyDiffersWarning {
  readonly code: 'currency_differs';
  /** The client's currency (its record's Currency field). */
  readonly clientCurrency: string;
  /** The draft's currency: that of its priced records. */
  readonly currency: string;
  /** The price lists in the draft's currency its records were priced from (empty: lines without records). */
  readonly priceLists: PriceListName[];
}

/**
 * Whose law sets the deadline and how it is counted:
 * - `supply_day`: 15 days from the date of taxable supply (CZ § 28 odst. 4 ZDPH; SK § 73 písm. a) ZDPH);
 * - `month_end`: 15 days from the end of the month of supply, for a service to a business in another
 *   member state under the reverse charge (SK § 73 písm. d) ZDPH; EU VAT Directive art. 222).
 */
export type TaxDocumentRule = 'supply_day' | 'month_end';

export interface LateTaxDocumentWarning {
  readonly code: 'late_tax_document';
  /** The supplier's country, whose VAT law sets the deadline. */
  readonly country: 'CZ' | 'SK';
  readonly rule: TaxDocumentRule;
  readonly taxableSupplyDate: IsoDate;
  /** The day the document would be issued (today). */
  readonly issueDate: IsoDate;
  /** The last day the document is on time. */
  readonly deadline: IsoDate;
  /** Days after the deadline (1 or more). */
  readonly daysLate: number;
}

export interface RecordsAfterRunWarning {
  readonly code: 'records_after_run';
  /** The draft's period, to run again. */
  readonly period: string;
  /** How many records the draft leaves out and their minutes (work and travel time; no amount: covered work would not be billed at its list price). */
  readonly count: number;
  readonly minutes: number;
  /** Their tickets' numbers (at most TICKETS_NAMED, in date order). */
  readonly tickets: string[];
  /** Minutes of work under a prepaid contract whose period this draft closes: issued as it is, the next period's allowance covers them instead. */
  readonly prepaidMinutes: number;
}

export type IssueWarning = CurrencyDiffersWarning | LateTaxDocumentWarning | RecordsAfterRunWarning;

/** A record approved after the draft's run, as the warning counts it. */
export interface RecordAfterRun {
  readonly ticketNumber: string;
  readonly date: string;
  readonly kind: string;
  readonly minutes: number;
  /** Under a prepaid contract whose period the draft closes (its ledger row is the draft's). */
  readonly prepaid: boolean;
}

/** Tickets a records_after_run warning names; the count says how many records there are. */
export const TICKETS_NAMED = 5;

/** Days a tax document may follow its date of taxable supply (or the end of its month). */
export const TAX_DOCUMENT_DAYS = 15;

/**
 * The warning for a draft in another currency than its client's, unless a contract of the
 * client in the draft's currency explains it; null when the currencies agree.
 */
export function currencyDiffersWarning(input: {
  readonly clientCurrency: string;
  readonly currency: string;
  readonly contractInCurrency: boolean;
  readonly priceLists: readonly PriceListName[];
}): CurrencyDiffersWarning | null {
  if (input.currency === input.clientCurrency || input.contractInCurrency) return null;
  const priceLists = input.priceLists.filter((l) => l.currency === input.currency);
  return { code: 'currency_differs', clientCurrency: input.clientCurrency, currency: input.currency, priceLists };
}

/**
 * The last day a tax document of this date of taxable supply is on time under the supplier's
 * VAT law; null for a country whose deadline Kontor does not know.
 */
export function taxDocumentDeadline(supplierCountry: string, taxableSupplyDate: IsoDate, crossBorderService: boolean): { deadline: IsoDate; rule: TaxDocumentRule; country: 'CZ' | 'SK' } | null {
  const country = supplierCountry.toUpperCase();
  if (country !== 'CZ' && country !== 'SK') return null;
  // Slovak law counts a service to another member state from the end of its month (§ 73 písm. d)).
  if (country === 'SK' && crossBorderService) {
    return { country, rule: 'month_end', deadline: addDays(lastDayOf(periodOf(taxableSupplyDate, 'month')), TAX_DOCUMENT_DAYS) };
  }
  return { country, rule: 'supply_day', deadline: addDays(taxableSupplyDate, TAX_DOCUMENT_DAYS) };
}

/**
 * The warning for a document issued after its deadline: 15 days after the date of taxable
 * supply is still on time, the 16th is late. Null when on time or the country's deadline is unknown.
 */
export function lateTaxDocumentWarning(input: {
  readonly supplierCountry: string;
  readonly taxableSupplyDate: IsoDate;
  readonly issueDate: IsoDate;
  /** The draft is a service to a business in another member state (the reverse charge). */
  readonly crossBorderService: boolean;
}): LateTaxDocumentWarning | null {
  const due = taxDocumentDeadline(input.supplierCountry, input.taxableSupplyDate, input.crossBorderService);
  if (due === null || input.issueDate <= due.deadline) return null;
  return {
    code: 'late_tax_document', country: due.country, rule: due.rule, taxableSupplyDate: input.taxableSupplyDate, issueDate: input.issueDate,
    deadline: due.deadline, daysLate: toEpochDay(input.issueDate) - toEpochDay(due.deadline),
  };
}

/**
 * The warning for records the draft's run did not see (approved after it); null when there
 * are none. `records` are the client's approved, unbilled records dated up to the period's
 * end, approved after the run and on no document.
 */
export function recordsAfterRunWarning(input: { readonly period: string; readonly records: readonly RecordAfterRun[] }): RecordsAfterRunWarning | null {
  if (input.records.length === 0) return null;
  const ordered = [...input.records].sort((a, b) => a.date.localeCompare(b.date));
  let minutes = 0;
  let prepaidMinutes = 0;
  for (const r of ordered) {
    minutes += r.minutes;
    if (r.prepaid && r.kind === 'work') prepaidMinutes += r.minutes;
  }
  const tickets = [...new Set(ordered.map((r) => r.ticketNumber))].slice(0, TICKETS_NAMED);
  return { code: 'records_after_run', period: input.period, count: ordered.length, minutes, tickets, prepaidMinutes };
}
