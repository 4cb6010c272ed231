import { describe, expect, it } from 'vitest';
import { chooseContractForTicket, type ContractCandidate } from './choose-contract.ts';

const c = (id: number, validFrom: string, validTo: string | null, ownInvoice = false, active = true): ContractCandidate => ({ id, validFrom, validTo, ownInvoice, active });

describe('chooseContractForTicket', () => {
  it('takes only active contracts valid on the date', () => {
    const list = [c(1, '2026-01-01', '2026-06-30'), c(2, '2026-12-01', null), c(3, '2026-01-01', null, false, false)];
    expect(chooseContractForTicket(list, '2026-11-02')).toBeNull();
    expect(chooseContractForTicket(list, '2026-06-30')?.id).toBe(1);
    expect(chooseContractForTicket(list, '2026-12-01')?.id).toBe(2);
  });

  it('prefers a contract without an invoice of its own, then the most recently started, then the newest', () => {
    expect(chooseContractForTicket([c(1, '2026-10-01', null, true), c(2, '2026-01-01', null)], '2026-11-02')?.id).toBe(2);
    expect(chooseContractForTicket([c(1, '2026-01-01', null), c(2, '2026-10-01', null)], '2026-11-02')?.id).toBe(2);
    expect(chooseContractForTicket([c(5, '2026-01-01', null), c(7, '2026-01-01', null)], '2026-11-02')?.id).toBe(7);
    expect(chooseContractForTicket([c(1, '2026-10-01', null, true), c(2, '2026-01-01', null, true)], '2026-11-02')?.id).toBe(1);
  });
});
