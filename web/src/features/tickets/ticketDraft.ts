// The new-ticket form keeps what was typed for the tab's life (app/draftStorage.ts,
// app/useFormDraft.ts): an operator on the phone who leaves the form to look something up,
// or reloads, finds the ticket as it was. One draft per user and tab: there is one new-ticket
// form. Attachments are added on the created ticket, so the form has none to keep.
import { readFieldsOver } from '../../app/draftStorage';
import { type CustomInput, emptyTicketValues, type TicketFormValues } from './ticketFormModel';
import { LEVELS, PRIORITIES } from './types';

export const newTicketDraftKey = (userId: number) => `kontor.ticket.new.${userId}`;

const isCustomInput = (value: unknown): value is CustomInput =>
  value === null || typeof value === 'string' || typeof value === 'number' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));

const isId = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

const filled = (value: CustomInput | undefined) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * True when the form holds nothing the user typed or picked beyond how it opened (`untouched`:
 * the defaults, with the client the link named). The queue is left out: the form picks the
 * default one by itself, and so the requester of a client with a single contact.
 */
export function isUntouchedTicket(values: TicketFormValues, untouched: TicketFormValues): boolean {
  return values.subject.trim() === untouched.subject.trim()
    && values.description.trim() === untouched.description.trim()
    && values.clientId === untouched.clientId
    && values.typeCode === untouched.typeCode
    && values.teamId === untouched.teamId
    && values.assigneeId === untouched.assigneeId
    && values.impact === untouched.impact
    && values.urgency === untouched.urgency
    && values.priority === untouched.priority
    && values.categoryId === untouched.categoryId
    && values.tags.length === 0
    && values.watcherUserIds.length === 0
    && values.watcherContactIds.length === 0
    && values.parentId === untouched.parentId
    && !Object.values(values.custom).some(filled)
    && !Object.values(values.dimensions).some(Boolean);
}

/** The stored draft as form values over the defaults; null when it is none or holds nothing typed. */
export function readTicketDraft(stored: unknown): TicketFormValues | null {
  const defaults = emptyTicketValues();
  const values = readFieldsOver(stored, defaults, {
    clientId: ['number', 'null'],
    requesterContactId: ['number', 'null'],
    queueId: ['string', 'null'],
    teamId: ['string', 'null'],
    assigneeId: ['number', 'null'],
    categoryId: ['number', 'null'],
    tags: ['strings'],
    custom: ['object'],
    dimensions: ['object'],
    watcherUserIds: ['array'],
    watcherContactIds: ['array'],
    parentId: ['number', 'null'],
  });
  if (!values) return null;
  if (!LEVELS.includes(values.impact)) values.impact = defaults.impact;
  if (!LEVELS.includes(values.urgency)) values.urgency = defaults.urgency;
  if (values.priority !== '' && !PRIORITIES.includes(values.priority)) values.priority = defaults.priority;
  values.custom = Object.fromEntries(Object.entries(values.custom).filter(([, v]) => isCustomInput(v))) as Record<string, CustomInput>;
  values.watcherUserIds = values.watcherUserIds.filter(isId);
  values.watcherContactIds = values.watcherContactIds.filter(isId);
  values.dimensions = Object.fromEntries(Object.entries(values.dimensions).filter(([, v]) => v === null || typeof v === 'string')) as Record<string, string | null>;
  return isUntouchedTicket(values, defaults) ? null : values;
}

/**
 * The form opened on a draft, from a link that names a client ("new ticket" on a client's
 * page): the link's client is the one meant; the requester and watching contacts stay only if they are that client's.
 */
export function draftForClient(draft: TicketFormValues, linkClientId: number | null): TicketFormValues {
  if (linkClientId === null || linkClientId === draft.clientId) return draft;
  return { ...draft, clientId: linkClientId, requesterContactId: null, watcherContactIds: [] };
}
