// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { creditableMinor, creditNoteTotals, creditsByQuantity, maxQuantityMilli, quantityMilliOf, quantityNetMinor } from './creditNote';

// Example A's SSD line: 2 ks × 1 890,00 = 3 780,00 at 21 %.
const ssd = { quantityMilli: 2000, unit: 'pcs', unitPriceMinor: 1890_00, netMinor: 3780_00, leftToCreditMinor: 3780_00 };

describe('a credit note by lines, as the dialog shows it before issuing', () => {
  it('one returned SSD of two is its unit price, not 1,00: quantity × unit price', () => {
    expect(creditsByQuantity(ssd)).toBe(true);
    expect(quantityMilliOf('1')).toBe(1000);
    expect(quantityNetMinor(quantityMilliOf('1')!, ssd.unitPriceMinor)).toBe(1890_00);
    // Half an hour of 1 000,00 an hour; a third of a unit rounds half away from zero.
    expect(quantityNetMinor(quantityMilliOf('0,5')!, 1000_00)).toBe(500_00);
    expect(quantityNetMinor(333, 1_00)).toBe(33);
    for (const bad of ['', 'x', '0', '-1', '1,2345']) expect(quantityMilliOf(bad), bad).toBeNull();
  });

  it('the most still creditable: what is left on the line, in its units', () => {
    expect(maxQuantityMilli(ssd)).toBe(2000);
    expect(maxQuantityMilli({ ...ssd, leftToCreditMinor: 1890_00 })).toBe(1000);
    expect(creditableMinor({ ...ssd, leftToCreditMinor: undefined })).toBe(3780_00);
    // An amount correction (no unit) or a role without prices: credited by amount.
    expect(creditsByQuantity({ ...ssd, unit: '' })).toBe(false);
    expect(creditsByQuantity({ ...ssd, unitPriceMinor: undefined })).toBe(false);
    expect(maxQuantityMilli({ ...ssd, unit: '' })).toBeNull();
  });

  it('the total incl. VAT is the credit note\'s: per rate, negative, rounded as the invoice rounds', () => {
    expect(creditNoteTotals([{ netMinor: 1890_00, vatRateBp: 2100 }], { reverseCharge: false, roundTotal: false })).toEqual({ netMinor: -1890_00, vatMinor: -396_90, totalMinor: -2286_90 });
    expect(creditNoteTotals([{ netMinor: 1890_00, vatRateBp: 2100 }], { reverseCharge: false, roundTotal: true }).totalMinor).toBe(-2287_00);
    expect(creditNoteTotals([{ netMinor: 1890_00, vatRateBp: 2100 }], { reverseCharge: true, roundTotal: false })).toEqual({ netMinor: -1890_00, vatMinor: 0, totalMinor: -1890_00 });
    // VAT per rate, not per line: 3 × 0,02 at 21 % is 0,01 of VAT (0,06 × 21 %), where each line alone would round to 0.
    const small = { netMinor: 2, vatRateBp: 2100 };
    expect(creditNoteTotals([small, small, small, { netMinor: 100_00, vatRateBp: 1200 }], { reverseCharge: false, roundTotal: false }))
      .toEqual({ netMinor: -100_06, vatMinor: -12_01, totalMinor: -112_07 });
  });
});
