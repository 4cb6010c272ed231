// What a user is writing survives a reload of the page (a phone drops a background tab; a
// technician on site switches to the camera and back). Kept in sessionStorage, one key per
// form and record: gone with the tab, so an old text never turns up days later. Each form
// says what its draft is and when it is worth keeping; this only reads, writes and forgets.

/** The part of Storage a draft needs (a Map stands in for it in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The tab's sessionStorage, or null where it cannot be used (blocked by the browser, no window). */
export function sessionDraftStorage(): DraftStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * The draft kept under the key, as `read` accepts it from the parsed JSON (`read` checks every
 * field: the stored text may come from an older version of the app or be damaged). Null when
 * there is none, it cannot be read, `read` refuses it, or there is no storage.
 */
export function loadDraft<T>(key: string, read: (stored: unknown) => T | null, storage: DraftStorage | null = sessionDraftStorage()): T | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    return read(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** Keeps the draft under the key; null (sent, saved, discarded, nothing worth keeping) forgets it. */
export function saveDraft(key: string, draft: unknown, storage: DraftStorage | null = sessionDraftStorage()): void {
  try {
    if (draft === null || draft === undefined) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(draft));
  } catch {
    // storage full or unavailable: the draft is only not kept
  }
}

/** A storage whose keys can be listed (sessionStorage; a Map in tests). */
export type ListableDraftStorage = DraftStorage & Pick<Storage, 'length' | 'key'>;

// Every key Kontor keeps in the tab's sessionStorage starts so (drafts and their owner).
const PREFIX = 'kontor.';
const OWNER_KEY = 'kontor.drafts.owner';

/**
 * Forgets every draft of the tab: on signing out, so that the next person to sign in on
 * this browser never reads what the last one was writing.
 */
export function forgetAllDrafts(storage: ListableDraftStorage | null = sessionDraftStorage() as ListableDraftStorage | null): void {
  try {
    if (!storage) return;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k !== null && k.startsWith(PREFIX)) keys.push(k);
    }
    for (const k of keys) storage.removeItem(k);
  } catch {
    // storage unavailable: nothing was kept either
  }
}

/**
 * Marks the tab's drafts as this user's. Drafts outlive a session that expired (the same
 * user signs in again and finds their text); when someone else signs in on the tab, the
 * drafts of the one before are forgotten first.
 */
export function claimDrafts(userId: number, storage: ListableDraftStorage | null = sessionDraftStorage() as ListableDraftStorage | null): void {
  try {
    if (!storage) return;
    const owner = storage.getItem(OWNER_KEY);
    if (owner !== null && owner !== String(userId)) forgetAllDrafts(storage);
    storage.setItem(OWNER_KEY, String(userId));
  } catch {
    // storage unavailable: nothing to claim
  }
}
