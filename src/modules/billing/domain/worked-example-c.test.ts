/**
 * BILLING.md §5 Example C: prepaid hours. Contract from 1 Sep 2026, 8 000.00 a
 * month in arrears including 600 min; scope Remote and On-site; carry-over on,
 * cap 300, life 1; overage entry_rate. Reproduced exactly, September to
 * December, with the alternative December.
 */
import { describe, it, expect } from 'vitest';
import { holidayCalendar } from '../../../shared/calendar/index.ts';
import { priceBillableMinutes, priceWorkEntry } from '../../pricing/domain/index.ts';
import { ON_SITE, REMOTE, STANDARD_2026 } from '../../pricing/domain/standard-2026.fixture.ts';
import {
  closePeriod, consumePrepaid, feePeriodsToBill, prepaidMinutesForPeriod, priceOverage,
  type CarriedLot, type ContractTerms, type CoveredEntry,
} from '../../contracts/domain/index.ts';
import { contractFeeLine, overageLine, vatRecap } from './index.ts';

const VAT_21 = 2100;
const cz = holidayCalendar('CZ');

const contract: ContractTerms = {
  contractId: 'prepaid-c',
  clientId: 'client-c',
  currency: 'CZK',
  validFrom: '2026-09-01',
  validTo: null,
  periodKind: 'month',
  priceListId: null,
  fee: { amountMinor: 8_000_00, vatRateBp: VAT_21, timing: 'in_arrears' },
  scope: { workTypeIds: [REMOTE, ON_SITE], coversTravel: false, unitFeeIds: [] },
  prepaidMinutes: 600,
  carryOver: { enabled: true, capMinutes: 300, lifePeriods: 1 },
  multipliers: {},
  overage: { kind: 'entry_rate' },
};

/** Prices covered work entries (all in business hours) into what consumption needs. */
function covered(entries: readonly [id: string, workTypeId: string, date: string, minutes: number][]): CoveredEntry[] {
  return entries.map(([id, workTypeId, date, minutes]) => {
    const priced = priceWorkEntry({ priceList: STANDARD_2026, workTypeId, minutes, start: { date, time: '09:00' }, holidays: cz });
    if (!priced.ok) throw new Error(`not priced: ${id}`);
    if (priced.timeClass !== 'normal') throw new Error(`${id} is not in business hours`);
    return { id, workTypeId, timeClass: priced.timeClass, billableMinutes: priced.billableMinutes };
  });
}

function runPeriod(period: string, carried: readonly CarriedLot[], entries: CoveredEntry[]) {
  const consumption = consumePrepaid(carried, prepaidMinutesForPeriod(contract, period), entries, contract.multipliers);
  return { consumption, ...closePeriod(period, consumption, contract.carryOver) };
}

// The months build on each other; each is a pure function of the one before.
const september = () => runPeriod('2026-09', [], covered([['s1', REMOTE, '2026-09-07', 240], ['s2', ON_SITE, '2026-09-15', 180]]));
const octoberEntries = () =>
  covered([
    ['o1', REMOTE, '2026-10-02', 240],
    ['o2', ON_SITE, '2026-10-09', 300],
    ['o3', REMOTE, '2026-10-20', 180],
    ['o4', ON_SITE, '2026-10-27', 180],
  ]);
const october = () => runPeriod('2026-10', september().lots, octoberEntries());
const november = () => runPeriod('2026-11', october().lots, covered([['n1', REMOTE, '2026-11-10', 360]]));

describe('BILLING.md Example C — prepaid hours', () => {

  it('September: 420 used, 180 carried into October', () => {
    expect(september().ledger).toEqual({ period: '2026-09', openingCarried: 0, allocated: 600, consumed: 420, carriedOut: 180, lapsed: 0 });
    expect(september().lots).toEqual([{ originPeriod: '2026-09', minutes: 180, remainingLife: 1 }]);
  });

  it('October: the September lot covers 180 of the first entry; the 27 Oct entry splits 60 / 120', () => {
    const { consumption } = october();
    expect(consumption.openingCarried + consumption.allocated).toBe(780);
    expect(consumption.fromLots).toEqual([{ originPeriod: '2026-09', minutes: 180 }]);
    expect(consumption.entries.map((e) => [e.id, e.coveredMinutes, e.overageMinutes])).toEqual([
      ['o1', 240, 0], ['o2', 300, 0], ['o3', 180, 0], ['o4', 60, 120],
    ]);
  });

  it('October invoice: 8 000.00 + 2 000.00 overage = net 10 000.00, VAT 2 100.00, total 12 100.00', () => {
    const entries = octoberEntries();
    const parts = october().consumption.entries.map((split, i) => ({
      entryId: split.id, workTypeId: entries[i]!.workTypeId, technicianLevel: null, timeClass: entries[i]!.timeClass, overageMinutes: split.overageMinutes,
    }));
    const overage = priceOverage(contract.overage, parts, (p) => {
      const price = priceBillableMinutes(STANDARD_2026, p.workTypeId, p.technicianLevel, p.overageMinutes, p.timeClass);
      return price.ok ? price : null;
    });
    if (!overage.ok) throw new Error('overage not priced');
    expect(overage.lines).toMatchObject([{ entryIds: ['o4'], minutes: 120, amountMinor: 2_000_00 }]);
    const fees = feePeriodsToBill(contract, '2026-10', ['2026-09']);
    expect(fees.map((f) => [f.period, f.amountMinor])).toEqual([['2026-10', 8_000_00]]);
    const lines = [
      ...fees.map((fee) => contractFeeLine(contract.contractId, fee)),
      ...overage.lines.map((line, i) => overageLine(contract.contractId, line, VAT_21, i)),
    ];
    const recap = vatRecap(lines);
    expect([recap.netMinor, recap.vatMinor, recap.totalMinor]).toEqual([10_000_00, 2_100_00, 12_100_00]);
  });

  it('October ledger: opening 180, allocated 600, consumed 780, carried out 0, lapsed 0', () => {
    const { ledger, lots } = october();
    expect(ledger).toEqual({ period: '2026-10', openingCarried: 180, allocated: 600, consumed: 780, carriedOut: 0, lapsed: 0 });
    expect(lots).toEqual([]);
  });

  it('November: 360 used, 240 carried', () => {
    expect(november().ledger).toEqual({ period: '2026-11', openingCarried: 0, allocated: 600, consumed: 360, carriedOut: 240, lapsed: 0 });
  });

  it('December: 480 used — November lot first, 360 left cut to the cap: 240 + 600 = 480 + 300 + 60', () => {
    const december = runPeriod('2026-12', november().lots, covered([['d1', REMOTE, '2026-12-08', 480]]));
    expect(december.consumption.fromLots).toEqual([{ originPeriod: '2026-11', minutes: 240 }]);
    expect(december.consumption.fromOwn).toBe(240);
    expect(december.ledger).toEqual({ period: '2026-12', openingCarried: 240, allocated: 600, consumed: 480, carriedOut: 300, lapsed: 60 });
  });

  it('December alternative: 120 used — the rest of the November lot lapses, 600 cut to 300: lapsed 420', () => {
    const december = runPeriod('2026-12', november().lots, covered([['d1', REMOTE, '2026-12-08', 120]]));
    expect(december.consumption.fromLots).toEqual([{ originPeriod: '2026-11', minutes: 120 }]);
    expect(december.ledger).toEqual({ period: '2026-12', openingCarried: 240, allocated: 600, consumed: 120, carriedOut: 300, lapsed: 420 });
    expect(december.lots).toEqual([{ originPeriod: '2026-12', minutes: 300, remainingLife: 1 }]);
  });
});
