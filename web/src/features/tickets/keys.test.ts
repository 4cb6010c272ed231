// @vitest-environment node
// Every key the ticket pages bind is in the "?" help, in all three languages: the pages
// bind through these registries (usePageShortcuts / useFieldShortcuts), so a key that
// dispatches is a registry entry, and an entry with a handler is listed.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import baseCs from '../../i18n/cs.json';
import baseEn from '../../i18n/en.json';
import baseSk from '../../i18n/sk.json';
import { boundShortcuts, chordsOf, helpSections, hintLabel, isChord, shortcutFor, type ShortcutGroup, type ShortcutHandlers } from '../../app/components/shortcuts';
import { createShortcutBoard } from '../../app/components/useShortcuts';
import cs from './i18n/cs.json';
import en from './i18n/en.json';
import sk from './i18n/sk.json';
import { TICKET_CREATE_SHORTCUTS, TICKET_DETAIL_SHORTCUTS, TICKET_DIALOG_SHORTCUTS, TICKET_LIST_SHORTCUTS } from './keys';

const GROUPS: ShortcutGroup[] = [TICKET_LIST_SHORTCUTS, TICKET_DETAIL_SHORTCUTS, TICKET_DIALOG_SHORTCUTS, TICKET_CREATE_SHORTCUTS];
const TEXTS = { cs: [baseCs, cs], sk: [baseSk, sk], en: [baseEn, en] };
const lookup = (trees: object[], path: string) =>
  trees.map((tree) => path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)).find((v) => v !== undefined);

describe('the ticket pages\' shortcuts', () => {
  it.each(GROUPS.map((g) => [g.id, g] as const))('%s: every key runs its action and is listed in the help', (_, group) => {
    const ran: string[] = [];
    const handlers: ShortcutHandlers<string> = Object.fromEntries(group.shortcuts.map((s) => [s.action, () => ran.push(s.action)]));
    const listed = helpSections([{ group, actions: group.shortcuts.map((s) => s.action) }])[0]!.shortcuts;
    for (const shortcut of group.shortcuts) {
      for (const key of shortcut.keys) {
        if (isChord(key)) expect(chordsOf(group, handlers).some(([k]) => k === key), key).toBe(true);
        else expect(shortcutFor(group, handlers, { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, defaultPrevented: false, target: null }), key).toBe(shortcut.action);
      }
      expect(listed).toContain(shortcut);
    }
  });

  it('binds each key once per page (two actions on one key would run only the first)', () => {
    for (const group of GROUPS) {
      const keys = group.shortcuts.flatMap((s) => s.keys);
      expect(new Set(keys).size, group.id).toBe(keys.length);
    }
  });

  it('has the ticket screens bind their keys only through the registry (no key of their own, which the help would miss)', () => {
    const folder = new URL('.', import.meta.url);
    const screens = readdirSync(folder).filter((name) => name.endsWith('.tsx'));
    expect(screens).toEqual(expect.arrayContaining(['EditTicketModal.tsx', 'PriorityModal.tsx', 'TransitionModal.tsx', 'TicketCreatePage.tsx']));
    for (const name of screens) {
      const source = readFileSync(new URL(name, folder), 'utf8');
      expect(source, name).not.toMatch(/getHotkeyHandler|useHotkeys|['"]mod\+/);
    }
  });

  it.each(Object.entries(TEXTS))('names every page and shortcut in %s', (lang, trees) => {
    for (const group of GROUPS) {
      for (const path of [group.title, ...group.shortcuts.flatMap((s) => [s.label, s.short ?? s.label])]) expect(typeof lookup(trees, path), `${lang} ${path}`).toBe('string');
    }
  });
});

describe('the line under the ticket list', () => {
  const LIST_ACTIONS = TICKET_LIST_SHORTCUTS.shortcuts.map((s) => s.action);
  /** The hint as the list shows it: what TicketsListPage and SavedViewsMenu put on the board. */
  const hintOf = (pageActions: readonly string[], menuActions: readonly string[] = ['views']) => {
    const board = createShortcutBoard();
    board.add({ group: TICKET_LIST_SHORTCUTS, actions: pageActions });
    board.add({ group: TICKET_LIST_SHORTCUTS, actions: menuActions });
    return boundShortcuts(TICKET_LIST_SHORTCUTS, board.current());
  };

  it('lists exactly the registry\'s actions, each with its keys, when the list binds them all', () => {
    const hint = hintOf(LIST_ACTIONS.filter((a) => a !== 'views'));
    expect(hint.map((s) => s.action)).toEqual(LIST_ACTIONS);
    expect(hint.map((s) => s.keys)).toEqual(TICKET_LIST_SHORTCUTS.shortcuts.map((s) => s.keys));
  });

  it('names no key the list does not bind (no write permission, nothing to move through)', () => {
    expect(hintOf(['search']).map((s) => s.action)).toEqual(['search', 'views']);
    expect(hintOf(['next', 'previous', 'open', 'search']).map((s) => s.action)).not.toContain('create');
  });

  it.each(Object.entries(TEXTS))('has a short text for every key of the list in %s, and no fixed hint any more', (lang, trees) => {
    for (const shortcut of TICKET_LIST_SHORTCUTS.shortcuts) {
      expect(shortcut.short, shortcut.action).toBeDefined();
      const text = lookup(trees, hintLabel(shortcut));
      expect(typeof text, `${lang} ${shortcut.action}`).toBe('string');
      // A word or two: the six of them share one line.
      expect((text as string).length, `${lang} ${shortcut.action}: ${String(text)}`).toBeLessThanOrEqual(14);
    }
    expect(lookup(trees, 'tickets.keyboardHint'), lang).toBeUndefined();
  });
});
