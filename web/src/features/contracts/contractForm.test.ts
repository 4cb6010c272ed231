// @vitest-environment node
import { describe, expect, it } from 'vitest';
import commonCs from '../../i18n/cs.json';
import commonEn from '../../i18n/en.json';
import commonSk from '../../i18n/sk.json';
import type { Contract } from './api';
import contractsCs from './i18n/cs.json';
import contractsEn from './i18n/en.json';
import contractsSk from './i18n/sk.json';
import { contractFormProblems, contractFormWarnings, emptyContractForm, formOfContract, formPathOf, missingContractFields, termsOfForm, type ContractFormValues } from './contractForm';

/** The text at a dotted key of a texts file, if there is one. */
const textAt = (tree: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);

const contract: Contract = {
  id: 7, clientId: 3, clientName: 'ACME', number: 'SML-1', name: 'Podpora', currency: 'CZK', validFrom: '2026-01-01', validTo: null,
  periodKind: 'month', priceListId: 2, priceListName: 'VIP', fee: { amountMinor: 10_000_00, vatRateBp: 2100, timing: 'in_advance', prorate: false },
  scope: { workTypeIds: [1, 2], coversTravel: true, unitFeeIds: [4] }, prepaidMinutes: 600,
  carryOver: { enabled: true, capMinutes: 300, lifePeriods: 2 },
  multipliers: { byWorkType: { '2': 1500 }, byTimeClass: { weekend_holiday: 2000 } },
  overage: { kind: 'tiered', bands: [{ minutes: 600, ratePerHourMinor: 700_00 }, { minutes: null, ratePerHourMinor: 900_50 }] },
  ownInvoice: true, alertClient: true, slaPolicyId: 5, slaPolicyName: 'Gold', note: 'x', active: true, version: 3, createdAt: '', updatedAt: '', termsChangedAt: '',
};

