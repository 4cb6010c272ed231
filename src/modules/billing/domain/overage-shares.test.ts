import { describe, expect, it } from 'vitest';
import { hourlyAmount } from '../../../shared/money.ts';
import { shareOverageLines } from './overage-shares.ts';

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

  it('tells no split when the lines and the entries no longer match (a line changed after the run)', () => {
    expect(shareOverageLines([{ minutes: 60, rateMinor: 600_00, amountMinor: 600_00 }], [{ entryId: 'a', overageMinutes: 30 }], byRate)).toBeNull();
    expect(shareOverageLines([{ minutes: 30, rateMinor: 600_00, amountMinor: 300_00 }], [{ entryId: 'a', overageMinutes: 60 }], byRate)).toBeNull();
  });
});
