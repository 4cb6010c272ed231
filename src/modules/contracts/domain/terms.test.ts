import { describe, expect, it } from 'vitest';
import { termsProblems, type ContractTerms } from './terms.ts';

const terms = (extra: Partial<ContractTerms> = {}): ContractTerms => ({
  contractId: '1', clientId: '1', currency: 'CZK', validFrom: '2026-01-01', validTo: null, periodKind: 'month', priceListId: null,
  fee: null, scope: { workTypeIds: [], coversTravel: false, unitFeeIds: [] }, prepaidMinutes: 0, carryOver: { enabled: false },
  multipliers: {}, overage: { kind: 'entry_rate' }, ...extra,
});
const problems = (extra: Partial<ContractTerms>) => termsProblems(terms(extra)).map((p) => [p.path, p.code]);

describe('contract terms problems', () => {
  it('sound terms have none', () => {
    expect(termsProblems(terms({ validTo: '2026-12-31', prepaidMinutes: 600 }))).toEqual([]);
  });

  it('a malformed date is one problem among the others, each naming its field', () => {
    expect(problems({ validFrom: '2026-02-30', prepaidMinutes: -1 })).toEqual([['validFrom', 'invalid_date'], ['prepaidMinutes', 'out_of_range']]);
    expect(problems({ validTo: '31.12.2026', fee: { amountMinor: -1, vatRateBp: 2100, timing: 'in_arrears' } })).toEqual([['validTo', 'invalid_date'], ['fee.amountMinor', 'out_of_range']]);
    expect(problems({ validFrom: '', validTo: '2026-00-10', overage: { kind: 'tiered', bands: [] } })).toEqual([['validFrom', 'invalid_date'], ['validTo', 'invalid_date'], ['overage.bands', 'invalid_bands']]);
  });

  it('takes multipliers from × 0 (covered work uses no allowance) to × 100, and names each one out of that range', () => {
    expect(problems({ multipliers: { byWorkType: { '2': 0, '3': 100_000 }, byTimeClass: { normal: 0, weekend_holiday: 1500 } } })).toEqual([]);
    expect(problems({ multipliers: { byWorkType: { '2': -1000, '3': 100_001 }, byTimeClass: { normal: -1, out_of_hours: 1.5 } }, prepaidMinutes: -1 })).toEqual([
      ['prepaidMinutes', 'out_of_range'],
      ['multipliers.byWorkType.2', 'invalid_multiplier'],
      ['multipliers.byWorkType.3', 'invalid_multiplier'],
      ['multipliers.byTimeClass.normal', 'invalid_multiplier'],
      ['multipliers.byTimeClass.out_of_hours', 'invalid_multiplier'],
    ]);
  });

  it('compares the validity only between real dates', () => {
    expect(problems({ validFrom: '2026-05-01', validTo: '2026-04-30' })).toEqual([['validTo', 'before_valid_from']]);
    // "2026-1-5" sorts after "2026-01-01" as text, but is not a date: only the format is reported.
    expect(problems({ validFrom: '2026-12-01', validTo: '2026-1-5' })).toEqual([['validTo', 'invalid_date']]);
  });
});
