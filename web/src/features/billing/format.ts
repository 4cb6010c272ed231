// Periods, percentages and amounts as the billing pages show and type them (pure).
import { formatPeriod, localeTag } from '../../app/format';
import { majorToMinor } from '../pricing/money';
import { formatMinutes } from '../records/format';
import type { BulkIssueReport, RunDraft, WorkReport } from './api';

/** The month before the one containing `today` ('2026-11-02' → '2026-10'). */
export function lastMonth(today: Date = new Date()): string {
  const year = today.getFullYear();
  const month = today.getMonth(); // 0-based: this is last month's 1-based number
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}

/** Moves a month period 'YYYY-MM' by n months. */
export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const ordinal = y * 12 + (m - 1) + n;
  return `${Math.floor(ordinal / 12)}-${String((ordinal % 12) + 1).padStart(2, '0')}`;
}

export const isMonth = (text: string | null | undefined): text is string => !!text && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** '2026-10' → "October 2026" / "říjen 2026" (the app's one period formatter, shared with the contract and export pages). */
export { formatPeriod };

/** Tenths of a percent → "56,5 %" (one decimal, in the user's locale); null → "—". */
export function formatTenthsPercent(tenths: number | null | undefined, locale: string = localeTag()): string {
  if (tenths === null || tenths === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tenths / 1000);
}

/** Basis points → "82,6 %"; null → "—". */
export function formatBpPercent(bp: number | null | undefined, locale: string = localeTag()): string {
  if (bp === null || bp === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bp / 10_000);
}

/** VAT rate in basis points → "21 %". */
export function formatVatRate(bp: number, locale: string = localeTag()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** Thousandths → "1,5" (quantities of lines). */
export function formatMilli(milli: number, locale: string = localeTag()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(milli / 1000);
}

/** A VAT rate in basis points as the rate field holds it, in the user's locale ("21", "12,5"); parseVatRate reads it back. */
export function vatRateInput(bp: number, locale: string = localeTag()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(bp / 100);
}

/** "21" or "21 %" or "12,5" typed as a VAT rate → basis points; null when not a rate. */
export function parseVatRate(text: string): number | null {
  const s = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}

/**
 * An exchange rate as typed ("24,335" in Czech and Slovak, "24.335") → the text the
 * server takes ('24.335'); null when it is not a positive number with at most 6 decimals.
 */
export function normalizeExchangeRate(text: string): string | null {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,6})?$/.test(s) || !/[1-9]/.test(s)) return null;
  return s;
}

/** A chart axis amount, short, in the UI language (not the browser's): 2000 → "2k" (en-GB) / "2 tis.". */
export function formatAxisAmount(value: number, locale: string = localeTag()): string {
  return new Intl.NumberFormat(locale, { notation: 'compact' }).format(value);
}

/**
 * The run's drafts "Issue all" can issue: still drafts (not issued since, not replaced), not
 * blocked, and with a client that has an address (the server refuses the others).
 */
export function issuableDrafts(drafts: readonly Pick<RunDraft, 'invoiceId' | 'blocked' | 'state' | 'buyerMissing'>[]): number[] {
  return openDrafts(drafts).filter((d) => d.blocked.length === 0 && !d.buyerMissing?.length).map((d) => d.invoiceId);
}

/** Drafts still to issue (not issued since, not replaced). */
function openDrafts<T extends Pick<RunDraft, 'state'>>(drafts: readonly T[]): T[] {
  return drafts.filter((d) => (d.state ?? 'draft') === 'draft');
}

/** Drafts still to issue whose client lacks an address: "Issue all" leaves them out and says so. */
export function draftsWithoutAddress<T extends Pick<RunDraft, 'state' | 'buyerMissing'>>(drafts: readonly T[]): T[] {
  return openDrafts(drafts).filter((d) => (d.buyerMissing?.length ?? 0) > 0);
}

export interface WaitingClient {
  clientId: number;
  clientName: string;
  currency: string;
  count: number;
  amountMinor: number;
}

/**
 * The clients of drafts still to issue that have records waiting for approval, once each
 * (a client with two drafts in one currency is named once), by name: the issue
 * confirmations name them, so the manager can approve first.
 */
export function clientsWithWaiting(drafts: readonly Pick<RunDraft, 'clientId' | 'clientName' | 'currency' | 'state' | 'waiting'>[]): WaitingClient[] {
  const byKey = new Map<string, WaitingClient>();
  for (const d of openDrafts(drafts)) {
    if (!d.waiting || d.waiting.count === 0) continue;
    byKey.set(`${d.clientId}|${d.currency}`, { clientId: d.clientId, clientName: d.clientName, currency: d.currency, count: d.waiting.count, amountMinor: d.waiting.amountMinor });
  }
  return [...byKey.values()].sort((a, b) => a.clientName.localeCompare(b.clientName) || a.currency.localeCompare(b.currency));
}

