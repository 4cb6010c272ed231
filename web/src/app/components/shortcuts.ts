// Keyboard shortcuts as data (pure). Each page declares its keys once, in a registry:
// the key handlers dispatch through it and the "?" help lists from it, so the help can
// neither show a key that does nothing nor miss one that works.

/** One command: the handler's name, the key(s) that run it, the text of the help. */
export interface Shortcut<A extends string = string> {
  action: A;
  /**
   * Alternatives, each a produced character ("j", "/", "?"), "Enter", or a chord in
   * Mantine's notation ("mod+Enter", bound on the field it belongs to).
   */
  keys: readonly string[];
  /** i18n key of what it does. */
  label: string;
  /**
   * i18n key of a word or two for the one-line hint under a page (ShortcutKeysHint),
   * where the label would not fit; the label when absent.
   */
  short?: string;
}

/** The shortcuts of one page (or of every page, `global`), under one heading of the help. */
export interface ShortcutGroup<A extends string = string> {
  id: string;
  /** i18n key of the heading. */
  title: string;
  global?: boolean;
  shortcuts: readonly Shortcut<A>[];
}

/** Handlers by action; an action without one (no permission, nothing to act on) is off. */
export type ShortcutHandlers<A extends string> = Partial<Record<A, () => void>>;

export type ActionOf<G> = G extends ShortcutGroup<infer A> ? A : never;

export function defineShortcuts<const A extends string>(group: ShortcutGroup<A>): ShortcutGroup<A> {
  return group;
}

/** Keys typed here are text, or belong to a dialog or menu that has its own keys. */
const TYPING = 'input, textarea, select, [contenteditable="true"], [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';
/** Enter already means something on controls: it presses the button, follows the link. */
const ENTER_TAKEN = `${TYPING}, button, a, [role="button"]`;

export const isChord = (key: string): boolean => key.length > 1 && key.includes('+');

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
  target: { closest(selector: string): unknown } | null;
}

/**
 * The action a key press outside fields runs, or null. Matches the produced character,
 * so "/" and "?" work on Czech and Slovak keyboards too (Shift is part of the character
 * there); chords are left to the field that binds them.
 */
export function shortcutFor<A extends string>(group: ShortcutGroup<A>, handlers: ShortcutHandlers<A>, press: KeyPress): A | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.defaultPrevented) return null;
  if (press.key === 'Enter' && press.shiftKey) return null;
  const found = group.shortcuts.find((s) => handlers[s.action] && s.keys.some((k) => !isChord(k) && k === press.key));
  if (!found) return null;
  if (press.target?.closest(press.key === 'Enter' ? ENTER_TAKEN : TYPING)) return null;
  return found.action;
}

/** The chords of the given actions, in the form Mantine's getHotkeyHandler takes. */
export function chordsOf<A extends string>(group: ShortcutGroup<A>, handlers: ShortcutHandlers<A>): [string, () => void][] {
  return group.shortcuts.flatMap((s) => {
    const run = handlers[s.action];
    return run ? s.keys.filter(isChord).map((k): [string, () => void] => [k, run]) : [];
  });
}

/** The caps to draw for one key: "mod+Enter" is Ctrl + Enter (⌘ + Enter on a Mac), "j" is J. */
export function keyCaps(key: string, mac: boolean): string[] {
  if (!isChord(key)) return [key.length === 1 ? key.toUpperCase() : key];
  return key.split('+').map((part) => {
    if (part === 'mod') return mac ? '⌘' : 'Ctrl';
    if (part === 'ctrl') return 'Ctrl';
    if (part === 'shift') return 'Shift';
    if (part === 'alt') return mac ? '⌥' : 'Alt';
    return part.length === 1 ? part.toUpperCase() : part;
  });
}

/** What is bound now: a group and the actions that have a handler. */
export interface ShortcutRegistration {
  group: ShortcutGroup;
  actions: readonly string[];
}

export interface HelpSection {
  id: string;
  title: string;
  shortcuts: readonly Shortcut[];
}

/**
 * The help: one section per group with something bound (several components may bind
 * parts of one page's group), shortcuts in the registry's order, the page's before the
 * global ones.
 */
export function helpSections(registrations: readonly ShortcutRegistration[]): HelpSection[] {
  const groups = new Map<string, { group: ShortcutGroup; actions: Set<string> }>();
  for (const { group, actions } of registrations) {
    const entry = groups.get(group.id) ?? { group, actions: new Set<string>() };
    for (const a of actions) entry.actions.add(a);
    groups.set(group.id, entry);
  }
  const ordered = [...groups.values()].sort((a, b) => Number(!!a.group.global) - Number(!!b.group.global));
  return ordered
    .map(({ group, actions }) => ({ id: group.id, title: group.title, shortcuts: group.shortcuts.filter((s) => actions.has(s.action)) }))
    .filter((section) => section.shortcuts.length > 0);
}

/**
 * The shortcuts of one group bound now, in the registry's order: what the help lists
 * under the group's heading, and so what a hint line of that page may name.
 */
export function boundShortcuts(group: ShortcutGroup, registrations: readonly ShortcutRegistration[]): readonly Shortcut[] {
  return helpSections(registrations.filter((r) => r.group.id === group.id))[0]?.shortcuts ?? [];
}

/** The text a one-line hint gives a shortcut: its short label, else its label. */
export const hintLabel = (shortcut: Shortcut): string => shortcut.short ?? shortcut.label;

/** "?" on every page where there is a keyboard. */
export const GLOBAL_SHORTCUTS = defineShortcuts({
  id: 'global',
  title: 'shortcuts.groups.global',
  global: true,
  shortcuts: [{ action: 'help', keys: ['?'], label: 'shortcuts.help' }],
});

/** The keys the simple list and detail pages share (useKeyShortcuts). */
export const PAGE_SHORTCUTS = defineShortcuts({
  id: 'page',
  title: 'shortcuts.groups.page',
  shortcuts: [
    { action: 'search', keys: ['/'], label: 'shortcuts.search' },
    { action: 'create', keys: ['n'], label: 'shortcuts.create' },
    { action: 'edit', keys: ['e'], label: 'shortcuts.edit' },
  ],
});
