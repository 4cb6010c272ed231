import { vatRecap, type VatRecap } from './domain/index.ts';

/**
 * A draft's totals from its lines (BILLING.md §4): the VAT recapitulation by
 * rate, optionally rounded to whole units. Runs and draft adjustments both use
 * it, so a draft's stored totals are always what its lines add up to.
 */
export function draftTotals(lines: readonly { netMinor: number; vatRateBp: number }[], reverseCharge: boolean, roundTotal: boolean): VatRecap {
  return vatRecap(lines, { reverseCharge, roundTotal });
}

/** The invoice columns that carry the totals. */
export function totalColumns(recap: VatRecap) {
  return {
    net_minor: recap.netMinor,
    vat_minor: recap.vatMinor,
    rounding_minor: recap.roundingMinor,
    total_minor: recap.totalMinor,
    vat_recap_json: JSON.stringify(recap.groups),
  };
}
