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

// ---- Whole forms (a new ticket, a contract, a client) ----
// A form's draft is its values, with the version of the record the form was opened on (null
// for a new record). A draft of an older version is never filled into the form: saving it
// would silently undo what was saved since. The form says the record changed meanwhile instead.

/** A form draft as kept: the values and the version of the record they were typed on. */
export interface FormDraft<T> {
  version: number | null;
  values: T;
}

/** What a form finds when it opens: its draft to fill in, a draft of an older version, or nothing. */
export type FoundFormDraft<T> = { kind: 'restored'; values: T } | { kind: 'stale' } | null;

/**
 * The draft kept under the key, read by `read` (which checks the values), against the version of
 * the record as it is now (null for a new record). A draft of another version is only "stale".
 */
export function findFormDraft<T>(key: string, read: (stored: unknown) => T | null, version: number | null, storage: DraftStorage | null = sessionDraftStorage()): FoundFormDraft<T> {
  const found = loadDraft(key, (stored): FormDraft<T> | null => {
    if (!stored || typeof stored !== 'object') return null;
    const d = stored as Partial<FormDraft<unknown>>;
    const storedVersion = typeof d.version === 'number' ? d.version : null;
    // The version is checked before the values: a stale draft is reported even if its values no longer read.
    if (storedVersion !== version) return { version: storedVersion, values: null as T };
    const values = read(d.values);
    return values === null ? null : { version: storedVersion, values };
  }, storage);
  if (!found) return null;
  return found.version === version ? { kind: 'restored', values: found.values } : { kind: 'stale' };
}

/** Keeps the form's values typed on this version; null values (saved, discarded, emptied) forget the draft. */
export function saveFormDraft<T>(key: string, values: T | null, version: number | null, storage: DraftStorage | null = sessionDraftStorage()): void {
  saveDraft(key, values === null ? null : ({ version, values } satisfies FormDraft<T>), storage);
}

/** The JSON kinds a stored field may have. "strings" is an array of texts (tags, picked ids). */
export type StoredKind = 'string' | 'number' | 'boolean' | 'null' | 'strings' | 'array' | 'object';

function kindOf(value: unknown): StoredKind | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'object' ? type : 'other';
}

function isKind(value: unknown, kind: StoredKind): boolean {
  if (kind === 'strings') return Array.isArray(value) && value.every((item) => typeof item === 'string');
  return kindOf(value) === kind;
}

/**
 * Stored form values read field by field over the form's defaults: a field of a kind it may
 * not have (an older app, a damaged value) keeps its default, so the form never gets a value it
 * cannot show. A field may have its default's kind, or the kinds `kinds` names for it (an id
 * that is null by default is a number once picked). Null when the stored text is no object at all.
 */
export function readFieldsOver<T extends object>(stored: unknown, defaults: T, kinds: { [K in keyof T]?: readonly StoredKind[] } = {}): T | null {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return null;
  const d = stored as Record<string, unknown>;
  const values = { ...defaults };
  for (const field of Object.keys(defaults) as (keyof T & string)[]) {
    if (!(field in d)) continue;
    const fallback = kindOf(defaults[field]);
    const allowed = kinds[field] ?? (fallback === 'other' ? [] : [fallback]);
    if (allowed.some((kind) => isKind(d[field], kind))) values[field] = d[field] as T[typeof field];
  }
  return values;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// The values as text with every object's keys in one order, so that the order fields were set in does not count.
const canonical = (values: unknown) =>
  JSON.stringify(values, (_key, value: unknown) => (isPlainObject(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value));

/** Whether two forms hold the same values (a form as it opened is no draft). */
export function sameFormValues(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
