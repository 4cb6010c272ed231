import { describe, expect, it } from 'vitest';
import { colleagueUpdateVars, stateNameIn, type ColleagueUpdateFacts } from './colleague-update.ts';

describe('a colleague\'s update about a ticket', () => {
  const facts: ColleagueUpdateFacts = {
    ticketId: 7, number: 'T2026-000007', subject: 'Tisk', clientName: 'Strojírny', actorName: 'Olga',
    change: { kind: 'state', from: { code: 'new', name: 'New' }, to: { code: 'waiting_for_client', name: 'Čekáme na zákazníka' } }, commentBody: null,
  };

  it('names the default states in the recipient\'s language and a renamed or added state as it is named', () => {
    expect(stateNameIn('sk', { code: 'in_progress', name: 'In progress' })).toBe('V riešení');
    expect(stateNameIn('cs', { code: 'waiting_for_client', name: 'Čekáme na zákazníka' })).toBe('Čekáme na zákazníka');
    expect(stateNameIn('cs', { code: 'on_site', name: 'On site' })).toBe('On site');
    expect(colleagueUpdateVars('https://kontor.example/', facts, 'Martin', 'watcher', 'cs')).toMatchObject({
      ticket: { url: 'https://kontor.example/tickets/7' }, change: { event: 'Změna stavu', actor: 'Olga', detail: 'stav Nový → Čekáme na zákazníka.' }, comment: { body: '' },
    });
  });

  it('says "assigned to you" only to the assignee, and names no one as none', () => {
    const assigned = { ...facts, change: { kind: 'assignee', from: 'Petr', to: null } } as const;
    expect(colleagueUpdateVars('https://k', assigned, 'Martin', 'watcher', 'en').change).toEqual({ event: 'Assignee changed', actor: 'Olga', detail: 'assignee Petr → none.' });
    expect(colleagueUpdateVars('https://k', { ...assigned, change: { kind: 'assignee', from: null, to: 'Martin' } }, 'Martin', 'assignee', 'sk'))
      .toMatchObject({ change: { event: 'Pridelená vám', detail: 'riešiteľ žiadny → Martin.' }, recipient: { reason: 'Požiadavka vám bola pridelená.' } });
  });
});
