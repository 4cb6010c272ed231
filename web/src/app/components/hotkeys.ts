import { useEffect } from 'react';

/**
 * Single-key shortcuts for list pages ("/" search, "n" new). Matches on the
 * produced character, so "/" works on Czech and Slovak keyboards (Shift+ú)
 * too, and ignores keys typed into fields or while a dialog is open.
 */
export function useKeyShortcuts(map: Record<string, (() => void) | undefined>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="menu"], [role="listbox"]')) return;
      const handler = map[event.key];
      if (handler) {
        event.preventDefault();
        handler();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [map]);
}
