// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Ticket } from './api';
import type { CustomField } from './configApi';
import { customInputsFor, customNumberTextPaths, customValueOf, emptyTicketValues, formPathOf, rebaseEdits, ticketToValues, toNewTicket, toTicketPatch } from './ticketFormModel';

const field = (key: string, kind: CustomField['kind'], required = false): CustomField => ({
  id: 1, typeId: 1, key, label: key, kind, options: kind.includes('choice') ? ['A', 'B'] : [], required, sortOrder: 0, active: true,
});
const fields = [field('serial', 'text'), field('users', 'number'), field('visit', 'date'), field('site', 'choice', true), field('systems', 'multi_choice')];

describe('custom field inputs', () => {
  it('start empty by kind and keep values of keys that stay', () => {
    expect(customInputsFor(fields, { serial: 'X1', gone: 'y' })).toEqual({ serial: 'X1', users: '', visit: '', site: null, systems: [] });
  });

  it('become API values by kind; empty ones become null', () => {
    expect(customValueOf(field('n', 'number'), 12.5)).toBe(12.5);
    expect(customValueOf(field('n', 'number'), '')).toBeNull();
    expect(customValueOf(field('t', 'text'), '  hi ')).toBe('hi');
    expect(customValueOf(field('t', 'text'), '   ')).toBeNull();
    expect(customValueOf(field('m', 'multi_choice'), [])).toBeNull();
    expect(customValueOf(field('c', 'choice'), null)).toBeNull();
  });

  it('keep a number typed as text that is no number as text, and name its field for the form to refuse', () => {
    // The number field gives its number; text it could not read ("12 ks", "1O") comes as typed.
    // Before, such text was sent as null: the field was cleared without a word.
    expect(customValueOf(field('n', 'number'), '12 ks')).toBe('12 ks');
    expect(customValueOf(field('n', 'number'), '1O')).toBe('1O');
    expect(customNumberTextPaths(fields, { serial: 'not checked, a text field', users: '1O', visit: '', site: null, systems: [] })).toEqual(['custom.users']);
    expect(customNumberTextPaths(fields, { serial: 'x', users: 12, visit: '', site: null, systems: [] })).toEqual([]);
    expect(customNumberTextPaths(fields, { users: '' })).toEqual([]);
    // A changed ticket with such text is a change (not "nothing changed"), never a cleared field.
    const before = { ...emptyTicketValues(), custom: { users: 5 } };
    expect(toTicketPatch(before, { ...before, custom: { users: '5x' } }, [field('users', 'number')], 1)?.custom).toEqual({ users: '5x' });
  });
});

describe('new ticket body', () => {
  it('sends only filled values, ids as numbers, priority only for those who may override', () => {
    const v = {
      ...emptyTicketValues(), clientId: 3, requesterContactId: 5, subject: '  Printer ', queueId: '2', teamId: null, priority: 'P1' as const,
      tags: ['a', ' '], custom: { serial: '', users: 4, visit: '2026-12-01', site: 'A', systems: [] }, dimensions: { service: 'email', other: null },
    };
    const body = toNewTicket(v, fields, false);
    expect(body).toMatchObject({ subject: 'Printer', clientId: 3, requesterContactId: 5, queueId: 2, teamId: null, tags: ['a'], dimensions: { service: 'email' } });
    expect(body.custom).toEqual({ users: 4, visit: '2026-12-01', site: 'A' });
    expect(body.priority).toBeUndefined();
    expect(body).not.toHaveProperty('watcherUserIds');
    expect(toNewTicket(v, fields, true).priority).toBe('P1');
    expect(toNewTicket({ ...v, watcherUserIds: [7], watcherContactIds: [5] }, fields, false)).toMatchObject({ watcherUserIds: [7], watcherContactIds: [5] });
  });
});

