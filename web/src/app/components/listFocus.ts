import { useCallback, useEffect, useRef } from 'react';

/**
 * The rows to try, in order, for the focus after an action on row `id`: the row itself (when the
 * list still shows it), then the row that takes its place (the next one), then the one before it.
 */
export function rowsToTry<T>(ids: readonly T[], id: T): T[] {
  const at = ids.indexOf(id);
  if (at < 0) return [id];
  return [id, ...ids.slice(at + 1), ...ids.slice(0, at).reverse()];
}

/** Focuses the first target found, but only when the focus was lost (it is on <body>): a place the user chose is kept. */
function focusIfLost(target: () => HTMLElement | null | undefined): void {
  const active = document.activeElement;
  if (active && active !== document.body) return;
  target()?.focus();
}

/** How long a request waits for the list to change (a slow refetch); after that it is dropped. */
const WAIT_MS = 10_000;

/**
 * Keeps the keyboard in a list whose rows an action takes away: a user deactivated while the list
 * shows only active ones, records approved off the approval queue. The focused control (a row's ⋯
 * button, or a bulk button that turns disabled) goes, and the focus would drop to <body>, so the next
 * key does nothing. The action calls the returned function with where the focus belongs then; it is
 * put there when the focus is lost, once the action has rendered and again when the list (`list`:
 * the query's data, new when refetched) has changed. As installDialogFocusReturn, it steps in only
 * when the focus was lost, and runs after it (a dialog's opener may still be on screen until the
 * refetched list takes its row away).
 */
export function useKeepFocusInList(list: unknown): (target: () => HTMLElement | null | undefined) => void {
  const pending = useRef<{ target: () => HTMLElement | null | undefined; list: unknown; until: number } | null>(null);
  const current = useRef(list);
  current.current = list;

  useEffect(() => {
    const request = pending.current;
    if (!request) return;
    if (Date.now() > request.until) {
      pending.current = null;
      return;
    }
    focusIfLost(request.target);
    if (request.list !== list) pending.current = null;
  });

  return useCallback((target) => {
    pending.current = { target, list: current.current, until: Date.now() + WAIT_MS };
    // The action may drop the focus with nothing new to render here (a dialog closed, a button disabled):
    // look once the dialog's own focus return has had its turn (dialogFocusReturn waits 30 ms).
    setTimeout(() => {
      if (pending.current?.target === target) focusIfLost(target);
    }, 60);
  }, []);
}

/** The element of the page with this test id (the rows' controls are found by theirs). */
export const byTestId = (testId: string): HTMLElement | null => document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(testId)}"]`);
