import { PAGE_SHORTCUTS, type ActionOf, type ShortcutHandlers } from './shortcuts';
import { usePageShortcuts } from './useShortcuts';

/** The keys the simple pages bind, by the character typed. */
export type PageKey = '/' | 'n' | 'e';

/**
 * Single-key shortcuts of the simple pages ("/" search, "n" new, "e" edit), by key.
 * Only keys of PAGE_SHORTCUTS are accepted, so the "?" help lists every one bound.
 * Pages with keys of their own declare a registry and call usePageShortcuts.
 */
export function useKeyShortcuts(map: Partial<Record<PageKey, () => void>>): void {
  const handlers: ShortcutHandlers<ActionOf<typeof PAGE_SHORTCUTS>> = {};
  for (const shortcut of PAGE_SHORTCUTS.shortcuts) {
    const run = shortcut.keys.map((k) => map[k as PageKey]).find(Boolean);
    if (run) handlers[shortcut.action] = run;
  }
  usePageShortcuts(PAGE_SHORTCUTS, handlers);
}
