import { getHotkeyHandler } from '@mantine/hooks';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { boundShortcuts, chordsOf, shortcutFor, type Shortcut, type ShortcutGroup, type ShortcutHandlers, type ShortcutRegistration } from './shortcuts';

/** What is bound on the screen now, for the "?" help and the pages' hint lines (ShortcutHelp.tsx provides it). */
export interface ShortcutBoard {
  add(registration: ShortcutRegistration): () => void;
  /** The registrations; the same array until one is added or removed (a store snapshot). */
  current(): readonly ShortcutRegistration[];
  /** Calls the listener after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export const ShortcutBoardContext = createContext<ShortcutBoard | null>(null);

/**
 * A board that keeps the registrations in a list: the help reads it when it opens, a
 * hint line follows it (keys come and go with permissions and with what is on screen).
 */
export function createShortcutBoard(): ShortcutBoard {
  let list: readonly ShortcutRegistration[] = [];
  const listeners = new Set<() => void>();
  const change = (next: readonly ShortcutRegistration[]) => {
    list = next;
    listeners.forEach((listener) => listener());
  };
  return {
    add(registration) {
      change([...list, registration]);
      return () => change(list.filter((r) => r !== registration));
    },
    current: () => list,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const NOTHING_BOUND: readonly ShortcutRegistration[] = [];
const noChanges = () => () => {};

/** The shortcuts of a group bound on the screen now, in the registry's order; none outside a board. */
export function useBoundShortcuts(group: ShortcutGroup): readonly Shortcut[] {
  const board = useContext(ShortcutBoardContext);
  const registrations = useSyncExternalStore(board?.subscribe ?? noChanges, board?.current ?? (() => NOTHING_BOUND));
  return useMemo(() => boundShortcuts(group, registrations), [group, registrations]);
}

/** Puts the given actions of a group on the board while the component is mounted. */
function useRegistration(group: ShortcutGroup, actions: readonly string[]): void {
  const board = useContext(ShortcutBoardContext);
  const listed = actions.join(' ');
  useEffect(() => {
    if (!board || !listed) return;
    return board.add({ group, actions: listed.split(' ') });
  }, [board, group, listed]);
}

/** The actions of a group that have a handler, in the registry's order. */
const actionsWithHandlers = <A extends string>(group: ShortcutGroup<A>, handlers: ShortcutHandlers<A>): A[] =>
  group.shortcuts.filter((s) => handlers[s.action]).map((s) => s.action);

/**
 * Binds a page's single keys (outside fields and dialogs) to the handlers given, and
 * lists them in the help. Handlers may change on every render.
 */
export function usePageShortcuts<A extends string>(group: ShortcutGroup<A>, handlers: ShortcutHandlers<NoInfer<A>>): void {
  useRegistration(group, actionsWithHandlers(group, handlers));
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const action = shortcutFor(group, current.current, { key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, shiftKey: event.shiftKey, defaultPrevented: event.defaultPrevented, target });
      const run = action ? current.current[action] : undefined;
      if (!run) return;
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [group]);
}

/**
 * The chords of a field or form (Ctrl+Enter sends): returns its onKeyDown and lists
 * the chords in the help while the field is there.
 */
export function useFieldShortcuts<A extends string>(group: ShortcutGroup<A>, handlers: ShortcutHandlers<NoInfer<A>>): (event: ReactKeyboardEvent<HTMLElement>) => void {
  useRegistration(group, actionsWithHandlers(group, handlers));
  const current = useRef(handlers);
  current.current = handlers;
  // The chords are fixed by the registry; the handler called is the latest one.
  return useCallback((event: ReactKeyboardEvent<HTMLElement>) => getHotkeyHandler(chordsOf(group, current.current))(event), [group]);
}

/**
 * Lists in the help the chords that dialogs bind (useFieldShortcuts) while they are open,
 * for as long as the page offers those dialogs. The help does not open over a dialog, so
 * without this their keys would be listed nowhere; the dialogs still bind them.
 */
export function useListedDialogShortcuts<A extends string>(group: ShortcutGroup<A>, actions: readonly NoInfer<A>[]): void {
  useRegistration(group, actions);
}
