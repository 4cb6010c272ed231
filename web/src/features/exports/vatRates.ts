// VAT rates POHODA has no name for, as the preview reports them (GET /exports/preview,
// vatRatesNotMapped; the server decides with the same rule the export refuses by):
// which of them would stop the export the accountant is about to run, and their wording
// (also of the rates an export's refusal names, errors.ts).
import type { TFunction } from 'i18next';
import { formatPercent } from '../../app/format';
import type { ExportPreview, UnmappedVatRate } from './api';
import { blockingEntries } from './blocking';

/**
 * The entries that would stop this export: those of documents not exported in the format
 * yet, and with "Export again" also those exported before (the batch carries them then).
 */
export function blockingVatRates(preview: Pick<ExportPreview, 'vatRatesNotMapped'>, includeExported: boolean): UnmappedVatRate[] {
  return blockingEntries(preview.vatRatesNotMapped, includeExported);
}

/** How many documents those entries are (a document with two such rates counts once). */
export function documentCount(rates: readonly UnmappedVatRate[]): number {
  return new Set(rates.map((r) => `${r.kind}-${r.id}`)).size;
}

/** A document and rate as an export's refusal names them (error.rates of vat_rate_not_mapped). */
export type UnmappedVatRateFact = Pick<UnmappedVatRate, 'documentNumber' | 'vatRateBp' | 'country'>;

/** The countries whose rates the entries were checked against, for the explanation ("CZ"). */
export function countriesOf(rates: readonly UnmappedVatRateFact[]): string {
  return [...new Set(rates.map((r) => r.country))].join(', ');
}

/** One entry as a line: "FV2026-0007: sazba DPH 15 %", the rate with the language's decimal comma. */
export function vatRateLine(t: TFunction, rate: UnmappedVatRateFact): string {
  return t('exports.preview.vatRateLine', { number: rate.documentNumber, rate: formatPercent(rate.vatRateBp / 100) });
}