describe('contract form model', () => {
  it('turns a contract into form values and back without losing a term', () => {
    const { id: _i, clientName: _c, priceListName: _p, slaPolicyName: _s, version: _v, createdAt: _a, updatedAt: _u, termsChangedAt: _t, ...terms } = contract;
    expect(termsOfForm(formOfContract(contract))).toEqual(terms);
  });

  it('sends a new contract with the chosen overage and no fee when switched off', () => {
    const v = { ...emptyContractForm('2026-11-02'), clientId: '3', number: ' SML-2 ', name: 'N', hasFee: false, overageKind: 'flat_rate' as const, flatRate: 850.5 as const };
    expect(termsOfForm(v)).toMatchObject({ number: 'SML-2', fee: null, overage: { kind: 'flat_rate', ratePerHourMinor: 850_50 }, carryOver: { enabled: false }, multipliers: { byWorkType: {}, byTimeClass: {} } });
  });

  it('asks for what an empty field would turn into client 0 or a price of 0, and takes a 0 typed on purpose', () => {
    const empty = emptyContractForm('2026-11-02');
    expect(missingContractFields(empty)).toEqual(['clientId', 'number', 'name', 'fee']);
    const tiered = { ...empty, clientId: '3', number: 'S', name: 'N', fee: 0 as const, overageKind: 'tiered' as const, bands: [{ minutes: 120 as const, rate: 900 as const }, { minutes: '' as const, rate: '' as const }] };
    expect(missingContractFields(tiered)).toEqual(['bands.1.rate']);
    expect(missingContractFields({ ...tiered, overageKind: 'flat_rate' })).toEqual(['flatRate']);
    expect(missingContractFields({ ...tiered, overageKind: 'flat_rate', flatRate: 0 })).toEqual([]);
    expect(missingContractFields({ ...tiered, hasFee: false, fee: '', overageKind: 'entry_rate' })).toEqual([]);
    expect(missingContractFields(formOfContract(contract))).toEqual([]);
  });

  it('takes only a currency Kontor supports, as the server does: a made-up or cut code is marked at its field', () => {
    for (const currency of ['CZK', 'EUR', 'eur', 'HUF']) expect(contractFormProblems({ ...formOfContract(contract), currency }), currency).toEqual({});
    for (const currency of ['XYZ', 'KOR', 'JPY']) {
      expect(contractFormProblems({ ...formOfContract(contract), currency }).currency, currency).toEqual({ key: 'contracts.problems.currency' });
    }
  });

  it('marks every problem the browser can see at once, each on its field, with the text the server uses for the same rule', () => {
    expect(contractFormProblems(formOfContract(contract))).toEqual({});
    const bad: ContractFormValues = {
      ...formOfContract(contract),
      number: 'X'.repeat(51), name: 'Z'.repeat(300), currency: 'CZ', validFrom: '2026-12-01', validTo: '2026-11-30',
      fee: -5000, feeVatPct: 121, prepaidMinutes: -600, carryCap: -1, carryLife: 0,
      timeClassMultipliers: { normal: -1, out_of_hours: 101, weekend_holiday: '-' as unknown as number },
      workTypeMultipliers: [{ workTypeId: '2', factor: 1.5 }, { workTypeId: '2', factor: -0.5 }, { workTypeId: '', factor: 2 }],
      bands: [{ minutes: '', rate: -1 }, { minutes: 0, rate: 700 }, { minutes: 60, rate: 900 }],
    };
    const problems = contractFormProblems(bad);
    expect(Object.fromEntries(Object.entries(problems).map(([path, p]) => [path, p.key]))).toEqual({
      number: 'contracts.problems.tooLong',
      name: 'contracts.problems.tooLong',
      currency: 'contracts.problems.currency',
      validTo: 'fieldErrors.validTo.before_valid_from',
      fee: 'fieldErrors.amountMinor.out_of_range',
      feeVatPct: 'contracts.problems.vatPct',
      prepaidMinutes: 'fieldErrors.prepaidMinutes.out_of_range',
      carryCap: 'fieldErrors.capMinutes.out_of_range',
      carryLife: 'fieldErrors.lifePeriods.out_of_range',
      'timeClassMultipliers.normal': 'errors.invalid_multiplier',
      'timeClassMultipliers.out_of_hours': 'errors.invalid_multiplier',
      'timeClassMultipliers.weekend_holiday': 'contracts.problems.notANumber',
      'workTypeMultipliers.1.workTypeId': 'contracts.problems.duplicateMultiplier',
      'workTypeMultipliers.1.factor': 'errors.invalid_multiplier',
      'workTypeMultipliers.2.workTypeId': 'errors.required',
      'bands.0.rate': 'fieldErrors.ratePerHourMinor.out_of_range',
      'bands.0.minutes': 'contracts.problems.bandSize',
      'bands.1.minutes': 'contracts.problems.bandSize',
      'bands.2.minutes': 'contracts.problems.lastBandOpen',
    });
    expect(problems.name).toEqual({ key: 'contracts.problems.tooLong', values: { max: 200 } });
    // Every text named exists in every language (the contracts' own texts or the common ones).
    for (const lang of [[contractsCs, commonCs], [contractsSk, commonSk], [contractsEn, commonEn]] as const) {
      for (const { key } of Object.values(problems)) expect(textAt(lang[0], key) ?? textAt(lang[1], key), key).toEqual(expect.any(String));
    }
    // A field left empty is asked for first; switched-off parts are not checked.
    expect(contractFormProblems({ ...bad, number: '  ' }).number).toEqual({ key: 'errors.required' });
    expect(Object.keys(contractFormProblems({ ...formOfContract(contract), hasFee: false, fee: -1, carryOver: false, carryLife: 0, overageKind: 'entry_rate', bands: [{ minutes: '', rate: -1 }] }))).toEqual([]);
    expect(contractFormProblems({ ...formOfContract(contract), carryLife: '' }).carryLife).toEqual({ key: 'fieldErrors.lifePeriods.out_of_range' });
  });

  it('text a number field refused is never read as a number: a third decimal of money is refused, not rounded when sent', () => {
    // NumberField hands over the text as typed when it is no number it takes (see numberFieldText).
    const typed = (text: string) => text as unknown as number;
    const problems = contractFormProblems({ ...formOfContract(contract), fee: typed('5000,505'), feeVatPct: typed('21,5,5'), prepaidMinutes: typed('600,5') });
    expect(problems.fee).toEqual({ key: 'contracts.problems.notANumber' });
    expect(problems.feeVatPct).toEqual({ key: 'contracts.problems.notANumber' });
    expect(problems.prepaidMinutes).toEqual({ key: 'contracts.problems.notANumber' });
  });

  it('takes × 0 and × 100 as multipliers, and warns about × 0 and about prepaid minutes nothing can use', () => {
    const zero = { ...formOfContract(contract), timeClassMultipliers: { normal: 0, out_of_hours: 100, weekend_holiday: '' as const }, workTypeMultipliers: [{ workTypeId: '2', factor: 0 }] };
    expect(contractFormProblems(zero)).toEqual({});
    expect(contractFormWarnings(zero)).toEqual({ prepaidWithoutScope: false, zeroTimeClasses: ['normal'], zeroWorkTypeIds: ['2'] });
    expect(contractFormWarnings({ ...zero, workTypeIds: [], coversTravel: true }).prepaidWithoutScope).toBe(true);
    expect(contractFormWarnings({ ...zero, workTypeIds: [], prepaidMinutes: 0 }).prepaidWithoutScope).toBe(false);
    expect(contractFormWarnings(formOfContract(contract))).toEqual({ prepaidWithoutScope: false, zeroTimeClasses: [], zeroWorkTypeIds: [] });
  });

  it('puts server field errors on the form fields', () => {
    expect(formPathOf('fee.amountMinor')).toBe('fee');
    expect(formPathOf('scope.workTypeIds.0')).toBe('workTypeIds');
    expect(formPathOf('overage.bands')).toBe('bands');
    expect(formPathOf('multipliers.byTimeClass.normal')).toBe('timeClassMultipliers.normal');
    expect(formPathOf('validTo')).toBe('validTo');
  });
});

