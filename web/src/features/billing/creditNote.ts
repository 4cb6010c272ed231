// What a credit note "by lines" takes back, as the dialog shows it before issuing (pure).
// The server decides: it credits net amounts per line and turns an amount that is a whole
// number of the line's units at its price into that quantity ("−1 ks × 1 890,00"). So a
// quantity typed here is sent as quantity × unit price, and the total shown is the credit
// note's VAT recap as the server computes it (per rate, rounded half away from zero).
import { isCountedUnit } from '../warehouse/units';
import { readNumberText } from '../../app/components/numberFieldText';
import { majorToMinor } from '../pricing/money';
import type { InvoiceLine } from './api';

type Line = Pick<InvoiceLine, 'quantityMilli' | 'unit' | 'unitPriceMinor' | 'netMinor' | 'leftToCreditMinor'>;

const MILLI_PER_UNIT = 1000;

/** A line of counted units at a price (2 ks, 1,5 h, 36 km): credited by a quantity of them. */
export function creditsByQuantity(line: Line): boolean {
  return line.unit !== '' && line.quantityMilli > 0 && line.unitPriceMinor !== undefined && line.unitPriceMinor > 0;
}

/**
 * A line of pieces or visits (ks, výjezd): credited by whole units only, as the server takes an
 * amount back as a quantity of them only when it is whole (half a disk was never sold).
 */
export function creditsWholeUnits(line: Line): boolean {
  return creditsByQuantity(line) && isCountedUnit(line.unit);
}

/** Net still creditable on a line (its whole net when nothing was credited yet). */
export const creditableMinor = (line: Line): number => line.leftToCreditMinor ?? line.netMinor ?? 0;

/** Round half away from zero of numerator / denominator, as the server's money rounding. */
function divRound(numerator: number, denominator: number): number {
  const q = Math.round(Math.abs(numerator) / denominator);
  return numerator < 0 ? -q : q;
}

/** The net a quantity of the line's unit takes back: quantity × unit price (1 of 2 ks × 1 890,00 → 1 890,00). */
export function quantityNetMinor(quantityMilli: number, unitPriceMinor: number): number {
  return divRound(quantityMilli * unitPriceMinor, 1000);
}

/** The most of the line's unit still creditable (what is left ÷ unit price, in thousandths, rounded down; whole pieces or visits of a counted line). */
export function maxQuantityMilli(line: Line): number | null {
  if (!creditsByQuantity(line)) return null;
  const milli = Math.floor((creditableMinor(line) * MILLI_PER_UNIT) / line.unitPriceMinor!);
  return creditsWholeUnits(line) ? milli - (milli % MILLI_PER_UNIT) : milli;
}

/**
 * Why what is typed for a line cannot be credited: text that is no number, more decimals than the
 * line takes (3 of a quantity, 2 of an amount), a minus (the credit note subtracts by itself), zero
 * (leave the line empty instead), a fraction of a piece or visit, or more than is left on the line.
 */
export type CreditLineProblem = 'invalid' | 'decimals' | 'negative' | 'notPositive' | 'whole' | 'tooMuch';

/**
 * What a line's input takes back: the net of a quantity of the line's unit (quantity × unit price)
 * or of an amount, or the reason it cannot. Empty input takes nothing back and is no problem.
 */
export function creditLineInput(line: Line, typed: number | string, byQuantity: boolean): { netMinor: number | null; problem: CreditLineProblem | null } {
  // A number from the field, or text it could not read: read the same way as the field does.
  const reading = readNumberText(String(typed), { decimals: byQuantity ? 3 : 2, allowNegative: true }, { decimalSeparator: ',', thousandSeparator: ' ' });
  if (reading.problem) return { netMinor: null, problem: reading.problem === 'decimals' ? 'decimals' : 'invalid' };
  if (reading.value === null) return { netMinor: null, problem: null };
  if (reading.value < 0) return { netMinor: null, problem: 'negative' };
  if (reading.value === 0) return { netMinor: null, problem: 'notPositive' };
  let netMinor: number;
  if (byQuantity) {
    const milli = Math.round(reading.value * MILLI_PER_UNIT);
    if (creditsWholeUnits(line) && milli % MILLI_PER_UNIT !== 0) return { netMinor: null, problem: 'whole' };
    netMinor = quantityNetMinor(milli, line.unitPriceMinor!);
  } else {
    // Two decimals at most, as read above: always whole minor units.
    netMinor = majorToMinor(reading.value)!;
  }
  return netMinor > creditableMinor(line) ? { netMinor, problem: 'tooMuch' } : { netMinor, problem: null };
}

export interface CreditTotals {
  /** Negative, as the credit note states them. */
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
}

/**
 * The credit note's totals for the nets it takes back (positive, per line with its VAT rate):
 * per VAT rate base and round(base × rate), none under reverse charge; the total rounded to
 * whole units when the invoice rounds its total. Negative, as the credit note states them.
 */
export function creditNoteTotals(lines: readonly { netMinor: number; vatRateBp: number }[], options: { reverseCharge: boolean; roundTotal: boolean }): CreditTotals {
  const bases = new Map<number, number>();
  for (const l of lines) {
    const rate = options.reverseCharge ? 0 : l.vatRateBp;
    bases.set(rate, (bases.get(rate) ?? 0) - l.netMinor);
  }
  let netMinor = 0;
  let vatMinor = 0;
  for (const [rate, base] of bases) {
    netMinor += base;
    vatMinor += divRound(base * rate, 10_000);
  }
  const total = netMinor + vatMinor;
  return { netMinor, vatMinor, totalMinor: options.roundTotal ? divRound(total, 100) * 100 : total };
}

/** What an invoice stands at after a credit note. */
export interface AfterCredit {
  /** Still to be paid after the note. */
  dueMinor: number;
  /** Owed back to the client after the note (what was owed before included). */
  refundMinor: number;
  /** The note takes back more than was still due: part of what the client paid becomes owed back. */
  overpays: boolean;
}

/**
 * A credit note of `creditTotalMinor` (negative, as the note states it) first lowers what is
 * still due; what it takes beyond that was already paid and is owed back to the client (the
 * server's amountDue / refundDue after the note).
 */
export function afterCredit(invoice: { amountDueMinor: number; refundDueMinor: number }, creditTotalMinor: number): AfterCredit {
  const credit = -creditTotalMinor;
  const beyondDue = Math.max(0, credit - invoice.amountDueMinor);
  return { dueMinor: Math.max(0, invoice.amountDueMinor - credit), refundMinor: invoice.refundDueMinor + beyondDue, overpays: beyondDue > 0 };
}
