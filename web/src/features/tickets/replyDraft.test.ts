// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadReplyDraft, saveReplyDraft } from './replyDraft';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

describe('reply draft', () => {
  it('keeps the unsent text and its kind per ticket', () => {
    const s = memory();
    saveReplyDraft(1, { visibility: 'internal', body: 'Vyměněn toner' }, s);
    expect(loadReplyDraft(1, s)).toEqual({ visibility: 'internal', body: 'Vyměněn toner' });
    expect(loadReplyDraft(2, s)).toBeNull();
  });

  it('forgets the draft once the text is empty (sent or erased)', () => {
    const s = memory();
    saveReplyDraft(1, { visibility: 'public', body: 'Dobrý den' }, s);
    saveReplyDraft(1, { visibility: 'public', body: '  ' }, s);
    expect(loadReplyDraft(1, s)).toBeNull();
    expect(s.m.size).toBe(0);
  });

  it('ignores what it cannot read and works without storage', () => {
    const s = memory();
    s.setItem('kontor.ticket.1.reply', '{broken');
    expect(loadReplyDraft(1, s)).toBeNull();
    s.setItem('kontor.ticket.1.reply', JSON.stringify({ visibility: 'other', body: 'x' }));
    expect(loadReplyDraft(1, s)).toEqual({ visibility: 'public', body: 'x' });
    expect(loadReplyDraft(1, null)).toBeNull();
    expect(() => saveReplyDraft(1, { visibility: 'public', body: 'x' }, null)).not.toThrow();
  });
});
