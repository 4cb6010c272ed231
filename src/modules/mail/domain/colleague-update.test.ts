import { describe, expect, it } from 'vitest';
import { colleagueUpdateVars, stateNameIn, type ColleagueUpdateFacts } from './colleague-update.ts';
import { renderMail } from './render.ts';
import { LANGUAGES } from '../../../shared/language.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';

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

  it('leaves no gap where the comment would be when a change has none, and keeps a reply\'s text', () => {
    for (const language of LANGUAGES) {
      const template = DEFAULT_TEMPLATES[language].ticket_colleague_update;
      const assigned = renderMail(template, colleagueUpdateVars('https://k', { ...facts, change: { kind: 'assignee', from: null, to: 'Martin' } }, 'Martin', 'assignee', language));
      expect(assigned.text).not.toMatch(/\n\s*\n\s*\n/);
      expect(assigned.text).toMatch(/: Olga\n\n[^\n]+: https:\/\/k\/tickets\/7\n/);
      expect(assigned.html).not.toMatch(/<p>\s*<\/p>/);

      const reply = renderMail(template, colleagueUpdateVars('https://k', { ...facts, change: { kind: 'reply' }, commentBody: 'Ovladač jsme přeinstalovali.\nZkuste to znovu.' }, 'Martin', 'watcher', language));
      expect(reply.text).toMatch(/: Olga\n\nOvladač jsme přeinstalovali.\nZkuste to znovu.\n\n[^\n]+: https:\/\/k\/tickets\/7\n/);
      expect(reply.html).toContain('Ovladač jsme přeinstalovali.<br />Zkuste to znovu.');
    }
  });
});
