// A reply or internal note being written survives a reload of the ticket page (a phone
// drops a background tab; a technician on site switches to the camera and back). Kept in
// sessionStorage, per ticket: gone with the tab, so an old text never turns up days later.

export type ReplyVisibility = 'public' | 'internal';

export interface ReplyDraft {
  visibility: ReplyVisibility;
  body: string;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const key = (ticketId: number) => `kontor.ticket.${ticketId}.reply`;

function session(): DraftStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The unsent text of this ticket, or null (none, unreadable, or storage unavailable). */
export function loadReplyDraft(ticketId: number, storage: DraftStorage | null = session()): ReplyDraft | null {
  try {
    const raw = storage?.getItem(key(ticketId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<ReplyDraft>;
    if (typeof d.body !== 'string' || !d.body) return null;
    return { visibility: d.visibility === 'internal' ? 'internal' : 'public', body: d.body };
  } catch {
    return null;
  }
}

/** Keeps the text as typed; an empty text (sent, or erased) removes the draft. */
export function saveReplyDraft(ticketId: number, draft: ReplyDraft, storage: DraftStorage | null = session()): void {
  try {
    if (draft.body.trim()) storage?.setItem(key(ticketId), JSON.stringify(draft));
    else storage?.removeItem(key(ticketId));
  } catch {
    // storage full or unavailable: the draft is only not kept
  }
}
