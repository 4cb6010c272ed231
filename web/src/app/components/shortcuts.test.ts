// @vitest-environment node
import { describe, expect, it } from 'vitest';
import cs from '../../i18n/cs.json';
import en from '../../i18n/en.json';
import sk from '../../i18n/sk.json';
import { boundShortcuts, chordsOf, defineShortcuts, GLOBAL_SHORTCUTS, helpSections, hintLabel, keyCaps, PAGE_SHORTCUTS, shortcutFor, type KeyPress } from './shortcuts';

/** A stand-in for the element the key was typed in: `inside` lists the selectors it matches. */
const target = (...inside: string[]) => ({ closest: (selector: string) => (selector.split(', ').some((s) => inside.includes(s)) ? {} : null) });
const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, defaultPrevented: false, target: target(), ...more });
const noop = () => {};

const LIST = defineShortcuts({
  id: 'list',
  title: 'x.list',
  shortcuts: [
    { action: 'next', keys: ['j'], label: 'x.next' },
    { action: 'open', keys: ['Enter'], label: 'x.open' },
    { action: 'create', keys: ['c', 'n'], label: 'x.create', short: 'x.short.create' },
    { action: 'send', keys: ['mod+Enter'], label: 'x.send' },
  ],
});

describe('a key press outside fields runs the action its registry names', () => {
  it('matches the character typed, any of the alternatives, only actions with a handler', () => {
    expect(shortcutFor(LIST, { next: noop, create: noop }, press('j'))).toBe('next');
    expect(shortcutFor(LIST, { create: noop }, press('n'))).toBe('create');
    expect(shortcutFor(LIST, { create: noop }, press('c'))).toBe('create');
    expect(shortcutFor(LIST, { create: noop }, press('j'))).toBeNull();
    expect(shortcutFor(LIST, { next: noop }, press('x'))).toBeNull();
    // "?" is Shift+/ (Shift+, on a Czech keyboard): Shift is part of the character.
    expect(shortcutFor(GLOBAL_SHORTCUTS, { help: noop }, press('?', { shiftKey: true }))).toBe('help');
  });

  it('leaves keys typed into fields, dialogs and menus, and chords with Ctrl, ⌘ or Alt, alone', () => {
    for (const inside of ['input', 'textarea', 'select', '[contenteditable="true"]', '[role="dialog"]', '[role="menu"]', '[role="listbox"]']) {
      expect(shortcutFor(GLOBAL_SHORTCUTS, { help: noop }, press('?', { target: target(inside) })), inside).toBeNull();
    }
    expect(shortcutFor(LIST, { next: noop }, press('j', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(LIST, { next: noop }, press('j', { metaKey: true }))).toBeNull();
    expect(shortcutFor(LIST, { next: noop }, press('j', { altKey: true }))).toBeNull();
    expect(shortcutFor(LIST, { next: noop }, press('j', { defaultPrevented: true }))).toBeNull();
  });

  it('leaves Enter to buttons and links, where it already means something; chords to their field', () => {
    expect(shortcutFor(LIST, { open: noop }, press('Enter'))).toBe('open');
    expect(shortcutFor(LIST, { open: noop }, press('Enter', { target: target('button') }))).toBeNull();
    expect(shortcutFor(LIST, { open: noop }, press('Enter', { target: target('a') }))).toBeNull();
    expect(shortcutFor(LIST, { open: noop }, press('Enter', { shiftKey: true }))).toBeNull();
    expect(shortcutFor(LIST, { next: noop }, press('j', { target: target('button') }))).toBe('next');
    expect(shortcutFor(LIST, { send: noop }, press('Enter'))).toBeNull();
    expect(chordsOf(LIST, { send: noop, next: noop })).toEqual([['mod+Enter', noop]]);
    expect(chordsOf(LIST, { next: noop })).toEqual([]);
  });
});

describe('the "?" help', () => {
  it('lists what is bound now, merged per page in the registry order, the global keys last', () => {
    const sections = helpSections([
      { group: GLOBAL_SHORTCUTS, actions: ['help'] },
      { group: LIST, actions: ['create'] },
      { group: LIST, actions: ['next', 'send'] },
      { group: PAGE_SHORTCUTS, actions: [] },
    ]);
    expect(sections.map((s) => [s.id, s.shortcuts.map((k) => k.action)])).toEqual([
      ['list', ['next', 'create', 'send']],
      ['global', ['help']],
    ]);
    expect(helpSections([])).toEqual([]);
  });

  it('draws each key as caps: letters in capitals, mod as Ctrl (⌘ on a Mac)', () => {
    expect(keyCaps('j', false)).toEqual(['J']);
    expect(keyCaps('/', false)).toEqual(['/']);
    expect(keyCaps('Enter', false)).toEqual(['Enter']);
    expect(keyCaps('mod+Enter', false)).toEqual(['Ctrl', 'Enter']);
    expect(keyCaps('mod+Enter', true)).toEqual(['⌘', 'Enter']);
  });

  it('gives a page\'s hint line the group\'s bound shortcuts only, merged, in the registry order, with the short labels', () => {
    const bound = boundShortcuts(LIST, [
      { group: LIST, actions: ['create'] },
      { group: GLOBAL_SHORTCUTS, actions: ['help'] },
      { group: PAGE_SHORTCUTS, actions: ['search'] },
      { group: LIST, actions: ['send', 'next'] },
    ]);
    expect(bound.map((s) => [s.action, s.keys, hintLabel(s)])).toEqual([
      ['next', ['j'], 'x.next'],
      ['create', ['c', 'n'], 'x.short.create'],
      ['send', ['mod+Enter'], 'x.send'],
    ]);
    expect(boundShortcuts(LIST, [{ group: GLOBAL_SHORTCUTS, actions: ['help'] }])).toEqual([]);
    expect(boundShortcuts(LIST, [])).toEqual([]);
  });

  it('has the texts of the shared registries in cs, sk and en', () => {
    const lookup = (tree: object, path: string) => path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    for (const group of [GLOBAL_SHORTCUTS, PAGE_SHORTCUTS]) {
      for (const [lang, tree] of Object.entries({ cs, sk, en })) {
        for (const path of [group.title, ...group.shortcuts.map((s) => s.label)]) expect(typeof lookup(tree, path), `${lang} ${path}`).toBe('string');
      }
    }
  });
});
