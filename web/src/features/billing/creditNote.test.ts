// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { afterCredit, creditableMinor, creditNoteTotals, creditQuantityProblem, creditsByQuantity, creditsWholeUnits, maxQuantityMilli, quantityMilliOf, quantityNetMinor } from './creditNote';

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

  it('pieces and visits are credited whole: 1,5 ks is refused with its own reason, hours keep their fractions', () => {
    expect(creditsWholeUnits(ssd)).toBe(true);
    expect(creditQuantityProblem(ssd, '1')).toBeNull();
    expect(creditQuantityProblem(ssd, '1,5')).toBe('whole');
    expect(creditQuantityProblem(ssd, 1.5)).toBe('whole');
    expect(creditQuantityProblem(ssd, 'x')).toBe('invalid');
    // A unit typed by hand counts too; hours do not.
    expect(creditQuantityProblem({ ...ssd, unit: 'výjezd' }, '0,5')).toBe('whole');
    const hours = { ...ssd, unit: 'h', unitPriceMinor: 1000_00, netMinor: 2000_00, leftToCreditMinor: 2000_00 };
    expect(creditsWholeUnits(hours)).toBe(false);
    expect(creditQuantityProblem(hours, '1,5')).toBeNull();
    // The most offered is whole pieces: 2 835,00 left at 1 890,00 is 1 ks, not 1,5.
    expect(maxQuantityMilli({ ...ssd, leftToCreditMinor: 2835_00 })).toBe(1000);
    expect(maxQuantityMilli({ ...hours, leftToCreditMinor: 1500_00 })).toBe(1500);
  });

  it('a credit note beyond what is still due says what the client is then owed back', () => {
    // 12 023,77 invoice, 10 000 paid: 2 023,77 due; crediting 2 286,90 leaves 0 due and 263,13 to refund.
    expect(afterCredit({ amountDueMinor: 2023_77, refundDueMinor: 0 }, -2286_90)).toEqual({ dueMinor: 0, refundMinor: 263_13, overpays: true });
    expect(afterCredit({ amountDueMinor: 2023_77, refundDueMinor: 0 }, -2023_77)).toEqual({ dueMinor: 0, refundMinor: 0, overpays: false });
    expect(afterCredit({ amountDueMinor: 9680_00, refundDueMinor: 0 }, -2286_90)).toEqual({ dueMinor: 7393_10, refundMinor: 0, overpays: false });
    // Already overpaid: all of the note is owed back on top.
    expect(afterCredit({ amountDueMinor: 0, refundDueMinor: 1000_00 }, -500_00)).toEqual({ dueMinor: 0, refundMinor: 1500_00, overpays: true });
  });
});
