// The ticket list's j/k cursor outlives a visit to a ticket: opened from a list, the ticket is
// remembered under that list (its filters, search and sort as the address writes them), and
// back on the same list the cursor is on it again, so one `j` goes on to the next ticket.
// Kept in the tab's sessionStorage (app/draftStorage.ts), forgotten with the tab or on sign-out.
import { type DraftStorage, loadDraft, saveDraft, sessionDraftStorage } from '../../app/draftStorage';

const KEY = 'kontor.tickets.listCursor';
/** Lists remembered at once, the latest first: enough for going back through a few lists. */
export const REMEMBERED_LISTS = 10;

/** List (its address's query) → the ticket last opened from it. */
type Cursors = [list: string, ticketId: number][];

function readCursors(stored: unknown): Cursors | null {
  if (!Array.isArray(stored)) return null;
  return stored.filter((entry): entry is Cursors[number] => Array.isArray(entry) && typeof entry[0] === 'string' && Number.isInteger(entry[1]));
}

/** The ticket last opened from this list, or null. */
export function rememberedListCursor(list: string, storage: DraftStorage | null = sessionDraftStorage()): number | null {
  return loadDraft(KEY, readCursors, storage)?.find(([l]) => l === list)?.[1] ?? null;
}

/** Remembers the ticket opened from this list (the list's earlier one is replaced). */
export function rememberListCursor(list: string, ticketId: number, storage: DraftStorage | null = sessionDraftStorage()): void {
  const others = (loadDraft(KEY, readCursors, storage) ?? []).filter(([l]) => l !== list);
  saveDraft(KEY, [[list, ticketId], ...others].slice(0, REMEMBERED_LISTS), storage);
}

/** Where the cursor goes on a list showing these tickets: on the remembered one, or nowhere (-1). */
export function cursorIndex(items: readonly { id: number }[], ticketId: number | null): number {
  return ticketId === null ? -1 : items.findIndex((item) => item.id === ticketId);
}
