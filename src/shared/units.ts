/**
 * Units as Kontor stores them (language-neutral codes: 'pcs', 'visit', 'month' …) and as
 * a reader's language prints them ("ks", "výjezd", "měs."): one table for invoices,
 * slips, work reports and price explanations, so a toner reads "1 ks" on all of them.
 */
import type { Language } from './language.ts';

const UNITS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  min: { cs: 'min', sk: 'min', en: 'min' },
  km: { cs: 'km', sk: 'km', en: 'km' },
  pcs: { cs: 'ks', sk: 'ks', en: 'pcs' },
  piece: { cs: 'ks', sk: 'ks', en: 'pcs' },
  visit: { cs: 'výjezd', sk: 'výjazd', en: 'visit' },
  month: { cs: 'měs.', sk: 'mes.', en: 'month' },
  quarter: { cs: 'čtvrtletí', sk: 'štvrťrok', en: 'quarter' },
  year: { cs: 'rok', sk: 'rok', en: 'year' },
};

/** A stored unit as the language prints it; a unit someone typed themselves ("výjezd", "h") prints as typed. */
export function printedUnit(unit: string, language: Language): string {
  return UNITS[unit]?.[language] ?? unit;
}
