import { describe, expect, it } from 'vitest';
import { hourlyAmount } from '../../../shared/money.ts';
import { shareOverageLines, splitOverageLinesByVat } from './overage-shares.ts';

const byRate = (line: { rateMinor: number }, minutes: number) => hourlyAmount(minutes, line.rateMinor);

describe('overage shares', () => {
  it('fills lines in the entries’ order: an entry across two bands gets a share of each', () => {
    const lines = [{ minutes: 60, rateMinor: 1_000_00, amountMinor: 1_000_00 }, { minutes: 120, rateMinor: 1_200_00, amountMinor: 2_400_00 }];
    const shares = shareOverageLines(lines, [{ entryId: 'a', overageMinutes: 90 }, { entryId: 'b', overageMinutes: 0 }, { entryId: 'c', overageMinutes: 90 }], byRate);
    expect(shares).toEqual(new Map([
      ['a', [{ lineIndex: 0, minutes: 60, amountMinor: 1_000_00, roundingMinor: 0 }, { lineIndex: 1, minutes: 30, amountMinor: 600_00, roundingMinor: 0 }]],
      ['c', [{ lineIndex: 1, minutes: 90, amountMinor: 1_800_00, roundingMinor: 0 }]],
    ]));
  });

  it("gives a line's rounding remainder to its last entry, so the shares add up to the line exactly", () => {
    // 60 min × 700,00/h = 700,00, but each 20 minutes alone is 233,333… → 233,33.
    const shares = shareOverageLines([{ minutes: 60, rateMinor: 700_00, amountMinor: 700_00 }], ['a', 'b', 'c'].map((entryId) => ({ entryId, overageMinutes: 20 })), byRate)!;
    expect([...shares.values()].map((s) => [s[0]!.amountMinor, s[0]!.roundingMinor])).toEqual([[233_33, 0], [233_33, 0], [233_34, 1]]);
  });

  it('splits a band whose entries are taxed at two VAT rates into a line per rate, each priced from its own minutes', () => {
    // Band 1: 60 min at 1 111,11/h = 1 111,11; a (12 %) bears 45 min, b (21 %) 15. Band 2: the rest of b (15) and c (21 %).
    const bands = [
      { method: 'tiered', band: 0, entryIds: ['a', 'b'], minutes: 60, rateMinor: 1_111_11, amountMinor: 1_111_11 },
      { method: 'tiered', band: 1, entryIds: ['b', 'c'], minutes: 45, rateMinor: 1_200_00, amountMinor: 900_00 },
    ];
    const entries = [{ entryId: 'a', overageMinutes: 45, vatRateBp: 1200 }, { entryId: 'b', overageMinutes: 30, vatRateBp: 2100 }, { entryId: 'c', overageMinutes: 30, vatRateBp: 2100 }];
    const lines = splitOverageLinesByVat(bands, entries, byRate)!;
    expect(lines).toEqual([
      // 45 × 1 111,11 / 60 = 833,3325 → 833,33; 15 × 1 111,11 / 60 = 277,7775 → 277,78: each net rounded on its own.
      { method: 'tiered', band: 0, entryIds: ['a'], minutes: 45, rateMinor: 1_111_11, amountMinor: 833_33, vatRateBp: 1200, sourceIndex: 0 },
      { method: 'tiered', band: 0, entryIds: ['b'], minutes: 15, rateMinor: 1_111_11, amountMinor: 277_78, vatRateBp: 2100, sourceIndex: 0 },
      // One rate: the band stays as priced.
      { ...bands[1], vatRateBp: 2100, sourceIndex: 1 },
    ]);
    // Each entry fills the lines of its own rate: b bears its 15 min of band 1 at 21 % and 15 of band 2.
    const shares = shareOverageLines(lines, entries, byRate)!;
    expect([...shares.entries()]).toEqual([
      ['a', [{ lineIndex: 0, minutes: 45, amountMinor: 833_33, roundingMinor: 0 }]],
      ['b', [{ lineIndex: 1, minutes: 15, amountMinor: 277_78, roundingMinor: 0 }, { lineIndex: 2, minutes: 15, amountMinor: 300_00, roundingMinor: 0 }]],
      ['c', [{ lineIndex: 2, minutes: 30, amountMinor: 600_00, roundingMinor: 0 }]],
    ]);
  });

  it('keeps a line whose entries share one rate whole, and tells no split when an entry has no line of its rate', () => {
    const flat = [{ method: 'flat_rate', band: 0, entryIds: ['a', 'b'], minutes: 40, rateMinor: 700_00, amountMinor: 466_67 }];
    const entries = [{ entryId: 'a', overageMinutes: 20, vatRateBp: 2100 }, { entryId: 'b', overageMinutes: 20, vatRateBp: 2100 }];
    expect(splitOverageLinesByVat(flat, entries, byRate)).toEqual([{ ...flat[0], vatRateBp: 2100, sourceIndex: 0 }]);
    expect(splitOverageLinesByVat(flat, entries.slice(0, 1), byRate)).toBeNull();
    expect(shareOverageLines([{ ...flat[0]!, vatRateBp: 2100 }], [entries[0]!, { ...entries[1]!, vatRateBp: 1200 }], byRate)).toBeNull();
  });

  it('tells no split when the lines and the entries no longer match (a line changed after the run)', () => {
    expect(shareOverageLines([{ minutes: 60, rateMinor: 600_00, amountMinor: 600_00 }], [{ entryId: 'a', overageMinutes: 30 }], byRate)).toBeNull();
    expect(shareOverageLines([{ minutes: 30, rateMinor: 600_00, amountMinor: 300_00 }], [{ entryId: 'a', overageMinutes: 60 }], byRate)).toBeNull();
  });
});
