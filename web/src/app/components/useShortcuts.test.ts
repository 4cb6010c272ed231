// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { GLOBAL_SHORTCUTS, PAGE_SHORTCUTS } from './shortcuts';
import { createShortcutBoard } from './useShortcuts';

describe('the board of what is bound on the screen', () => {
  it('tells its listeners of every key put on and taken off, and keeps the same list in between', () => {
    const board = createShortcutBoard();
    let changes = 0;
    const stop = board.subscribe(() => changes++);
    const empty = board.current();
    expect(board.current()).toBe(empty);

    const page = { group: PAGE_SHORTCUTS, actions: ['search'] };
    const takeOff = board.add(page);
    board.add({ group: GLOBAL_SHORTCUTS, actions: ['help'] });
    expect(changes).toBe(2);
    const both = board.current();
    expect(both.map((r) => r.group.id)).toEqual(['page', 'global']);
    // A snapshot for useSyncExternalStore: the same array while nothing changes.
    expect(board.current()).toBe(both);

    takeOff();
    expect(changes).toBe(3);
    expect(board.current().map((r) => r.group.id)).toEqual(['global']);
    expect(both).toHaveLength(2);

    stop();
    board.add(page);
    expect(changes).toBe(3);
  });
});
