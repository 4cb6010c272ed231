// Where the window should be scrolled once the address has changed (pure; usePageScroll does it).
//
// A page the user goes to starts at its top, and Back (or Forward) returns to where they were on
// the page they come back to. A change of the query string alone (a filter, a search, a sort of
// a list) is the same page: the reader stays where they are, often right at the list they are
// narrowing. A change of the hash alone is an in-page link (the skip link to the content, or the
// browser's own jump to a fragment): it goes to its target, or is left to the browser.

export interface ScrollPlace {
  pathname: string;
  search: string;
  hash: string;
  /** The history entry's key: each visit of a page has its own, Back comes to the same one again. */
  key: string;
}

/** How the router came to the place: a new entry, a replaced one, or a move through history (Back, Forward, reload). */
export type ArrivalKind = 'PUSH' | 'REPLACE' | 'POP';

export type ScrollPlan =
  | { kind: 'keep' }
  | { kind: 'top' }
  | { kind: 'restore'; y: number }
  /** To the element whose id the hash names, once it is there; `fromTop`: start at the top meanwhile (a new page). */
  | { kind: 'anchor'; id: string; fromTop: boolean };

/** The element id a hash names ("#main" → "main"); null for no hash or one that cannot be decoded. */
export function hashTarget(hash: string): string | null {
  if (hash.length <= 1) return null;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
}

/**
 * The plan for arriving at `next` from `previous` (null on the app's first render). `saved` is
 * where the reader left the history entry of that key, if known.
 */
export function scrollPlan(previous: ScrollPlace | null, next: ScrollPlace, arrival: ArrivalKind, saved: (key: string) => number | undefined): ScrollPlan {
  const anchor = hashTarget(next.hash);
  const samePage = previous !== null && previous.pathname === next.pathname;
  // Only the fragment changed: an in-page link. Its entry (the browser's own, for a plain <a href="#…">)
  // carries no key of its own, so a remembered position would be someone else's: go to the target or stay.
  if (samePage && previous.search === next.search && previous.hash !== next.hash) {
    return anchor === null ? { kind: 'keep' } : { kind: 'anchor', id: anchor, fromTop: false };
  }
  if (arrival === 'POP') {
    const y = saved(next.key);
    if (y !== undefined) return { kind: 'restore', y };
    if (anchor !== null) return { kind: 'anchor', id: anchor, fromTop: previous !== null && !samePage };
    // The first render keeps what the browser shows; coming back to another page whose place was
    // not kept (an entry opened by typing its address, whose place cannot be told apart) starts it at the top.
    return previous === null || samePage ? { kind: 'keep' } : { kind: 'top' };
  }
  if (samePage) return { kind: 'keep' };
  if (anchor !== null) return { kind: 'anchor', id: anchor, fromTop: true };
  return { kind: 'top' };
}
