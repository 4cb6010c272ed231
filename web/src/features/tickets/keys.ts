import { useEffect } from 'react';

/**
 * Enter opens the row j/k selected. Unlike the letter shortcuts it must leave
 * Enter alone wherever Enter already means something: fields, buttons, links,
 * dialogs and menus.
 */
export function useEnterKey(handler: (() => void) | null): void {
  useEffect(() => {
    if (!handler) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, button, a, [contenteditable="true"], [role="dialog"], [role="menu"], [role="listbox"], [role="button"]')) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handler]);
}
