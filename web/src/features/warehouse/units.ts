// Units are stored as language-neutral codes ('pcs'); the built-in ones are shown in the
// user's language ('ks' in Czech), as invoices print them (printedUnit in
// src/modules/billing/domain/invoice-document-build.ts). Any other unit is the user's
// own word and is shown as typed.
import type { TFunction } from 'i18next';
import { formatDecimal } from '../records/format';

/** The built-in unit codes, each with a text under warehouse.units in every language. */
export const BUILT_IN_UNITS = ['pcs', 'piece', 'min', 'km', 'visit', 'month', 'quarter', 'year'] as const;

const BUILT_IN: ReadonlySet<string> = new Set(BUILT_IN_UNITS);

/** A unit as the user reads it: 'pcs' → 'ks' in Czech; 'm', 'bal.' as stored. */
export function unitLabel(t: TFunction, unit: string): string {
  return BUILT_IN.has(unit) ? t(`warehouse.units.${unit}`) : unit;
}

/** A quantity with its unit in the user's language: "2 ks", "1,5 m". */
export function quantityLabel(t: TFunction, quantity: string, unit: string): string {
  return `${formatDecimal(quantity)} ${unitLabel(t, unit)}`.trim();
}
