import { describe, it, expect } from 'vitest';
import { feePeriodsToBill, isFeeDue, prepaidMinutesForPeriod, prorateByDays } from './fees.ts';
import type { ContractTerms } from './terms.ts';

type FeeTerms = Pick<ContractTerms, 'validFrom' | 'validTo' | 'periodKind' | 'fee'>;
const monthly = (overrides: Partial<FeeTerms> = {}): FeeTerms => ({
  validFrom: '2026-10-01',
  validTo: null,
  periodKind: 'month',
  fee: { amountMinor: 5_000_00, vatRateBp: 2100, timing: 'in_arrears' },
  ...overrides,
});
const periods = (due: { period: string; amountMinor: number }[]) => due.map((d) => [d.period, d.amountMinor]);

describe('feePeriodsToBill', () => {
  it('in arrears bills the run period (Example B)', () => {
    expect(feePeriodsToBill(monthly(), '2026-10', [])).toEqual([
      { period: '2026-10', from: '2026-10-01', to: '2026-10-31', days: 31, periodDays: 31, prorated: false, amountMinor: 5_000_00, vatRateBp: 2100 },
    ]);
    expect(feePeriodsToBill(monthly(), '2026-09', [])).toEqual([]);
  });

  it('in advance bills the next period, and the current one if never billed', () => {
    const advance = monthly({ fee: { amountMinor: 5_000_00, vatRateBp: 2100, timing: 'in_advance' } });
    expect(periods(feePeriodsToBill(advance, '2026-09', []))).toEqual([['2026-10', 5_000_00]]);
    expect(periods(feePeriodsToBill(advance, '2026-10', ['2026-10']))).toEqual([['2026-11', 5_000_00]]);
    expect(periods(feePeriodsToBill(advance, '2026-10', []))).toEqual([['2026-10', 5_000_00], ['2026-11', 5_000_00]]);
  });

  it('catches up every unbilled period, each once', () => {
    const late = monthly({ validFrom: '2026-07-01' });
    expect(periods(feePeriodsToBill(late, '2026-10', ['2026-08']))).toEqual([
      ['2026-07', 5_000_00], ['2026-09', 5_000_00], ['2026-10', 5_000_00],
    ]);
  });

  it('prorates partial first and last periods by days', () => {
    const partial = monthly({ validFrom: '2026-10-15', validTo: '2026-12-10' });
    const due = feePeriodsToBill(partial, '2027-03', []);
    expect(due.map((d) => [d.period, d.days, d.periodDays, d.prorated, d.amountMinor])).toEqual([
      ['2026-10', 17, 31, true, 2_741_94], // 5 000 × 17/31 = 2 741.935…
      ['2026-11', 30, 30, false, 5_000_00],
      ['2026-12', 10, 31, true, 1_612_90], // 5 000 × 10/31 = 1 612.903…
    ]);
  });

  it('handles a quarterly contract on monthly runs', () => {
    const quarterly = monthly({ periodKind: 'quarter', fee: { amountMinor: 15_000_00, vatRateBp: 2100, timing: 'in_arrears' } });
    expect(feePeriodsToBill(quarterly, '2026-11', [])).toEqual([]);
    expect(periods(feePeriodsToBill(quarterly, '2026-12', []))).toEqual([['2026-Q4', 15_000_00]]);
    const inAdvance = monthly({ periodKind: 'quarter', fee: { amountMinor: 15_000_00, vatRateBp: 2100, timing: 'in_advance' } });
    expect(periods(feePeriodsToBill(inAdvance, '2026-09', []))).toEqual([['2026-Q4', 15_000_00]]);
    expect(periods(feePeriodsToBill(inAdvance, '2026-10', ['2026-Q4']))).toEqual([]);
    expect(periods(feePeriodsToBill(inAdvance, '2026-12', ['2026-Q4']))).toEqual([['2027-Q1', 15_000_00]]);
  });

  it('bills nothing without a fee and nothing after the end', () => {
    expect(feePeriodsToBill(monthly({ fee: null }), '2026-10', [])).toEqual([]);
    expect(periods(feePeriodsToBill(monthly({ validTo: '2026-10-31' }), '2027-01', []))).toEqual([['2026-10', 5_000_00]]);
  });

  it('isFeeDue compares days', () => {
    expect(isFeeDue('in_arrears', '2026-10', '2026-10')).toBe(true);
    expect(isFeeDue('in_arrears', '2026-11', '2026-10')).toBe(false);
    expect(isFeeDue('in_advance', '2026-11', '2026-10')).toBe(true);
    expect(isFeeDue('in_advance', '2026-12', '2026-10')).toBe(false);
  });
});

describe('proration', () => {
  it('rounds half away from zero and keeps whole periods whole', () => {
    expect(prorateByDays(100, 1, 2)).toBe(50);
    expect(prorateByDays(1, 1, 2)).toBe(1);
    expect(prorateByDays(5_000_00, 31, 31)).toBe(5_000_00);
  });

  it('prorates prepaid minutes like the fee', () => {
    const terms = { validFrom: '2026-10-15', validTo: null, prepaidMinutes: 600 };
    expect(prepaidMinutesForPeriod(terms, '2026-10')).toBe(329); // 600 × 17 / 31 = 329.03
    expect(prepaidMinutesForPeriod(terms, '2026-11')).toBe(600);
    expect(prepaidMinutesForPeriod(terms, '2026-09')).toBe(0);
  });
});