describe('ticket changes', () => {
  const ticket = {
    client: { id: 1, name: 'C' }, requester: { id: 5, name: 'R', email: null }, subject: 'S', description: 'D', type: { id: 1, code: 'incident', name: 'Incident' },
    queue: { id: 2, name: 'Q' }, team: null, assignee: null, impact: 'medium', urgency: 'medium', priority: 'P3', priorityOverridden: false,
    category: null, tags: ['a'], custom: { serial: 'X1', site: 'A' }, dimensions: [{ dimension: 'service', value: 'email', valueName: 'E-mail' }],
    parentId: null, watchers: { users: [{ id: 7, name: 'U7' }, { id: 8, name: 'U8' }], contacts: [] },
  } as unknown as Ticket;

  it('nothing changed: no request', () => {
    const before = ticketToValues(ticket, fields);
    expect(toTicketPatch(before, { ...before }, fields, 4)).toBeNull();
  });

  it('sends only the changed fields with the version; cleared values as null', () => {
    const before = ticketToValues(ticket, fields);
    const after = { ...before, subject: 'S2', assigneeId: 9, custom: { ...before.custom, serial: '', users: 3 }, dimensions: { service: null } };
    expect(toTicketPatch(before, after, fields, 4)).toEqual({
      version: 4, subject: 'S2', assigneeId: 9, custom: { serial: null, users: 3 }, dimensions: { service: null },
    });
  });

  it('sends the watchers as a whole list when the set changed, not when only their order did', () => {
    const before = ticketToValues(ticket, fields);
    expect(before).toMatchObject({ watcherUserIds: [7, 8], watcherContactIds: [], parentId: null });
    expect(toTicketPatch(before, { ...before, watcherUserIds: [8, 7] }, fields, 4)).toBeNull();
    expect(toTicketPatch(before, { ...before, watcherUserIds: [8], watcherContactIds: [5] }, fields, 4)).toEqual({ version: 4, watcherUserIds: [8], watcherContactIds: [5] });
  });

  it('sets and clears the parent', () => {
    const before = ticketToValues(ticket, fields);
    expect(toTicketPatch(before, { ...before, parentId: 3 }, fields, 4)).toEqual({ version: 4, parentId: 3 });
    const child = ticketToValues({ ...ticket, parentId: 3 } as Ticket, fields);
    expect(toTicketPatch(child, { ...child, parentId: null }, fields, 4)).toEqual({ version: 4, parentId: null });
  });

  describe('an edit moved onto the version someone else saved meanwhile', () => {
    const before = ticketToValues(ticket, fields);
    // Someone else changed the description, the serial, the tags and the dimension.
    const current = ticketToValues({ ...ticket, description: 'D2', tags: ['a', 'b'], custom: { serial: 'X2', site: 'A' }, dimensions: [] } as Ticket, fields);

    it('keeps the fields the user changed and takes every other one as it is now', () => {
      const mine = { ...before, subject: 'S mine', assigneeId: 9, custom: { ...before.custom, users: 3 } };
      const { values, overlap } = rebaseEdits(before, mine, current);
      expect(values).toEqual({ ...current, subject: 'S mine', assigneeId: 9, custom: { ...current.custom, users: 3 } });
      expect(overlap).toEqual([]);
      // Saved again from the current version, the patch holds only the user's changes.
      expect(toTicketPatch(current, values, fields, 5)).toEqual({ version: 5, subject: 'S mine', assigneeId: 9, custom: { users: 3 } });
    });

    it('names the fields both changed, to different values; the user\'s value stays', () => {
      const mine = { ...before, description: 'D mine', tags: ['a', 'b'], custom: { ...before.custom, serial: 'X3' }, dimensions: { service: 'print' } };
      const { values, overlap } = rebaseEdits(before, mine, current);
      expect(values).toMatchObject({ description: 'D mine', tags: ['a', 'b'], custom: { serial: 'X3' }, dimensions: { service: 'print' } });
      // Both made the tags ['a', 'b']: nothing to tell.
      expect(overlap).toEqual(['description', 'custom.serial', 'dimensions.service']);
    });

    it('works on flat values too (the priority dialog)', () => {
      const was = { impact: 'medium', urgency: 'medium', priority: '' };
      expect(rebaseEdits(was, { ...was, urgency: 'high' }, { ...was, impact: 'low', urgency: 'low' })).toEqual({
        values: { impact: 'low', urgency: 'high', priority: '' },
        overlap: ['urgency'],
      });
    });
  });

  it('puts a multi-choice option error on its field', () => {
    expect(formPathOf('custom.systems.1')).toBe('custom.systems');
    expect(formPathOf('watcherContactIds.0')).toBe('watcherContactIds');
    expect(formPathOf('custom.site')).toBe('custom.site');
    expect(formPathOf('resolutionNote')).toBe('resolutionNote');
  });
});
