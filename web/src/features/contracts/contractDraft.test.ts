// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findFormDraft, saveFormDraft } from '../../app/draftStorage';
import { contractDraftKey, isUntouchedContract, readContractDraft } from './contractDraft';
import { emptyContractForm } from './contractForm';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

const typed = { ...emptyContractForm('2026-11-01'), clientId: '1', number: 'S-9', name: 'Support', fee: 5000, workTypeIds: ['2'], workTypeMultipliers: [{ workTypeId: '2', factor: 1.5 }], overageKind: 'tiered' as const, bands: [{ minutes: 300, rate: 900 }, { minutes: '' as const, rate: 1200 }] };

describe('the contract draft', () => {
  it('is one per contract, and one for a new contract', () => {
    expect(contractDraftKey(null)).toBe('kontor.contract.new');
    expect(contractDraftKey(12)).toBe('kontor.contract.12');
  });

  it('restores a new contract\'s form as typed', () => {
    const s = memory();
    saveFormDraft(contractDraftKey(null), typed, null, s);
    expect(findFormDraft(contractDraftKey(null), readContractDraft, null, s)).toEqual({ kind: 'restored', values: typed });
  });

  it('restores an edit only on the version it was typed on', () => {
    const s = memory();
    saveFormDraft(contractDraftKey(12), typed, 3, s);
    expect(findFormDraft(contractDraftKey(12), readContractDraft, 3, s)).toEqual({ kind: 'restored', values: typed });
    expect(findFormDraft(contractDraftKey(12), readContractDraft, 4, s)).toEqual({ kind: 'stale' });
  });

  it('is forgotten once saved', () => {
    const s = memory();
    saveFormDraft(contractDraftKey(12), typed, 3, s);
    saveFormDraft(contractDraftKey(12), null, 3, s);
    expect(findFormDraft(contractDraftKey(12), readContractDraft, 3, s)).toBeNull();
  });

  it('is nothing while the form holds what it opened with, whatever order its fields were set in', () => {
    const opened = emptyContractForm('2026-11-01');
    const { note, ...rest } = opened;
    expect(isUntouchedContract({ ...rest, note } as typeof opened, opened)).toBe(true);
    expect(isUntouchedContract({ ...opened, name: 'Support' }, opened)).toBe(false);
    expect(isUntouchedContract({ ...opened, bands: [{ minutes: 600, rate: 1 }, { minutes: '', rate: '' }] }, opened)).toBe(false);
  });

  it('reads a damaged draft field by field', () => {
    const read = readContractDraft({ ...typed, periodKind: 'week', fee: { a: 1 }, workTypeMultipliers: [{ workTypeId: 2, factor: 1 }, { workTypeId: '3', factor: 2 }], bands: 'x', timeClassMultipliers: { normal: 'x', weekend_holiday: 2 } });
    expect(read).toMatchObject({
      periodKind: 'month', fee: '', name: 'Support',
      workTypeMultipliers: [{ workTypeId: '3', factor: 2 }],
      bands: emptyContractForm('').bands,
      timeClassMultipliers: { normal: '', out_of_hours: '', weekend_holiday: 2 },
    });
    expect(readContractDraft(null)).toBeNull();
  });
});
