// A whole form that keeps what was typed in the tab (app/draftStorage.ts): the new-ticket form,
// a contract, a client. The form opens on its draft when there is one, says so with a notice
// (DraftNotice) and forgets it once saved or discarded. A draft typed on an older version of the
// record is not filled in: the notice says the record changed meanwhile, and the draft is kept
// until it is discarded or the user starts changing the record as it is now.
import { useCallback, useRef, useState } from 'react';
import { findFormDraft, saveFormDraft } from './draftStorage';

export type DraftNoticeKind = 'restored' | 'stale';

export interface FormDraftOptions<T> {
  /** One key per form and record ("kontor.contract.12"); see draftStorage.ts for the prefix. */
  key: string;
  /** Checks the stored values (they may come from an older app or be damaged); null refuses them. */
  read: (stored: unknown) => T | null;
  /** The version of the record the form is opened on; null (or left out) for a new record. */
  version?: number | null;
}

export interface FormDraftState<T> {
  /** The draft to open the form on; null when there is none (or only a stale one). */
  restored: T | null;
  /** What the form should say about its draft, until discarded, saved or emptied. */
  notice: DraftNoticeKind | null;
  /** Keeps the values as typed; a form worth nothing (as it opened, emptied) forgets its draft. */
  keep: (values: T, worthKeeping: boolean) => void;
  /** Forgets the draft: the record was saved, or the user discarded the draft. */
  forget: () => void;
}

/**
 * What a change of the form does to its draft and notice. A restored draft's notice stays while
 * the form holds something, and goes with the draft when it is emptied. A stale draft (typed on an
 * older version) stays, with its notice, until the user changes the record as it is now: then
 * the new changes are the draft.
 */
export function keepStep(notice: DraftNoticeKind | null, worthKeeping: boolean): { store: 'values' | 'forget' | 'leave'; notice: DraftNoticeKind | null } {
  if (notice === 'stale') return worthKeeping ? { store: 'values', notice: null } : { store: 'leave', notice };
  return worthKeeping ? { store: 'values', notice } : { store: 'forget', notice: null };
}

export function useFormDraft<T>({ key, read, version = null }: FormDraftOptions<T>): FormDraftState<T> {
  // Read once, when the form opens: afterwards the form is what the user types.
  const [found] = useState(() => findFormDraft(key, read, version));
  const [notice, setNotice] = useState<DraftNoticeKind | null>(found?.kind ?? null);
  const noticeRef = useRef(notice);
  const show = useCallback((next: DraftNoticeKind | null) => {
    noticeRef.current = next;
    setNotice(next);
  }, []);

  const keep = useCallback((values: T, worthKeeping: boolean) => {
    const step = keepStep(noticeRef.current, worthKeeping);
    if (step.notice !== noticeRef.current) show(step.notice);
    if (step.store !== 'leave') saveFormDraft(key, step.store === 'values' ? values : null, version);
  }, [key, version, show]);

  const forget = useCallback(() => {
    saveFormDraft(key, null, version);
    show(null);
  }, [key, version, show]);

  return { restored: found?.kind === 'restored' ? found.values : null, notice, keep, forget };
}
