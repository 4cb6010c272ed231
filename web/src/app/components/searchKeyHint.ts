// Whether the search box shows its "/" key hint (pure). The hint tells a keyboard user
// that "/" jumps into the box; on a phone or tablet there is no such key to press, and on
// a narrow screen the hint only takes room from the placeholder.

import { PHONE_MAX_WIDTH } from './usePhone';

/**
 * Screens where the hint makes sense: a mouse or touchpad (fine pointer that can hover,
 * which touch screens lack) and wider than a phone (the app's phone width).
 */
export const KEY_HINT_MEDIA = `(hover: hover) and (pointer: fine) and (min-width: ${PHONE_MAX_WIDTH})`;

/**
 * What the right end of the search box shows: a spinner while the list is fetched (on
 * every screen), the "/" hint only where a keyboard is likely, else nothing. A box
 * without `busy` shows neither.
 */
export function searchBoxEnd(busy: boolean | undefined, keyboardScreen: boolean): 'spinner' | 'keyHint' | null {
  if (busy === undefined) return null;
  if (busy) return 'spinner';
  return keyboardScreen ? 'keyHint' : null;
}
