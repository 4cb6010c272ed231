/**
 * Credit notes (corrective tax documents) against an issued invoice (pure).
 * A credit note credits net amounts line by line; what is left to credit on
 * a line is its net less what earlier credit notes took back, and a credit
 * note may never take more. Its lines carry negative amounts and name the
 * invoice line they correct; its VAT is recapitulated per rate like any
 * invoice's (vat.ts), so a full credit note of an untouched invoice is its
 * exact negative.
 */
import { isCountedUnit } from '../../../shared/counted-units.ts';
import type { Language } from '../../../shared/language.ts';
import type { MinorUnits } from '../../../shared/money.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { fillLabel, invoiceLabels } from '../../documents/index.ts';
import type { VatRateBp } from './vat.ts';

export interface CreditableLine {
  readonly id: number;
  /** The line's number on the invoice (1-based), as the invoice prints it. */
  readonly position: number;
  readonly kind: string;
  readonly description: string;
  readonly quantityMilli: number;
  readonly unit: string;
  readonly unitPriceMinor: MinorUnits;
  readonly netMinor: MinorUnits;
  readonly vatRateBp: VatRateBp;
  /** Net already credited by earlier credit notes, in the line's own sign. */
  readonly creditedMinor: MinorUnits;
}

export type CreditRequest = { readonly full: true } | { readonly lines: readonly { readonly lineId: number; readonly amountMinor: MinorUnits }[] };

export interface CreditLine {
  readonly correctsLineId: number;
  readonly kind: string;
  readonly description: string;
  readonly quantityMilli: number;
  readonly unit: string;
  readonly unitPriceMinor: MinorUnits;
  /** Negative. */
  readonly netMinor: MinorUnits;
  readonly vatRateBp: VatRateBp;
}

export type CreditPlan =
  | { readonly ok: true; readonly lines: readonly CreditLine[]; /** after this note nothing is left to credit */ readonly creditsEverything: boolean }
  | { readonly ok: false; readonly problems: readonly ErrorDetail[] };

/** An amount correction counts no unit of anything: its quantity −1 prints as a bare number. */
const AMOUNT_CORRECTION_UNIT = '';

/** Net still creditable on a line, in its own sign (a discount line has a negative rest). */
export function leftToCredit(line: Pick<CreditableLine, 'netMinor' | 'creditedMinor'>): MinorUnits {
  return line.netMinor - line.creditedMinor;
}

/** A discount (negative) line: crediting it alone would raise what the client owes, so only a full credit note takes it back. */
export function isDiscountLine(line: Pick<CreditableLine, 'netMinor'>): boolean {
  return line.netMinor < 0;
}

/**
 * Plans the lines of a credit note. Full: everything left on every line
 * (discount lines too, so the note is the invoice's exact negative).
 * Partial: the named lines by the given positive net amounts; a line named
 * twice, unknown, a discount line (taking a discount back is a debit, not a
 * credit), or asked for more than is left is refused with the field path the
 * caller sent; and all partial notes together never take back more than the
 * invoice's net (its discounts included). A credit line takes back a quantity
 * of the line's unit when it can: the whole line keeps its quantity; an amount
 * that is a whole number of thousandths of the unit price keeps the price and
 * takes that quantity back — for a line in counted units (ks, výjezd:
 * isCountedUnit) only a whole number of them, as half a disk or half a call-out
 * was never sold. Any other amount is an amount correction of the line
 * (what a Czech or Slovak corrective document does): quantity −1 with no unit,
 * the amount as its price, and a text in the document's `language` naming the
 * line it corrects ("Oprava částky řádku 3: Doprava") — never "−1 km" at a price
 * no kilometre ever had.
 */
export function planCreditNote(lines: readonly CreditableLine[], request: CreditRequest, language: Language): CreditPlan {
  const problems: ErrorDetail[] = [];
  const plan: CreditLine[] = [];
  const amountCorrection = invoiceLabels(language).amountCorrection;
  const take = (line: CreditableLine, amount: MinorUnits) => {
    const whole = amount === line.netMinor;
    const proportional = !whole && line.unitPriceMinor > 0 && (amount * 1000) % line.unitPriceMinor === 0
      && (!isCountedUnit(line.unit) || amount % line.unitPriceMinor === 0);
    const byQuantity = whole || proportional;
    plan.push({
      correctsLineId: line.id,
      kind: line.kind,
      description: byQuantity ? line.description : fillLabel(amountCorrection, { position: String(line.position), description: line.description }),
      quantityMilli: whole ? -line.quantityMilli : proportional ? -((amount * 1000) / line.unitPriceMinor) : -1000,
      unit: byQuantity ? line.unit : AMOUNT_CORRECTION_UNIT,
      unitPriceMinor: byQuantity ? line.unitPriceMinor : amount,
      netMinor: -amount,
      vatRateBp: line.vatRateBp,
    });
  };
  if ('full' in request) {
    for (const line of lines) {
      const left = leftToCredit(line);
      if (left !== 0) take(line, left);
    }
    if (plan.length === 0) problems.push({ path: 'full', code: 'nothing_left_to_credit', message: 'Everything on this invoice has already been credited' });
  } else {
    if (request.lines.length === 0) problems.push({ path: 'lines', code: 'required', message: 'Name at least one line to credit' });
    const byId = new Map(lines.map((l) => [l.id, l]));
    const seen = new Set<number>();
    request.lines.forEach((want, i) => {
      const line = byId.get(want.lineId);
      if (line === undefined) return problems.push({ path: `lines.${i}.lineId`, code: 'unknown_reference', message: `Line ${want.lineId} is not a line of this invoice` });
      if (seen.has(want.lineId)) return problems.push({ path: `lines.${i}.lineId`, code: 'duplicate', message: `Line ${want.lineId} is named twice` });
      seen.add(want.lineId);
      if (isDiscountLine(line)) {
        return problems.push({ path: `lines.${i}.lineId`, code: 'discount_line', message: `Line ${line.id} is a discount; taking it back would raise what the client owes, so only a full credit note credits it` });
      }
      if (!Number.isSafeInteger(want.amountMinor) || want.amountMinor <= 0) {
        return problems.push({ path: `lines.${i}.amountMinor`, code: 'not_positive', message: 'The amount to credit must be a positive whole number of minor units' });
      }
      const left = Math.max(0, leftToCredit(line));
      if (want.amountMinor > left) {
        return problems.push({ path: `lines.${i}.amountMinor`, code: 'exceeds_creditable', message: `At most ${left} minor units are left to credit on line ${line.id}, not ${want.amountMinor}` });
      }
      take(line, want.amountMinor);
    });
  }
  if (problems.length === 0 && !('full' in request)) {
    const netLeft = lines.reduce((sum, l) => sum + leftToCredit(l), 0);
    const asked = plan.reduce((sum, p) => sum - p.netMinor, 0);
    if (asked > netLeft) {
      problems.push({ path: 'lines', code: 'exceeds_invoice', message: `The invoice's discounts leave only ${Math.max(0, netLeft)} minor units of net to credit, not ${asked}; credit the whole invoice instead` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const credited = new Map(plan.map((p) => [p.correctsLineId, -p.netMinor]));
  const creditsEverything = lines.every((l) => leftToCredit(l) - (credited.get(l.id) ?? 0) === 0);
  return { ok: true, lines: plan, creditsEverything };
}
