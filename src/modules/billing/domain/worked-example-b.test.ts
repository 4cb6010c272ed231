/**
 * BILLING.md §5 Example B: flat fee, October 2026. Contract from 1 Oct 2026,
 * 5 000.00 a month in arrears; scope Remote support and On-site; travel not
 * covered. Reproduced exactly, profitability included.
 */
import { describe, it, expect } from 'vitest';
import { holidayCalendar } from '../../../shared/calendar/index.ts';
import { parseQuantity } from '../../../shared/quantity.ts';
import { priceTravel, priceWorkEntry } from '../../pricing/domain/index.ts';
import { COST_PER_KM, DEVELOPMENT, ON_SITE, REMOTE, STANDARD_2026, TECHNICIAN_COST_PER_HOUR } from '../../pricing/domain/standard-2026.fixture.ts';
import { feePeriodsToBill, isCoveredByScope, isWithinValidity, type ContractTerms } from '../../contracts/domain/index.ts';
import { contractFeeLine, groupRecordsIntoLines, marginPercentScaled, profitability, vatRecap, type PricedRecord } from './index.ts';

const VAT_21 = 2100;
const cz = holidayCalendar('CZ');

const contract: ContractTerms = {
  contractId: 'flat-b',
  clientId: 'client-b',
  currency: 'CZK',
  validFrom: '2026-10-01',
  validTo: null,
  periodKind: 'month',
  priceListId: null,
  fee: { amountMinor: 5_000_00, vatRateBp: VAT_21, timing: 'in_arrears' },
  scope: { workTypeIds: [REMOTE, ON_SITE], coversTravel: false, unitFeeIds: [] },
  prepaidMinutes: 0,
  carryOver: { enabled: false },
  multipliers: {},
  overage: { kind: 'entry_rate' },
};

const workRecords = [
  { id: 'w-remote', workTypeId: REMOTE, date: '2026-10-06', minutes: 120 },
  { id: 'w-onsite', workTypeId: ON_SITE, date: '2026-10-13', minutes: 180 },
  { id: 'w-dev', workTypeId: DEVELOPMENT, date: '2026-10-20', minutes: 60 },
];

/** Prices the month's records and assembles the draft, as a billing run would. */
function octoberDraft() {
  const billed: PricedRecord[] = [];
  let costMinor = 0;
  for (const record of workRecords) {
    if (!isWithinValidity(contract, record.date)) throw new Error('outside the contract');
    const priced = priceWorkEntry({ priceList: STANDARD_2026, workTypeId: record.workTypeId, minutes: record.minutes, start: { date: record.date, time: '09:00' }, holidays: cz, costRatePerHourMinor: TECHNICIAN_COST_PER_HOUR });
    if (!priced.ok || priced.costMinor === null) throw new Error('not priced');
    costMinor += priced.costMinor; // covered work counts for profitability too
    if (isCoveredByScope(contract.scope, { kind: 'work', workTypeId: record.workTypeId })) continue; // covered: billed at 0
    billed.push({ kind: 'work', recordId: record.id, workTypeId: record.workTypeId, timeClass: priced.timeClass, rateMinor: priced.rateMinor, surchargePct: priced.surchargePct, billableMinutes: priced.billableMinutes, amountMinor: priced.amountMinor, vatRateBp: VAT_21 });
  }
  const travel = priceTravel({ priceList: STANDARD_2026, kmMilli: parseQuantity('20'), costPerKmMinor: COST_PER_KM });
  if (!travel.ok || travel.costMinor === null) throw new Error('not priced');
  costMinor += travel.costMinor;
  billed.push({ kind: 'travel', recordId: 't-20km', kmMilli: parseQuantity('20'), amountMinor: travel.amountMinor, vatRateBp: VAT_21 });

  const fees = feePeriodsToBill(contract, '2026-10', []);
  const lines = [...fees.map((fee) => contractFeeLine(contract.contractId, fee)), ...groupRecordsIntoLines(billed)];
  const recap = vatRecap(lines);
  return { lines, recap, costMinor };
}

describe('BILLING.md Example B — flat fee, October 2026', () => {
  it('covers remote and on-site work, not development, not travel', () => {
    expect(isCoveredByScope(contract.scope, { kind: 'work', workTypeId: REMOTE })).toBe(true);
    expect(isCoveredByScope(contract.scope, { kind: 'work', workTypeId: DEVELOPMENT })).toBe(false);
    expect(isCoveredByScope(contract.scope, { kind: 'travel' })).toBe(false);
  });

  it('invoice: 5 000.00 + 1 200.00 + 240.00 = net 6 440.00, VAT 1 352.40, total 7 792.40', () => {
    const { lines, recap } = octoberDraft();
    expect(lines.map((l) => [l.kind, l.netMinor])).toEqual([['contract_fee', 5_000_00], ['work', 1_200_00], ['travel', 240_00]]);
    expect([recap.netMinor, recap.vatMinor, recap.totalMinor]).toEqual([6_440_00, 1_352_40, 7_792_40]);
  });

  it('profitability: cost 2 800.00, margin 3 640.00 (56.5 %)', () => {
    const { recap, costMinor } = octoberDraft();
    expect(costMinor).toBe(2_700_00 + 100_00);
    const result = profitability(recap.netMinor, costMinor);
    expect(result).toEqual({ revenueMinor: 6_440_00, costMinor: 2_800_00, marginMinor: 3_640_00, marginBp: 5652 });
    expect(marginPercentScaled(result, 1)).toBe(565);
  });
});