describe('contract periods on the page', () => {
  it('finds and moves periods of every kind', async () => {
    const { addPeriods, periodOfDate, laterPeriod } = await import('./format');
    expect(periodOfDate('2026-11-02', 'month')).toBe('2026-11');
    expect(periodOfDate('2026-11-02', 'quarter')).toBe('2026-Q4');
    expect(periodOfDate('2026-11-02', 'year')).toBe('2026');
    expect(addPeriods('2026-11', -11)).toBe('2025-12');
    expect(addPeriods('2026-Q1', -1)).toBe('2025-Q4');
    expect(addPeriods('2026', -2)).toBe('2024');
    expect(laterPeriod('2026-01', '2025-12')).toBe('2026-01');
  });

  it('reports profitability up to a year back from the contract start, and for a contract not started yet, the day it starts', async () => {
    const { profitabilityRange } = await import('./format');
    expect(profitabilityRange('2024-03-15', 'month', '2026-11', '2026-11-28')).toEqual({ from: '2025-12', to: '2026-11' });
    expect(profitabilityRange('2026-06-01', 'month', '2026-11', '2026-11-28')).toEqual({ from: '2026-06', to: '2026-11' });
    expect(profitabilityRange('2026-11-02', 'quarter', '2026-Q4', '2026-11-28')).toEqual({ from: '2026-Q4', to: '2026-Q4' });
    // Starting next month (the page showed "December 2026 – November 2026" and loaded for ever), or later this month.
    expect(profitabilityRange('2026-12-01', 'month', '2026-11', '2026-11-28')).toEqual({ startsOn: '2026-12-01' });
    expect(profitabilityRange('2026-11-30', 'month', '2026-11', '2026-11-28')).toEqual({ startsOn: '2026-11-30' });
    expect(profitabilityRange('2027-01-01', 'year', '2026', '2026-11-28')).toEqual({ startsOn: '2027-01-01' });
  });

  it('knows a contract not started yet by its first day, for the prepaid minutes card as for profitability', async () => {
    const { startsLaterOn } = await import('./format');
    // Next year: the card said "no prepaid minutes in November 2026" instead of when the contract starts.
    expect(startsLaterOn('2027-01-01', 'month', '2026-11', '2026-11-28')).toBe('2027-01-01');
    // Later this period, and a current period (the server's) before the contract's first one.
    expect(startsLaterOn('2026-11-30', 'month', '2026-11', '2026-11-28')).toBe('2026-11-30');
    expect(startsLaterOn('2026-12-01', 'month', '2026-11', '2026-12-01')).toBe('2026-12-01');
    // Started today or before: figures, not a start date.
    expect(startsLaterOn('2026-11-28', 'month', '2026-11', '2026-11-28')).toBeNull();
    expect(startsLaterOn('2024-03-15', 'quarter', '2026-Q4', '2026-11-28')).toBeNull();
  });
});
