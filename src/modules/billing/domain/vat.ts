/**
 * VAT recapitulation and invoice totals (BILLING.md §4). VAT rates are integer
 * basis points (21 % = 2100, 10.5 % = 1050) so decimal rates stay exact and
 * can be keys. Each line's net is already rounded to the minor unit; VAT is
 * rounded once per rate over the summed base, never per line.
 */
import { mulDivRound, sumMinor, divRoundNumber, type MinorUnits } from '../../../shared/money.ts';

export type VatRateBp = number;

/** Current rates, as a convenience for forms and tests; the law may change them. */
export const VAT_RATES_BP = {
  CZ: [2100, 1200, 0],
  SK: [2300, 1900, 500, 0],
} as const satisfies Record<string, readonly VatRateBp[]>;

const VAT_RATE_TEXT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** "21" → 2100, "10.5" → 1050; null for anything else (or above 100 %). */
export function parseVatRate(text: string): VatRateBp | null {
  const match = VAT_RATE_TEXT.exec(text);
  if (match === null) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

export function assertVatRate(rate: VatRateBp): VatRateBp {
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > 10_000) throw new RangeError(`VAT rate must be 0..10000 basis points, got ${rate}`);
  return rate;
}

export interface VatLine {
  readonly netMinor: MinorUnits;
  readonly vatRateBp: VatRateBp;
}

export interface VatGroup {
  readonly vatRateBp: VatRateBp;
  readonly baseMinor: MinorUnits;
  readonly vatMinor: MinorUnits;
  readonly totalMinor: MinorUnits;
}

export interface VatRecapOptions {
  /** Reverse charge: every line at 0 % and the legal note on the invoice. */
  readonly reverseCharge?: boolean;
  /** Round the total to whole units of the currency, as a separate line without VAT. */
  readonly roundTotal?: boolean;
  /** Minor units per whole unit (100 for CZK and EUR). */
  readonly minorPerUnit?: number;
}

export interface VatRecap {
  /** Groups by rate, highest rate first. */
  readonly groups: readonly VatGroup[];
  readonly netMinor: MinorUnits;
  readonly vatMinor: MinorUnits;
  /** bases + VAT, before the rounding line. */
  readonly totalBeforeRoundingMinor: MinorUnits;
  /** The rounding line (no VAT); 0 when not rounding. */
  readonly roundingMinor: MinorUnits;
  /** What the client pays. */
  readonly totalMinor: MinorUnits;
  readonly reverseCharge: boolean;
  /** Which legal note the document must carry, if any. */
  readonly legalNote: 'reverse_charge' | null;
}

/** round(base × rate / 100) with the rate in basis points. */
export function vatOf(baseMinor: MinorUnits, vatRateBp: VatRateBp): MinorUnits {
  return mulDivRound(baseMinor, vatRateBp, 1, 10_000);
}

/**
 * Groups lines by VAT rate: base = sum of nets, VAT = round(base × rate / 100);
 * total = bases + VAT, optionally rounded to whole units by a separate line.
 * Negative nets (discounts, credit notes) are allowed and round symmetrically.
 */
export function vatRecap(lines: readonly VatLine[], options: VatRecapOptions = {}): VatRecap {
  const reverseCharge = options.reverseCharge ?? false;
  const bases = new Map<VatRateBp, MinorUnits>();
  for (const line of lines) {
    const rate = reverseCharge ? 0 : assertVatRate(line.vatRateBp);
    bases.set(rate, sumMinor([bases.get(rate) ?? 0, line.netMinor]));
  }
  const groups = [...bases.entries()]
    .sort(([a], [b]) => b - a)
    .map(([vatRateBp, baseMinor]): VatGroup => {
      const vatMinor = vatOf(baseMinor, vatRateBp);
      return { vatRateBp, baseMinor, vatMinor, totalMinor: sumMinor([baseMinor, vatMinor]) };
    });
  const netMinor = sumMinor(groups.map((g) => g.baseMinor));
  const vatMinor = sumMinor(groups.map((g) => g.vatMinor));
  const totalBeforeRoundingMinor = sumMinor([netMinor, vatMinor]);
  let totalMinor = totalBeforeRoundingMinor;
  if (options.roundTotal === true) {
    const unit = options.minorPerUnit ?? 100;
    if (!Number.isSafeInteger(unit) || unit < 1) throw new RangeError(`minor units per unit must be a positive integer, got ${unit}`);
    totalMinor = divRoundNumber(totalBeforeRoundingMinor, unit) * unit;
  }
  return {
    groups,
    netMinor,
    vatMinor,
    totalBeforeRoundingMinor,
    roundingMinor: totalMinor - totalBeforeRoundingMinor,
    totalMinor,
    reverseCharge,
    legalNote: reverseCharge ? 'reverse_charge' : null,
  };
}

/** Lines as they appear on a reverse-charge invoice: every rate 0 %. */
export function applyReverseCharge<L extends VatLine>(lines: readonly L[]): L[] {
  return lines.map((line) => ({ ...line, vatRateBp: 0 }));
}
