// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Contract } from './api';
import { emptyContractForm, formOfContract, formPathOf, missingContractFields, termsOfForm } from './contractForm';

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
});
