// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { claimDrafts, forgetAllDrafts, loadDraft, saveDraft, sessionDraftStorage } from './draftStorage';

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
