import { describe, expect, it } from 'vitest';
import { placeholderOf } from '../shared/serverErrors';
import { insertPlaceholder, previewState, templateFieldErrors, ticketRefusal, unknownPlaceholders } from './templateModel';

describe('template editor helpers', () => {
  it('inserts a placeholder at the cursor or over a selection', () => {
    expect(insertPlaceholder('Dobrý den, ', 'recipient.name', 11)).toEqual({ text: 'Dobrý den, {{recipient.name}}', cursor: 29 });
    expect(insertPlaceholder('Ticket XYZ done', 'ticket.number', 7, 10)).toEqual({ text: 'Ticket {{ticket.number}} done', cursor: 24 });
    expect(insertPlaceholder('abc', 'x', 99).text).toBe('abc{{x}}');
  });

  it('reads the placeholder of unknown_placeholder from the message', () => {
    const details = [
      { path: 'subject', code: 'unknown_placeholder', message: 'Unknown placeholder {{ticket.numbr}}; this template knows {{ticket.number}}, {{ticket.url}}' },
      { path: 'body', code: 'invalid_placeholder', message: 'Unbalanced "{{" or "}}"' },
      { path: 'body', code: 'unknown_placeholder', message: 'Unknown placeholder {{comment.body}}; …' },
    ];
    expect(templateFieldErrors(details)).toEqual({
      subject: { code: 'unknown_placeholder', placeholder: 'ticket.numbr' },
      body: { code: 'invalid_placeholder', placeholder: null },
    });
    expect(placeholderOf('"{{ a b }}" is not a placeholder name')).toBe('a b');
  });

  it('finds unknown placeholders locally', () => {
    expect(unknownPlaceholders('{{ticket.number}} {{ ticket.numbr }} {{x}} {{x}}', ['ticket.number'])).toEqual(['ticket.numbr', 'x']);
  });
});

describe('template preview box', () => {
  const allowed = ['ticket.number', 'ticket.url'];
  const none = { hasData: false, failed: false };
  it('says which placeholder is unknown in a filled-in template, not "fill in the subject and body"', () => {
    expect(previewState({ subject: 'Vyřešeno: {{ticket.numbr}}', body: 'Text {{ticket.url}}' }, allowed, { hasData: false, failed: true })).toEqual({ kind: 'unknown', placeholders: ['ticket.numbr'] });
    expect(previewState({ subject: 'Vyřešeno', body: '{{x}} {{ y }}' }, allowed, none)).toEqual({ kind: 'unknown', placeholders: ['x', 'y'] });
  });
  it('asks to fill in only what is empty, and otherwise shows the preview, its loading or the server’s problem', () => {
    expect(previewState({ subject: ' ', body: '{{x}}' }, allowed, none)).toEqual({ kind: 'blank' });
    expect(previewState({ subject: 'S', body: '{{ticket.number}}' }, allowed, { hasData: true, failed: false })).toEqual({ kind: 'ready' });
    expect(previewState({ subject: 'S', body: 'B' }, allowed, none)).toEqual({ kind: 'loading' });
    expect(previewState({ subject: 'S', body: 'B {{' }, allowed, { hasData: false, failed: true })).toEqual({ kind: 'failed' });
  });
  it('tells a refused ticket apart from a problem of the text', () => {
    expect(ticketRefusal([{ path: 'ticketNumber', code: 'unknown_ticket', message: 'No ticket T2026-999999 that you may see' }])).toBe('unknown_ticket');
    expect(ticketRefusal([{ path: 'ticketNumber', code: 'no_sla_target', message: 'Ticket T2026-000008 has no SLA target' }])).toBe('no_sla_target');
    expect(ticketRefusal([{ path: 'ticketNumber', code: 'no_colleague_update', message: 'Ticket T2026-000008 has no change to tell colleagues about' }])).toBe('no_colleague_update');
    expect(ticketRefusal([{ path: 'body', code: 'unknown_placeholder', message: 'Unknown placeholder {{x}}' }])).toBeNull();
    expect(ticketRefusal([])).toBeNull();
  });
});
