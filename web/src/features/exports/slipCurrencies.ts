// Issue slips POHODA cannot write, their material valued in two currencies, as the preview
// reports them (GET /exports/preview, slipCurrenciesMixed; the server decides with the same
// rule the export refuses by with slip_currencies_mixed): which of them would stop the export
// the accountant is about to run, and their wording.
import type { TFunction } from 'i18next';
import { localeTag } from '../../app/format';
import type { ExportPreview, SlipCurrenciesMixed } from './api';
import { blockingEntries } from './blocking';

/** The slips that would stop this export (those exported before only with "Export again"). */
export function blockingSlips(preview: Pick<ExportPreview, 'slipCurrenciesMixed'>, includeExported: boolean): SlipCurrenciesMixed[] {
  return blockingEntries(preview.slipCurrenciesMixed, includeExported);
}

/** One slip as a line: "VY2026-0003: materiál oceněný v EUR a CZK", the currencies joined in the app's language. */
export function slipCurrenciesLine(t: TFunction, slip: Pick<SlipCurrenciesMixed, 'documentNumber' | 'currencies'>): string {
  const currencies = new Intl.ListFormat(localeTag(), { type: 'conjunction' }).format(slip.currencies);
  return t('exports.preview.slipCurrenciesLine', { number: slip.documentNumber, currencies });
}
