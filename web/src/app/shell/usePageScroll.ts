// The window's scroll as the user moves between pages (see scrollPlan for what goes where).
// Without it the browser keeps the offset of the page left: a contract saved at the bottom
// of its long form opened scrolled to the bottom of the contract.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { scrollPlan, type ArrivalKind, type ScrollPlace, type ScrollPlan } from './scrollPlan';

/** The places kept for the tab, so Back still finds them after a reload. */
const STORAGE_KEY = 'kontor.scrollPositions';
/**
 * The key of a history entry the app did not make itself (the page first opened, a plain
 * fragment link): several entries share it, so its place is not kept across a reload.
 */
const SHARED_KEY = 'default';
/** How long a page may take to draw what its remembered place or anchor needs (data from the cache, a part loaded on demand). */
const SETTLE_MS = 1500;
/** Whatever the user does meanwhile wins over a place still being restored. */
const USER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

function loadPositions(): Map<string, number> {
  try {
    const stored: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? '{}');
    if (!stored || typeof stored !== 'object') return new Map();
    return new Map(Object.entries(stored).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  } catch {
    return new Map();
  }
}

function keepPositions(positions: Map<string, number>): void {
  try {
    const kept = Object.fromEntries([...positions].filter(([key]) => key !== SHARED_KEY));
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // storage full or blocked: Back after a reload starts at the top
  }
}

/**
 * Tries `step` now and on each frame until it says it is done, the time is up or the user
 * scrolls, taps or types. Returns what stops it early.
 */
function untilSettled(step: () => boolean): () => void {
  const deadline = performance.now() + SETTLE_MS;
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const type of USER_INPUT) window.removeEventListener(type, stop, true);
  };
  const tick = () => {
    if (step() || performance.now() > deadline) stop();
    else frame = requestAnimationFrame(tick);
  };
  for (const type of USER_INPUT) window.addEventListener(type, stop, { capture: true, passive: true });
  tick();
  return stop;
}

/** Brings the element to the top of the window, below the fixed header. */
function scrollToElement(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  const headerBottom = document.querySelector('.mantine-AppShell-header')?.getBoundingClientRect().bottom ?? 0;
  window.scrollTo({ left: 0, top: Math.max(0, target.getBoundingClientRect().top + window.scrollY - Math.max(0, headerBottom)), behavior: 'instant' });
  return true;
}

function carryOut(plan: ScrollPlan): (() => void) | undefined {
  switch (plan.kind) {
    case 'keep':
      return undefined;
    case 'top':
      window.scrollTo({ left: 0, top: 0, behavior: 'instant' });
      return undefined;
    case 'restore':
      // The page may not be as tall yet as when it was left: keep at it while it fills in.
      return untilSettled(() => {
        window.scrollTo({ left: 0, top: plan.y, behavior: 'instant' });
        return Math.abs(window.scrollY - plan.y) < 1;
      });
    case 'anchor':
      if (plan.fromTop) window.scrollTo({ left: 0, top: 0, behavior: 'instant' });
      return untilSettled(() => scrollToElement(plan.id));
  }
}

/** A new page starts at the top, Back and Forward return to where the user was; call once, in the shell. */
export function usePageScroll(): void {
  const location = useLocation();
  const arrival: ArrivalKind = useNavigationType();
  const positions = useRef<Map<string, number> | null>(null);
  positions.current ??= loadPositions();
  const here = useRef<ScrollPlace | null>(null);

  useEffect(() => {
    // The browser would restore a place itself on Back, before the page it returns to is drawn.
    const before = window.history.scrollRestoration;
    window.history.scrollRestoration = 'manual';
    // Recorded as the user scrolls: once the next page is drawn, the window may already be
    // clipped to its height, too late to read where the user was on the page left.
    const onScroll = () => {
      if (here.current) positions.current?.set(here.current.key, window.scrollY);
    };
    const onPageHide = () => {
      if (positions.current) keepPositions(positions.current);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', onPageHide);
      window.history.scrollRestoration = before;
    };
  }, []);

  const { pathname, search, hash, key } = location;
  useLayoutEffect(() => {
    const next: ScrollPlace = { pathname, search, hash, key };
    const plan = scrollPlan(here.current, next, arrival, (k) => positions.current?.get(k));
    here.current = next;
    return carryOut(plan);
  }, [pathname, search, hash, key, arrival]);
}
