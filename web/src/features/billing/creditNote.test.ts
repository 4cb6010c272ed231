// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { afterCredit, creditableMinor, creditLineInput, creditNoteTotals, creditsByQuantity, creditsWholeUnits, maxQuantityMilli, quantityNetMinor } from './creditNote';

// Example A's SSD line: 2 ks × 1 890,00 = 3 780,00 at 21 %.
const ssd = { quantityMilli: 2000, unit: 'pcs', unitPriceMinor: 1890_00, netMinor: 3780_00, leftToCreditMinor: 3780_00 };

describe('a credit note by lines, as the dialog shows it before issuing', () => {
  it('one returned SSD of two is its unit price, not 1,00: quantity × unit price', () => {
    expect(creditsByQuantity(ssd)).toBe(true);
    expect(creditLineInput(ssd, '1', true)).toEqual({ netMinor: 1890_00, problem: null });
    expect(creditLineInput(ssd, 1, true)).toEqual({ netMinor: 1890_00, problem: null });
    // Half an hour of 1 000,00 an hour; a third of a unit rounds half away from zero.
    const hour = { ...ssd, unit: 'h', unitPriceMinor: 1000_00 };
    expect(creditLineInput(hour, '0,5', true)).toEqual({ netMinor: 500_00, problem: null });
    expect(creditLineInput(hour, 0.5, true)).toEqual({ netMinor: 500_00, problem: null });
    expect(quantityNetMinor(333, 1_00)).toBe(33);
    // By amount: the net typed.
    expect(creditLineInput(ssd, '1 000,50', false)).toEqual({ netMinor: 1000_50, problem: null });
    // Nothing typed takes nothing back and is no refusal.
    expect(creditLineInput(ssd, '', true)).toEqual({ netMinor: null, problem: null });
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
    expect(creditLineInput(ssd, '1', true).problem).toBeNull();
    expect(creditLineInput(ssd, '1,5', true).problem).toBe('whole');
    expect(creditLineInput(ssd, 1.5, true).problem).toBe('whole');
    // A unit typed by hand counts too; hours do not.
    expect(creditLineInput({ ...ssd, unit: 'výjezd' }, '0,5', true).problem).toBe('whole');
    const hours = { ...ssd, unit: 'h', unitPriceMinor: 1000_00, netMinor: 2000_00, leftToCreditMinor: 2000_00 };
    expect(creditsWholeUnits(hours)).toBe(false);
    expect(creditLineInput(hours, '1,5', true).problem).toBeNull();
    // The most offered is whole pieces: 2 835,00 left at 1 890,00 is 1 ks, not 1,5.
    expect(maxQuantityMilli({ ...ssd, leftToCreditMinor: 2835_00 })).toBe(1000);
    expect(maxQuantityMilli({ ...hours, leftToCreditMinor: 1500_00 })).toBe(1500);
  });

  it('every refusal of a line names its own reason, and nothing is taken from a refused line', () => {
    // A minus is not made 0 and 0 is not told it has too many decimals.
    expect(creditLineInput(ssd, -5, true)).toEqual({ netMinor: null, problem: 'negative' });
    expect(creditLineInput(ssd, '-5', true)).toEqual({ netMinor: null, problem: 'negative' });
    expect(creditLineInput(ssd, 0, true)).toEqual({ netMinor: null, problem: 'notPositive' });
    expect(creditLineInput(ssd, '0', false)).toEqual({ netMinor: null, problem: 'notPositive' });
    expect(creditLineInput(ssd, '1,2345', true)).toEqual({ netMinor: null, problem: 'decimals' });
    expect(creditLineInput(ssd, '10,555', false)).toEqual({ netMinor: null, problem: 'decimals' });
    expect(creditLineInput(ssd, 'x', true)).toEqual({ netMinor: null, problem: 'invalid' });
    // 99999 ks of a 2 ks line: refused as more than is left (the dialog then shows no total from it).
    expect(creditLineInput(ssd, 99999, true)).toEqual({ netMinor: 99999 * 1890_00, problem: 'tooMuch' });
    expect(creditLineInput(ssd, '3780,01', false).problem).toBe('tooMuch');
    expect(creditLineInput(ssd, 2, true).problem).toBeNull();
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
