// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findFormDraft, saveFormDraft } from '../../app/draftStorage';
import { draftForClient, isUntouchedTicket, newTicketDraftKey, readTicketDraft } from './ticketDraft';
import { emptyTicketValues } from './ticketFormModel';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

const typed = { ...emptyTicketValues(), clientId: 3, requesterContactId: 8, subject: 'Printer jams', description: 'On the 2nd floor', queueId: '2', tags: ['hw'], custom: { serial: 'X1', users: 4, site: null, systems: ['A'] }, dimensions: { region: 'south' }, watcherUserIds: [7], watcherContactIds: [9] };

describe('the new-ticket draft', () => {
  it('is one per user', () => {
    expect(newTicketDraftKey(7)).toBe('kontor.ticket.new.7');
    expect(newTicketDraftKey(7)).not.toBe(newTicketDraftKey(8));
  });

  it('restores everything the form held, after a reload', () => {
    const s = memory();
    saveFormDraft(newTicketDraftKey(7), typed, null, s);
    expect(findFormDraft(newTicketDraftKey(7), readTicketDraft, null, s)).toEqual({ kind: 'restored', values: typed });
  });

  it('is forgotten once the ticket is created', () => {
    const s = memory();
    saveFormDraft(newTicketDraftKey(7), typed, null, s);
    saveFormDraft(newTicketDraftKey(7), null, null, s);
    expect(findFormDraft(newTicketDraftKey(7), readTicketDraft, null, s)).toBeNull();
  });

  it('is nothing while only what the form fills in by itself is there (queue, a single requester)', () => {
    const untouched = { ...emptyTicketValues(), clientId: 3 };
    expect(isUntouchedTicket({ ...untouched, queueId: '1', requesterContactId: 8, custom: { serial: '', site: null, systems: [] } }, untouched)).toBe(true);
    expect(isUntouchedTicket({ ...untouched, subject: '  ' }, untouched)).toBe(true);
    expect(isUntouchedTicket({ ...untouched, subject: 'Printer' }, untouched)).toBe(false);
    expect(isUntouchedTicket({ ...untouched, clientId: 4 }, untouched)).toBe(false);
    expect(isUntouchedTicket({ ...untouched, custom: { users: 0 } }, untouched)).toBe(false);
    expect(isUntouchedTicket({ ...untouched, impact: 'high' }, untouched)).toBe(false);
    expect(isUntouchedTicket({ ...untouched, tags: ['hw'] }, untouched)).toBe(false);
    expect(readTicketDraft({ ...emptyTicketValues(), queueId: '2' })).toBeNull();
  });

  it('reads a damaged draft field by field', () => {
    const read = readTicketDraft({ ...typed, clientId: '3', impact: 'huge', priority: 'P9', tags: 'hw', custom: { serial: 'X1', bad: { a: 1 } }, dimensions: { region: 5, site: 'north' } });
    expect(read).toMatchObject({ clientId: null, impact: 'medium', priority: '', tags: [], custom: { serial: 'X1' }, dimensions: { site: 'north' }, subject: 'Printer jams' });
    expect(readTicketDraft('nonsense')).toBeNull();
  });

  it('takes the client a link names over the draft\'s, without the draft\'s requester', () => {
    expect(draftForClient(typed, null)).toBe(typed);
    expect(draftForClient(typed, 3)).toBe(typed);
    expect(draftForClient(typed, 5)).toMatchObject({ clientId: 5, requesterContactId: null, watcherContactIds: [], watcherUserIds: [7], subject: 'Printer jams' });
  });

  it('keeps only ids among the stored watchers, and counts watchers as typed', () => {
    const stored = { ...emptyTicketValues(), watcherUserIds: [7, 'x', -1, 2.5], watcherContactIds: 'nope' };
    expect(readTicketDraft(stored)).toMatchObject({ watcherUserIds: [7], watcherContactIds: [] });
    expect(readTicketDraft({ ...emptyTicketValues(), watcherUserIds: ['x'] })).toBeNull();
  });
});
