// A reply or internal note being written survives a reload of the ticket page (a phone
// drops a background tab; a technician on site switches to the camera and back). Kept per
// ticket for the tab's life (see app/draftStorage.ts).
import { type DraftStorage, loadDraft, saveDraft, sessionDraftStorage } from '../../app/draftStorage';

export type ReplyVisibility = 'public' | 'internal';

export interface ReplyDraft {
  visibility: ReplyVisibility;
  body: string;
}

const key = (ticketId: number) => `kontor.ticket.${ticketId}.reply`;

function readReply(stored: unknown): ReplyDraft | null {
  if (!stored || typeof stored !== 'object') return null;
  const d = stored as Partial<ReplyDraft>;
  if (typeof d.body !== 'string' || !d.body) return null;
  return { visibility: d.visibility === 'internal' ? 'internal' : 'public', body: d.body };
}

/** The unsent text of this ticket, or null (none, unreadable, or storage unavailable). */
export function loadReplyDraft(ticketId: number, storage: DraftStorage | null = sessionDraftStorage()): ReplyDraft | null {
  return loadDraft(key(ticketId), readReply, storage);
}

/** Keeps the text as typed; an empty text (sent, or erased) removes the draft. */
export function saveReplyDraft(ticketId: number, draft: ReplyDraft, storage: DraftStorage | null = sessionDraftStorage()): void {
  saveDraft(key(ticketId), draft.body.trim() ? draft : null, storage);
}
