// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cursorIndex, REMEMBERED_LISTS, rememberedListCursor, rememberListCursor } from './listCursor';

const storage = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
};

describe('the ticket list\'s cursor after a visit to a ticket', () => {
  it('comes back on the ticket last opened from the same list, not from another one', () => {
    const s = storage();
    expect(rememberedListCursor('clientId=1', s)).toBeNull();
    rememberListCursor('clientId=1', 8, s);
    rememberListCursor('view=mine', 3, s);
    expect(rememberedListCursor('clientId=1', s)).toBe(8);
    expect(rememberedListCursor('view=mine', s)).toBe(3);
    expect(rememberedListCursor('clientId=1&sort=priority', s)).toBeNull();
    // The next ticket opened from the list replaces the one before.
    rememberListCursor('clientId=1', 9, s);
    expect(rememberedListCursor('clientId=1', s)).toBe(9);
  });

  it('keeps a few lists, the latest, and reads nothing from a damaged store', () => {
    const s = storage();
    for (let i = 0; i <= REMEMBERED_LISTS; i++) rememberListCursor(`q=${i}`, i + 1, s);
    expect(rememberedListCursor('q=0', s)).toBeNull();
    expect(rememberedListCursor(`q=${REMEMBERED_LISTS}`, s)).toBe(REMEMBERED_LISTS + 1);
    const [key] = [...s.map.keys()] as [string];
    s.map.set(key, '{"not":"a list"');
    expect(rememberedListCursor('q=1', s)).toBeNull();
    s.map.set(key, JSON.stringify([['q=1', 'x'], ['q=2', 5]]));
    expect(rememberedListCursor('q=1', s)).toBeNull();
    expect(rememberedListCursor('q=2', s)).toBe(5);
    // No storage (blocked by the browser): nothing remembered, nothing thrown.
    rememberListCursor('q=1', 1, null);
    expect(rememberedListCursor('q=1', null)).toBeNull();
  });

  it('puts the cursor on the remembered ticket\'s row, or on none when it left the list', () => {
    const items = [{ id: 5 }, { id: 8 }, { id: 9 }];
    expect(cursorIndex(items, 8)).toBe(1);
    expect(cursorIndex(items, 4)).toBe(-1);
    expect(cursorIndex(items, null)).toBe(-1);
  });
});
