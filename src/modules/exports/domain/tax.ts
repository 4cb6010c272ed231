/**
 * The VAT view of a document that every format needs: the EN 16931 category of
 * each rate, a line's own VAT (informative; the recap's VAT, rounded once per
 * rate, is what the totals use) and the legal wording of reverse charge.
 */
import type { DocumentLine, InvoiceDocument } from '../../billing/index.ts';
import { invoiceLabels } from '../../documents/index.ts';
import { mulDivRound, type MinorUnits } from '../../../shared/money.ts';

/** UNTDID 5305 subset: standard, reverse charge, exempt, not subject to VAT (supplier not a VAT payer). */
export type TaxCategory = 'S' | 'AE' | 'E' | 'O';

export function taxCategory(doc: InvoiceDocument, vatRateBp: number): TaxCategory {
  if (!doc.supplier.vatPayer) return 'O';
  if (doc.reverseCharge) return 'AE';
  return vatRateBp > 0 ? 'S' : 'E';
}

/** The rate that applies: reverse charge and non-payers charge none. */
export function effectiveRate(doc: InvoiceDocument, line: Pick<DocumentLine, 'vatRateBp'>): number {
  return doc.reverseCharge || !doc.supplier.vatPayer ? 0 : line.vatRateBp;
}

/** VAT of one line on its own (for formats that print it per line). */
export function lineVat(doc: InvoiceDocument, line: DocumentLine): MinorUnits {
  return mulDivRound(line.netMinor, effectiveRate(doc, line), 1, 10_000);
}

/** VATEX code and reason text for the categories that need one. */
export function exemption(category: TaxCategory): { code: string; reason: string } | null {
  if (category === 'AE') return { code: 'VATEX-EU-AE', reason: 'Reverse charge' };
  if (category === 'O') return { code: 'VATEX-EU-O', reason: 'Not subject to VAT' };
  if (category === 'E') return { code: 'VATEX-EU-132', reason: 'Exempt from VAT' };
  return null;
}

/** The short reverse-charge wording, as the printed invoice heads its legal note. */
export function reverseChargeNote(doc: InvoiceDocument): string | null {
  return doc.reverseCharge ? invoiceLabels(doc.language).reverseCharge : null;
}

/** Document note plus the reverse-charge wording, as one text. */
export function documentNote(doc: InvoiceDocument): string | null {
  const parts = [doc.note, reverseChargeNote(doc)].filter((p): p is string => p !== null && p !== '');
  return parts.length ? parts.join(' | ') : null;
}

/** Credit notes carry negative amounts in Kontor; ISDOC, UBL credit notes state them positive. */
export function positiveSign(doc: InvoiceDocument): 1 | -1 {
  return doc.kind === 'credit_note' ? -1 : 1;
}

/** 'Údolní 12' → ['Údolní', '12']; a street without a trailing number stays whole. */
export function splitStreet(street: string): { name: string; number: string } {
  const match = /^(.*\S)\s+(\d+[\w/]*)$/.exec(street.trim());
  return match ? { name: match[1]!, number: match[2]! } : { name: street.trim(), number: '' };
}

const COUNTRY_NAMES: Record<string, string> = { CZ: 'Česká republika', SK: 'Slovensko' };
export function countryName(code: string): string {
  return COUNTRY_NAMES[code] ?? '';
}