/** The last day of a month 'YYYY-MM' as 'YYYY-MM-DD'. */
export function lastDayOfMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Whether the month has not ended on `today` ('YYYY-MM-DD'): its last day is today or later. */
export function periodNotOver(period: string, today: string): boolean {
  return isMonth(period) && lastDayOfMonth(period) >= today;
}

/**
 * What a run's documents are now: drafts still to issue, documents issued since (sent,
 * paid … included) and drafts a later run of the period replaced. The run's heading
 * counts each as what it is: an issued invoice is no longer a draft.
 */
export function runDocumentCounts(drafts: readonly Pick<RunDraft, 'state'>[]): { drafts: number; issued: number; replaced: number } {
  const counts = { drafts: 0, issued: 0, replaced: 0 };
  for (const d of drafts) {
    const state = d.state ?? 'draft';
    if (state === 'draft') counts.drafts += 1;
    else if (state === 'replaced') counts.replaced += 1;
    else counts.issued += 1;
  }
  return counts;
}

/** How a refusal of "Issue all" names its document: the client, and the number when it has one ("Příklad A · FV202600002"). */
export function refusalLabel(n: Pick<BulkIssueReport['notIssued'][number], 'id' | 'clientName' | 'number'>): string {
  const name = n.clientName || `#${n.id}`;
  return n.number ? `${name} · ${n.number}` : name;
}

/**
 * What is wrong with a quantity as typed (the billing.draft.* key), or null:
 * up to 3 decimals and more than 0 — a discount is a negative unit price, never a negative quantity.
 */
export function quantityProblem(text: string): 'quantityInvalid' | 'quantityNotPositive' | null {
  const s = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d{1,3})?$/.test(s)) return 'quantityInvalid';
  return Number(s) > 0 ? null : 'quantityNotPositive';
}

/** A unit price typed in major units → minor units; a negative one (a discount) too. Null: not an amount of money. */
export function signedMajorToMinor(value: number | string): number | null {
  if (typeof value === 'number' && value < 0) {
    const minor = majorToMinor(-value);
    return minor === null ? null : -minor;
  }
  return majorToMinor(value);
}

/**
 * What is wrong with a manual line's unit price as typed (the billing.draft.* key), or null:
 * an empty field is asked for as such, not told it has too many decimals.
 */
export function unitPriceProblem(value: number | string): 'required' | 'priceInvalid' | null {
  if (value === '' || value === null || value === undefined) return 'required';
  return signedMajorToMinor(value) === null ? 'priceInvalid' : null;
}

/** What is wrong with a payment or refund amount as typed (the billing.draft.* key), or null: more than 0, at most 2 decimals. */
export function positiveAmountProblem(value: number | string): 'required' | 'amountNotPositive' | 'priceInvalid' | null {
  if (value === '' || value === null || value === undefined) return 'required';
  const n = typeof value === 'number' ? value : Number(String(value).replace(/[\s\u00a0]/g, '').replace(',', '.'));
  if (!Number.isFinite(n)) return 'priceInvalid';
  if (n <= 0) return 'amountNotPositive';
  return Math.abs(Math.round(n * 100) - n * 100) < 1e-6 ? null : 'priceInvalid';
}

/** How much a document `documentWidth` px wide is shrunk to fit a column `boxWidth` px wide (never enlarged; 1 until the column is measured). */
export function previewScale(boxWidth: number, documentWidth: number): number {
  if (boxWidth <= 0 || documentWidth <= 0) return 1;
  return Math.min(1, boxWidth / documentWidth);
}

/**
 * The values of the work report's prepaid-ledger sentence (billing.workReport.ledger):
 * minutes as the report's totals above it write them ("3 h", "13 h"), the period by name.
 */
export function ledgerSentenceValues(ledger: NonNullable<WorkReport['ledger']>, locale: string = localeTag()): Record<'period' | 'opening' | 'allocated' | 'consumed' | 'carried' | 'lapsed', string> {
  return {
    period: formatPeriod(ledger.period, locale),
    opening: formatMinutes(ledger.openingCarried, locale),
    allocated: formatMinutes(ledger.allocated, locale),
    consumed: formatMinutes(ledger.consumed, locale),
    carried: formatMinutes(ledger.carriedOut, locale),
    lapsed: formatMinutes(ledger.lapsed, locale),
  };
}
