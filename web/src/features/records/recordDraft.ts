// A new entry half written in the ticket's log form survives a reload (a phone drops a
// background tab; a technician switches apps), kept for the tab's life (see
// app/draftStorage.ts). One draft per ticket, whatever its kind: the form switches between
// work, travel and a fee keeping what is typed, so the kind is part of the draft. A
// correction of a saved record and a stopped timer are never drafted.
import { type DraftStorage, loadDraft, saveDraft, sessionDraftStorage } from '../../app/draftStorage';
import type { LogKind, LogValues } from './recordFormModel';
import { isIsoDate } from './week';

const key = (ticketId: number) => `kontor.ticket.${ticketId}.record`;

const KINDS: readonly LogKind[] = ['work', 'travel', 'fee'];
const TEXTS = ['date', 'startTime', 'duration', 'endTime', 'description', 'internalNote', 'km', 'vehicle', 'quantity'] as const;
const PICKS = ['workTypeId', 'zoneId', 'feeId'] as const;

/**
 * What is typed or picked for this one entry. The kind, the work type and "billable" alone
 * make no draft: a click on a kind is no work lost, the work type is remembered for the next
 * entry anyway (and billable follows it), and the timer may fill the work type in by itself.
 * Once there is a draft, billable is kept in it with whether the user chose it (billableChosen).
 */
const ENTRY_FIELDS: readonly (keyof LogValues)[] = ['date', 'startTime', 'duration', 'endTime', 'description', 'internalNote', 'km', 'zoneId', 'vehicle', 'feeId', 'quantity'];

const typed = (value: LogValues[keyof LogValues]) => (typeof value === 'string' ? value.trim() : value);

/**
 * True when the form holds nothing beyond how it stands untouched: its defaults, or what
 * stays in it after an entry is logged (the day, the kind, the zone…). Such a form is no draft.
 */
export function isUntouchedLog(values: LogValues, untouched: LogValues): boolean {
  return ENTRY_FIELDS.every((field) => typed(values[field]) === typed(untouched[field]));
}

/**
 * The stored draft read field by field over the form's defaults: a field of the wrong type
 * (an older app, a damaged value) keeps its default; something that is no draft at all gives null.
 */
function readLog(stored: unknown, defaults: LogValues): LogValues | null {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return null;
  const d = stored as Record<string, unknown>;
  const values: LogValues = { ...defaults };
  if (KINDS.includes(d.kind as LogKind)) values.kind = d.kind as LogKind;
  // Billable ticked or unticked by hand comes back so; one that only followed the work type
  // follows it again (the form applies the default). A draft that does not say which keeps it as left.
  if (typeof d.billable === 'boolean') {
    values.billable = d.billable;
    values.billableChosen = d.billableChosen !== false;
  }
  for (const field of TEXTS) {
    const value = d[field];
    if (typeof value === 'string') values[field] = value;
  }
  for (const field of PICKS) {
    const value = d[field];
    if (typeof value === 'string' || value === null) values[field] = value;
  }
  if (!isIsoDate(values.date)) values.date = defaults.date;
  return isUntouchedLog(values, defaults) ? null : values;
}

/** The new entry left unlogged on this ticket, over the form's defaults; null when there is none worth restoring. */
export function loadRecordDraft(ticketId: number, defaults: LogValues, storage: DraftStorage | null = sessionDraftStorage()): LogValues | null {
  return loadDraft(key(ticketId), (stored) => readLog(stored, defaults), storage);
}

/** Keeps the form as typed; a form as it stands untouched (logged, discarded, emptied) removes the draft. */
export function saveRecordDraft(ticketId: number, values: LogValues, untouched: LogValues, storage: DraftStorage | null = sessionDraftStorage()): void {
  saveDraft(key(ticketId), isUntouchedLog(values, untouched) ? null : values, storage);
}

/** Forgets the draft of this ticket (the entry was logged, or the user discarded it). */
export function clearRecordDraft(ticketId: number, storage: DraftStorage | null = sessionDraftStorage()): void {
  saveDraft(key(ticketId), null, storage);
}
