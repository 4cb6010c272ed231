// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { claimDrafts, findFormDraft, forgetAllDrafts, loadDraft, readFieldsOver, saveDraft, saveFormDraft, sessionDraftStorage } from './draftStorage';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

const readText = (stored: unknown) => (typeof stored === 'string' ? stored : null);

describe('draft storage', () => {
  it('keeps a draft as JSON under its key and forgets it on null', () => {
    const s = memory();
    saveDraft('a', 'text', s);
    expect(s.m.get('a')).toBe('"text"');
    expect(loadDraft('a', readText, s)).toBe('text');
    expect(loadDraft('b', readText, s)).toBeNull();
    saveDraft('a', null, s);
    expect(s.m.size).toBe(0);
  });

  it('gives null for a damaged or refused draft, and never throws', () => {
    const s = memory();
    s.setItem('a', '{broken');
    expect(loadDraft('a', readText, s)).toBeNull();
    s.setItem('a', '42');
    expect(loadDraft('a', readText, s)).toBeNull();
    // A reader that trips over what it finds is a draft not read, not an error on the page.
    s.setItem('a', 'null');
    expect(loadDraft('a', (stored) => (stored as { body: string }).body, s)).toBeNull();
    const broken = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => { throw new Error('SecurityError'); } };
    expect(loadDraft('a', readText, broken)).toBeNull();
    expect(() => saveDraft('a', 'text', broken)).not.toThrow();
    expect(() => saveDraft('a', null, broken)).not.toThrow();
  });

  it('works without storage (no window here)', () => {
    expect(sessionDraftStorage()).toBeNull();
    expect(loadDraft('a', readText)).toBeNull();
    expect(() => saveDraft('a', 'text')).not.toThrow();
  });
});

describe('whose drafts', () => {
  function listable() {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
      key: (i: number) => [...m.keys()][i] ?? null,
      get length() {
        return m.size;
      },
      m,
    };
  }

  it('forgets every Kontor draft on signing out, and nothing else', () => {
    const s = listable();
    saveDraft('kontor.ticket.1.reply', { body: 'a' }, s);
    saveDraft('kontor.ticket.2.record', { minutes: 5 }, s);
    s.setItem('other.app', 'kept');
    forgetAllDrafts(s);
    expect([...s.m.keys()]).toEqual(['other.app']);
  });

  it('keeps the drafts for the same user signing in again, forgets them for another', () => {
    const s = listable();
    claimDrafts(7, s);
    saveDraft('kontor.ticket.1.reply', { body: 'mine' }, s);
    claimDrafts(7, s);
    expect(s.m.has('kontor.ticket.1.reply')).toBe(true);
    claimDrafts(8, s);
    expect(s.m.has('kontor.ticket.1.reply')).toBe(false);
    expect(s.m.get('kontor.drafts.owner')).toBe('8');
  });

  it('never throws without storage', () => {
    expect(() => forgetAllDrafts(null)).not.toThrow();
    expect(() => claimDrafts(1, null)).not.toThrow();
  });
});

describe('form drafts', () => {
  const readForm = (stored: unknown) => readFieldsOver(stored, { subject: '', clientId: null as number | null, tags: [] as string[] }, { clientId: ['number', 'null'], tags: ['strings'] });

  it('restore the values typed on the same version, a new record\'s too', () => {
    const s = memory();
    saveFormDraft('kontor.contract.new', { subject: 'Printer', clientId: 3, tags: ['hw'] }, null, s);
    expect(findFormDraft('kontor.contract.new', readForm, null, s)).toEqual({ kind: 'restored', values: { subject: 'Printer', clientId: 3, tags: ['hw'] } });
    saveFormDraft('kontor.contract.7', { subject: 'Edited', clientId: 3, tags: [] }, 4, s);
    expect(findFormDraft('kontor.contract.7', readForm, 4, s)).toEqual({ kind: 'restored', values: { subject: 'Edited', clientId: 3, tags: [] } });
  });

  it('are stale, not restored, when the record has another version now', () => {
    const s = memory();
    saveFormDraft('kontor.contract.7', { subject: 'Edited on 4', clientId: 3, tags: [] }, 4, s);
    expect(findFormDraft('kontor.contract.7', readForm, 5, s)).toEqual({ kind: 'stale' });
    // A draft of a record that was new then is no draft of a saved one.
    expect(findFormDraft('kontor.contract.7', readForm, null, s)).toEqual({ kind: 'stale' });
  });

  it('are forgotten once saved or discarded', () => {
    const s = memory();
    saveFormDraft('kontor.ticket.new.1', { subject: 'Printer', clientId: null, tags: [] }, null, s);
    saveFormDraft('kontor.ticket.new.1', null, null, s);
    expect(findFormDraft('kontor.ticket.new.1', readForm, null, s)).toBeNull();
    expect(s.m.size).toBe(0);
  });

  it('read field by field: a field of the wrong kind keeps its default', () => {
    expect(readForm({ subject: 42, clientId: 'x', tags: ['a', 1], extra: true })).toEqual({ subject: '', clientId: null, tags: [] });
    expect(readForm({ subject: 'Kept', clientId: 9 })).toEqual({ subject: 'Kept', clientId: 9, tags: [] });
    expect(readForm('text')).toBeNull();
    expect(readForm([1])).toBeNull();
    const s = memory();
    s.setItem('k', JSON.stringify({ version: null, values: 'damaged' }));
    expect(findFormDraft('k', readForm, null, s)).toBeNull();
  });
});
