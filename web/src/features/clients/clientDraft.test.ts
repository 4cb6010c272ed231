// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findFormDraft, saveFormDraft } from '../../app/draftStorage';
import { clientDraftKey, isUntouchedClient, readClientDraft } from './clientDraft';
import { emptyClientValues } from './clientFormModel';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

const typed = { ...emptyClientValues('cs'), name: 'Pekárna Novák', phone: '+420 601 000 000', registeredAddress: { street: 'Hlavní 1', city: 'Brno', postalCode: '602 00', country: 'CZ' } };

describe('the client draft', () => {
  it('restores a new client as typed, and an edit only on its version', () => {
    const s = memory();
    saveFormDraft(clientDraftKey(null), typed, null, s);
    expect(findFormDraft(clientDraftKey(null), readClientDraft, null, s)).toEqual({ kind: 'restored', values: typed });
    saveFormDraft(clientDraftKey(4), typed, 2, s);
    expect(findFormDraft(clientDraftKey(4), readClientDraft, 2, s)).toEqual({ kind: 'restored', values: typed });
    expect(findFormDraft(clientDraftKey(4), readClientDraft, 3, s)).toEqual({ kind: 'stale' });
  });

  it('is nothing while the form holds what it opened with', () => {
    const opened = emptyClientValues('sk');
    expect(isUntouchedClient({ ...opened }, opened)).toBe(true);
    expect(isUntouchedClient({ ...opened, name: 'Pekáreň' }, opened)).toBe(false);
  });

  it('reads a damaged draft field by field', () => {
    expect(readClientDraft({ ...typed, language: 'de', paymentTermsDays: '30', billingAddress: 'x', registeredAddress: { street: 5, city: 'Brno' } })).toMatchObject({
      name: 'Pekárna Novák', language: 'cs', paymentTermsDays: '30', billingAddress: emptyClientValues('cs').billingAddress, registeredAddress: { street: '', city: 'Brno', country: 'CZ' },
    });
  });
});
