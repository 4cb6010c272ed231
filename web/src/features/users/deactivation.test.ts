// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { colleagueRefusals, colleaguesForAll, deactivates, deactivationNotice, openTicketsPlan } from './deactivation';

describe('deactivates', () => {
  it('is a save that turns an active user inactive, and only that', () => {
    expect(deactivates({ active: true }, false)).toBe(true);
    expect(deactivates({ active: true }, true)).toBe(false);
    // Saving an inactive user again (name, roles) deactivates nobody: the server would refuse openTickets.
    expect(deactivates({ active: false }, false)).toBe(false);
    expect(deactivates({ active: false }, true)).toBe(false);
  });
});

describe('openTicketsPlan', () => {
  it('says what becomes of the open tickets when there are any', () => {
    expect(openTicketsPlan(3, 'return')).toEqual({ patch: { openTickets: 'return' }, returning: true, handedTo: null });
    expect(openTicketsPlan(1, 'keep')).toEqual({ patch: { openTickets: 'keep' }, returning: false, handedTo: null });
    // A colleague chosen for another choice is not sent.
    expect(openTicketsPlan(1, 'keep', 7)).toEqual({ patch: { openTickets: 'keep' }, returning: false, handedTo: null });
  });

  it('hands them to the chosen colleague, and is no plan until one is chosen', () => {
    expect(openTicketsPlan(2, 'handTo', 7)).toEqual({ patch: { openTickets: { handTo: 7 } }, returning: false, handedTo: 7 });
    expect(openTicketsPlan(2, 'handTo', null)).toBeNull();
    expect(openTicketsPlan(2, 'handTo')).toBeNull();
  });

  it('says nothing of them without any (or without knowing them)', () => {
    expect(openTicketsPlan(0, 'return')).toEqual({ patch: {}, returning: false, handedTo: null });
    expect(openTicketsPlan(0, 'keep')).toEqual({ patch: {}, returning: false, handedTo: null });
    expect(openTicketsPlan(0, 'handTo', null)).toEqual({ patch: {}, returning: false, handedTo: null });
  });
});

describe('colleaguesForAll', () => {
  const eva = { id: 1, name: 'Eva' };
  const jan = { id: 2, name: 'Jan' };
  const leaver = { id: 3, name: 'Petr' };
  const boss = { id: 4, name: 'Šéf' };

  it('offers only those whom every queue allows, in the first queue order, never the user leaving', () => {
    expect(colleaguesForAll([[eva, jan, leaver, boss], [boss, leaver, eva]], leaver.id)).toEqual([eva, boss]);
    expect(colleaguesForAll([[eva, leaver, boss]], leaver.id)).toEqual([eva, boss]);
    expect(colleaguesForAll([[eva, jan], [leaver], [eva]], leaver.id)).toEqual([]);
  });

  it('offers no one without queues', () => {
    expect(colleaguesForAll([], leaver.id)).toEqual([]);
  });
});

describe('colleagueRefusals', () => {
  it('picks the refusals of the chosen colleague out of the error details', () => {
    const refusal = { path: 'openTickets.handTo', code: 'colleague_cannot_work_queue' };
    expect(colleagueRefusals([{ path: 'name', code: 'required' }, refusal, { path: 'openTickets', code: 'only_when_deactivating' }])).toEqual([refusal]);
    expect(colleagueRefusals([])).toEqual([]);
  });

  it('says what became of the open tickets after what was done, only when the plan moved them', () => {
    const t = (key: string) => `<${key}>`;
    expect(deactivationNotice('Done.', openTicketsPlan(2, 'return')!, t)).toBe('Done. <users.openTicketsReturned>');
    expect(deactivationNotice('Done.', openTicketsPlan(2, 'handTo', 7)!, t)).toBe('Done. <users.openTicketsHandedOver>');
    expect(deactivationNotice('Done.', openTicketsPlan(2, 'keep')!, t)).toBe('Done.');
    expect(deactivationNotice('Done.', openTicketsPlan(0, 'return')!, t)).toBe('Done.');
  });
});
