/**
 * BILLING.md §5 Example A: time and material, October 2026, client without a
 * contract, price list "Standard 2026", CZ holidays. Reproduced exactly.
 */
import { describe, it, expect } from 'vitest';
import { holidayCalendar } from '../../../shared/calendar/index.ts';
import { parseQuantity } from '../../../shared/quantity.ts';
import { priceMaterial, priceTravel, priceUnitFee, priceWorkEntry, type WorkEntryInput } from '../../pricing/domain/index.ts';
import { CALL_OUT, COST_PER_KM, ON_SITE, REMOTE, SSD_1TB, STANDARD_2026, TECHNICIAN_COST_PER_HOUR } from '../../pricing/domain/standard-2026.fixture.ts';
import { groupRecordsIntoLines, vatRecap, type PricedRecord } from './index.ts';

const VAT_21 = 2100;
const cz = holidayCalendar('CZ');

function work(recordId: string, workTypeId: string, date: string, time: string, minutes: number): PricedRecord {
  const input: WorkEntryInput = { priceList: STANDARD_2026, workTypeId, minutes, start: { date, time }, holidays: cz, costRatePerHourMinor: TECHNICIAN_COST_PER_HOUR };
  const priced = priceWorkEntry(input);
  if (!priced.ok) throw new Error(`not priced: ${recordId}`);
  return { kind: 'work', recordId, workTypeId, timeClass: priced.timeClass, rateMinor: priced.rateMinor, surchargePct: priced.surchargePct, billableMinutes: priced.billableMinutes, amountMinor: priced.amountMinor, vatRateBp: VAT_21 };
}

function records(): PricedRecord[] {
  const travel = priceTravel({ priceList: STANDARD_2026, kmMilli: parseQuantity('36'), costPerKmMinor: COST_PER_KM });
  const fee = priceUnitFee({ priceList: STANDARD_2026, feeId: CALL_OUT, quantityMilli: parseQuantity('1') });
  const ssd = priceMaterial({ priceList: STANDARD_2026, itemId: SSD_1TB, quantityMilli: parseQuantity('2'), itemSalePrice: null });
  if (!travel.ok || !fee.ok || !ssd.ok) throw new Error('not priced');
  return [
    work('w-05', REMOTE, '2026-10-05', '09:00', 50),
    work('w-12', ON_SITE, '2026-10-12', '18:30', 100),
    { kind: 'travel', recordId: 't-12', kmMilli: parseQuantity('36'), amountMinor: travel.amountMinor, vatRateBp: VAT_21 },
    { kind: 'unit_fee', recordId: 'f-12', feeId: CALL_OUT, unitPriceMinor: fee.unitPriceMinor, quantityMilli: parseQuantity('1'), amountMinor: fee.amountMinor, vatRateBp: VAT_21 },
    { kind: 'item', recordId: 'i-12', itemId: SSD_1TB, unitPriceMinor: ssd.unitPriceMinor, discountBp: 0, quantityMilli: parseQuantity('2'), amountMinor: ssd.amountMinor, vatRateBp: VAT_21 },
    work('w-28', ON_SITE, '2026-10-28', '10:00', 45),
  ];
}

describe('BILLING.md Example A — time and material, October 2026', () => {
  it("prices each record to the table's net", () => {
    expect(records().map((r) => [r.recordId, r.amountMinor])).toEqual([
      ['w-05', 800_00], // 60 min × 800
      ['w-12', 2_625_00], // 105 min × 1 000 × 1.5
      ['t-12', 432_00], // 36 × 12
      ['f-12', 300_00], // call-out fee × 1
      ['i-12', 3_780_00], // 2 × 1 890
      ['w-28', 2_000_00], // minimum 60 min × 1 000 × 2 (28 Oct, holiday)
    ]);
    const [w05, w12, , , , w28] = records();
    expect(w05).toMatchObject({ billableMinutes: 60, timeClass: 'normal' });
    expect(w12).toMatchObject({ billableMinutes: 105, timeClass: 'out_of_hours' });
    expect(w28).toMatchObject({ billableMinutes: 60, timeClass: 'weekend_holiday' });
  });

  it('totals: net 9 937.00, VAT 21 % 2 086.77, total 12 023.77', () => {
    const lines = groupRecordsIntoLines(records());
    expect(lines).toHaveLength(6); // every record differs in type, rate or time class
    expect(lines.flatMap((l) => l.recordIds).sort()).toEqual(['f-12', 'i-12', 't-12', 'w-05', 'w-12', 'w-28']);
    const recap = vatRecap(lines);
    expect(recap.groups).toEqual([{ vatRateBp: VAT_21, baseMinor: 9_937_00, vatMinor: 2_086_77, totalMinor: 12_023_77 }]);
    expect([recap.netMinor, recap.vatMinor, recap.totalMinor]).toEqual([9_937_00, 2_086_77, 12_023_77]);
  });
});
