import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { applyReverseCharge, parseVatRate, vatRecap } from './vat.ts';

describe('vatRecap', () => {
  it('groups by rate and rounds VAT once per rate', () => {
    const recap = vatRecap([
      { netMinor: 1_00, vatRateBp: 2100 },
      { netMinor: 33, vatRateBp: 2100 },
      { netMinor: 33, vatRateBp: 2100 },
      { netMinor: 10_00, vatRateBp: 1200 },
      { netMinor: 5_00, vatRateBp: 0 },
    ]);
    expect(recap.groups).toEqual([
      { vatRateBp: 2100, baseMinor: 166, vatMinor: 35, totalMinor: 201 }, // 34.86 → 35
      { vatRateBp: 1200, baseMinor: 10_00, vatMinor: 1_20, totalMinor: 11_20 },
      { vatRateBp: 0, baseMinor: 5_00, vatMinor: 0, totalMinor: 5_00 },
    ]);
    expect([recap.netMinor, recap.vatMinor, recap.totalMinor, recap.roundingMinor, recap.legalNote]).toEqual([16_66, 1_55, 18_21, 0, null]);
  });

  it('rounds VAT on the base, not per line', () => {
    // four lines of 0.12 at 21 %: per line 0.0252 → 0.03 each = 0.12; on the base 0.48 × 21 % = 0.1008 → 0.10
    const recap = vatRecap([12, 12, 12, 12].map((netMinor) => ({ netMinor, vatRateBp: 2100 })));
    expect(recap.vatMinor).toBe(10);
  });

  it('handles decimal and Slovak rates', () => {
    expect(parseVatRate('10.5')).toBe(1050);
    expect(parseVatRate('23')).toBe(2300);
    expect(parseVatRate('0')).toBe(0);
    for (const bad of ['', '21%', '10.555', '-5', '101', 'abc']) expect(parseVatRate(bad), bad).toBeNull();
    const recap = vatRecap([{ netMinor: 100_00, vatRateBp: 2300 }, { netMinor: 100_00, vatRateBp: 500 }, { netMinor: 33_33, vatRateBp: 1050 }]);
    expect(recap.groups.map((g) => [g.vatRateBp, g.vatMinor])).toEqual([[2300, 23_00], [1050, 3_50], [500, 5_00]]); // 3.49965 → 3.50
  });

  it('rounds the total to whole units as a separate line without VAT', () => {
    const recap = vatRecap([{ netMinor: 9_937_00, vatRateBp: 2100 }], { roundTotal: true });
    expect([recap.totalBeforeRoundingMinor, recap.roundingMinor, recap.totalMinor, recap.vatMinor]).toEqual([12_023_77, 23, 12_024_00, 2_086_77]);
    const down = vatRecap([{ netMinor: 1_00_40, vatRateBp: 0 }], { roundTotal: true });
    expect([down.roundingMinor, down.totalMinor]).toEqual([-40, 100_00]);
    const half = vatRecap([{ netMinor: -1_50, vatRateBp: 0 }], { roundTotal: true });
    expect(half.totalMinor).toBe(-2_00); // half away from zero on credit notes too
  });

  it('reverse charge puts every line at 0 % with the legal note', () => {
    const lines = [{ netMinor: 1_000_00, vatRateBp: 2100 }, { netMinor: 500_00, vatRateBp: 1200 }];
    const recap = vatRecap(lines, { reverseCharge: true });
    expect(recap.groups).toEqual([{ vatRateBp: 0, baseMinor: 1_500_00, vatMinor: 0, totalMinor: 1_500_00 }]);
    expect([recap.reverseCharge, recap.legalNote, recap.totalMinor]).toEqual([true, 'reverse_charge', 1_500_00]);
    expect(applyReverseCharge(lines).every((l) => l.vatRateBp === 0)).toBe(true);
  });

  it('rejects invalid rates', () => {
    expect(() => vatRecap([{ netMinor: 1, vatRateBp: 21.5 }])).toThrow(RangeError);
    expect(() => vatRecap([{ netMinor: 1, vatRateBp: -1 }])).toThrow(RangeError);
  });

  it('totals = sum of lines + VAT of each rate, rounding line bounded (property)', () => {
    const line = fc.record({ netMinor: fc.integer({ min: -(10 ** 9), max: 10 ** 10 }), vatRateBp: fc.constantFrom(2100, 1200, 0, 2300, 1900, 500, 1050) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), fc.boolean(), (lines, reverseCharge, roundTotal) => {
        const recap = vatRecap(lines, { reverseCharge, roundTotal });
        expect(recap.netMinor).toBe(lines.reduce((s, l) => s + l.netMinor, 0));
        expect(recap.groups.reduce((s, g) => s + g.baseMinor, 0)).toBe(recap.netMinor);
        expect(recap.vatMinor).toBe(recap.groups.reduce((s, g) => s + g.vatMinor, 0));
        for (const group of recap.groups) {
          const base = lines.filter((l) => reverseCharge || l.vatRateBp === group.vatRateBp).reduce((s, l) => s + l.netMinor, 0);
          expect(group.baseMinor).toBe(base);
          // VAT within half a minor unit of the exact value
          expect(Math.abs(group.vatMinor * 10_000 - base * group.vatRateBp)).toBeLessThanOrEqual(5_000);
        }
        expect(recap.totalMinor).toBe(recap.netMinor + recap.vatMinor + recap.roundingMinor);
        expect(Math.abs(recap.roundingMinor)).toBeLessThanOrEqual(roundTotal ? 50 : 0);
        if (roundTotal) expect(Math.abs(recap.totalMinor % 100)).toBe(0);
        if (reverseCharge) expect(recap.vatMinor).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
