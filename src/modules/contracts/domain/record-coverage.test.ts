import { describe, expect, it } from 'vitest';
import { coverageOf, prepaidInEffect, type CoveringContract } from './record-coverage.ts';
import type { ContractScope } from './terms.ts';

/** BILLING.md §3: which records a contract covers, and how; the billing run and a record's page both ask coverageOf. */
const REMOTE = '1';
const ON_SITE = '2';
const DEVELOPMENT = '3';
const scope: ContractScope = { workTypeIds: [REMOTE, ON_SITE], coversTravel: false, unitFeeIds: ['7'] };
const flatFee: CoveringContract = { terms: { validFrom: '2026-10-01', validTo: null, scope }, prepaidInEffect: false };
const prepaid: CoveringContract = { terms: { validFrom: '2026-09-01', validTo: '2026-12-31', scope }, prepaidInEffect: true };
const work = (workTypeId: string, date = '2026-10-05', billable = true) => ({ billable, date, what: { kind: 'work' as const, workTypeId } });

describe('how a record is expected to be billed', () => {
  it('bills work of a client without a contract as time and material', () => {
    expect(coverageOf(work(REMOTE), null)).toEqual({ kind: 'billable', underContract: false });
  });

  it('covers work within the scope of a flat fee (example B: remote and on-site at 0), bills the rest', () => {
    expect(coverageOf(work(REMOTE), flatFee)).toEqual({ kind: 'flat_fee', underContract: true });
    expect(coverageOf(work(ON_SITE), flatFee)).toEqual({ kind: 'flat_fee', underContract: true });
    expect(coverageOf(work(DEVELOPMENT), flatFee)).toEqual({ kind: 'billable', underContract: true });
    expect(coverageOf({ billable: true, date: '2026-10-05', what: { kind: 'travel' } }, flatFee)).toEqual({ kind: 'billable', underContract: true });
    expect(coverageOf({ billable: true, date: '2026-10-05', what: { kind: 'unit_fee', feeId: '7' } }, flatFee).kind).toBe('flat_fee');
    expect(coverageOf({ billable: true, date: '2026-10-05', what: { kind: 'unit_fee', feeId: '8' } }, flatFee).kind).toBe('billable');
  });

  it('never covers material', () => {
    expect(coverageOf({ billable: true, date: '2026-10-05', what: { kind: 'item' } }, flatFee)).toEqual({ kind: 'billable', underContract: true });
  });

  it('draws covered work on prepaid minutes (example C), while covered travel and fees of that contract are covered outright', () => {
    expect(coverageOf(work(ON_SITE), prepaid)).toEqual({ kind: 'prepaid', underContract: true });
    expect(coverageOf(work(DEVELOPMENT), prepaid).kind).toBe('billable');
    const withTravel: CoveringContract = { ...prepaid, terms: { ...prepaid.terms, scope: { ...scope, coversTravel: true } } };
    expect(coverageOf({ billable: true, date: '2026-10-05', what: { kind: 'travel' } }, withTravel).kind).toBe('flat_fee');
  });

  it('bills a record dated outside the validity as time and material, not under the contract', () => {
    expect(coverageOf(work(REMOTE, '2026-09-30'), flatFee)).toEqual({ kind: 'billable', underContract: false });
    expect(coverageOf(work(REMOTE, '2027-01-01'), prepaid)).toEqual({ kind: 'billable', underContract: false });
  });

  it('puts non-billable records at 0 whatever the contract, still under it when dated within', () => {
    expect(coverageOf(work(DEVELOPMENT, '2026-10-05', false), flatFee)).toEqual({ kind: 'not_billable', underContract: true });
    expect(coverageOf(work(REMOTE, '2026-10-05', false), prepaid)).toEqual({ kind: 'not_billable', underContract: true });
    expect(coverageOf(work(REMOTE, '2026-10-05', false), null)).toEqual({ kind: 'not_billable', underContract: false });
  });

  it('draws on prepaid minutes only while the contract has some and is valid in the period', () => {
    expect(prepaidInEffect({ prepaidMinutes: 600, validTo: null }, '2026-10')).toBe(true);
    expect(prepaidInEffect({ prepaidMinutes: 0, validTo: null }, '2026-10')).toBe(false); // a pure flat fee
    expect(prepaidInEffect({ prepaidMinutes: 600, validTo: '2026-10-01' }, '2026-10')).toBe(true);
    expect(prepaidInEffect({ prepaidMinutes: 600, validTo: '2026-09-30' }, '2026-10')).toBe(false);
    expect(prepaidInEffect({ prepaidMinutes: 600, validTo: '2026-11-15' }, '2026-Q4')).toBe(true);
  });
});
