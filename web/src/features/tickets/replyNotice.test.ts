// @vitest-environment node
import { describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import { finishedTicketNotice, replyMailedTo } from './replyNotice';

const text = (key: string | null) => key?.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en);

describe('finishedTicketNotice', () => {
  it('a resolved or closed ticket: the reply is mailed (or only kept) and the state does not change', () => {
    expect(finishedTicketNotice('closed', 'public', true)).toBe('tickets.reply.finished.closed.mailed');
    expect(finishedTicketNotice('resolved', 'public', true)).toBe('tickets.reply.finished.resolved.mailed');
    // Nobody to mail, or an internal note: only on the timeline.
    expect(finishedTicketNotice('closed', 'public', false)).toBe('tickets.reply.finished.closed.kept');
    expect(finishedTicketNotice('resolved', 'internal', true)).toBe('tickets.reply.finished.resolved.kept');
    for (const key of ['closed.mailed', 'closed.kept', 'resolved.mailed', 'resolved.kept']) {
      expect(text(`tickets.reply.finished.${key}`), key).toMatch(/state does not change/);
    }
  });

  it('says nothing on a ticket still being worked on', () => {
    for (const category of ['new', 'open', 'waiting'] as const) expect(finishedTicketNotice(category, 'public', true)).toBeNull();
  });
});

describe('replyMailedTo', () => {
  it('names exactly the recipients the server mails: a watching contact without an e-mail is not among them', () => {
    // The ticket's watchers name a contact without an e-mail; the server leaves it out of mailRecipients.
    const ticket = { mailRecipients: [{ id: 3, name: 'Petr Dvořák', email: 'petr@firma.cz' }, { id: 9, name: 'Eva Nová', email: 'eva@firma.cz' }] };
    expect(replyMailedTo(ticket)).toBe('Petr Dvořák <petr@firma.cz>, Eva Nová <eva@firma.cz>');
  });

  it('nobody to mail: empty, and the finished ticket\'s notice says the reply is only kept', () => {
    const to = replyMailedTo({ mailRecipients: [] });
    expect(to).toBe('');
    expect(finishedTicketNotice('resolved', 'public', !!to)).toBe('tickets.reply.finished.resolved.kept');
  });
});
