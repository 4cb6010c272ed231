import { describe, it, expect } from 'vitest';
import { contractFeeLine, groupRecordsIntoLines, overageLine, type PricedRecord } from './lines.ts';

const work = (recordId: string, workTypeId: string, timeClass: 'normal' | 'out_of_hours', billableMinutes: number, amountMinor: number): PricedRecord => ({
  kind: 'work', recordId, workTypeId, timeClass, rateMinor: 1_000_00, surchargePct: timeClass === 'normal' ? 0 : 50, billableMinutes, amountMinor, vatRateBp: 2100,
});

describe('groupRecordsIntoLines', () => {
  it('groups work by type, rate and time class; travel together; fees and items each', () => {
    const lines = groupRecordsIntoLines([
      { kind: 'item', recordId: 'i1', itemId: 'ssd', unitPriceMinor: 1_890_00, discountBp: 0, quantityMilli: 1000, amountMinor: 1_890_00, vatRateBp: 2100 },
      work('w1', 'on-site', 'normal', 60, 1_000_00),
      { kind: 'travel', recordId: 't1', kmMilli: 36_000, amountMinor: 432_00, vatRateBp: 2100 },
      work('w2', 'on-site', 'out_of_hours', 105, 2_625_00),
      work('w3', 'on-site', 'normal', 30, 500_00),
      { kind: 'travel', recordId: 't2', kmMilli: 4_500, amountMinor: 54_00, vatRateBp: 2100 },
      { kind: 'unit_fee', recordId: 'f1', feeId: 'call-out', unitPriceMinor: 300_00, quantityMilli: 1000, amountMinor: 300_00, vatRateBp: 2100 },
      { kind: 'item', recordId: 'i2', itemId: 'ssd', unitPriceMinor: 1_890_00, discountBp: 0, quantityMilli: 1000, amountMinor: 1_890_00, vatRateBp: 2100 },
      { kind: 'item', recordId: 'i3', itemId: 'ssd', unitPriceMinor: 1_790_00, discountBp: 0, quantityMilli: 1000, amountMinor: 1_790_00, vatRateBp: 2100 },
    ]);
    expect(lines.map((l) => [l.kind, l.netMinor, l.recordIds])).toEqual([
      ['work', 1_500_00, ['w1', 'w3']],
      ['work', 2_625_00, ['w2']],
      ['travel', 486_00, ['t1', 't2']],
      ['unit_fee', 300_00, ['f1']],
      ['item', 3_780_00, ['i1', 'i2']],
      ['item', 1_790_00, ['i3']],
    ]);
    expect(lines[0]).toMatchObject({ kind: 'work', minutes: 90, timeClass: 'normal' });
    expect(lines[2]).toMatchObject({ kind: 'travel', kmMilli: 40_500 });
    expect(lines[4]).toMatchObject({ kind: 'item', quantityMilli: 2000 });
  });

  it('never puts two VAT rates on one line, nor a record on two lines', () => {
    const lines = groupRecordsIntoLines([
      { kind: 'travel', recordId: 't1', kmMilli: 1000, amountMinor: 12_00, vatRateBp: 2100 },
      { kind: 'travel', recordId: 't2', kmMilli: 1000, amountMinor: 12_00, vatRateBp: 0 },
    ]);
    expect(lines).toHaveLength(2);
    expect(() => groupRecordsIntoLines([work('w1', 'a', 'normal', 1, 1), work('w1', 'a', 'normal', 1, 1)])).toThrow(/twice/);
  });

  it('builds contract fee and overage lines', () => {
    expect(contractFeeLine('c1', { period: '2026-10', from: '2026-10-01', to: '2026-10-31', prorated: false, amountMinor: 8_000_00, vatRateBp: 2100 })).toMatchObject({
      kind: 'contract_fee', period: '2026-10', netMinor: 8_000_00, recordIds: [],
    });
    expect(overageLine('c1', { method: 'entry_rate', entryIds: ['e4'], minutes: 120, rateMinor: 1_000_00, amountMinor: 2_000_00 }, 2100, 0)).toMatchObject({
      kind: 'overage', netMinor: 2_000_00, recordIds: ['e4'], minutes: 120, vatRateBp: 2100,
    });
    // A band split by VAT rate: the same index, told apart by the rate in the key.
    const band = { method: 'tiered', entryIds: ['a'], minutes: 60, rateMinor: 700_00, amountMinor: 700_00 } as const;
    expect([overageLine('c1', band, 1200, 0).key, overageLine('c1', band, 2100, 0).key]).toEqual(['["overage","c1","tiered",0,1200]', '["overage","c1","tiered",0,2100]']);
  });
});
