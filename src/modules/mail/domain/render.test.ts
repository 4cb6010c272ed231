import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHtmlPart, renderMail, sanitizeMailHtml, substitute, templateProblems, valueAt, withoutEmptyLines } from './render.ts';
import { LANGUAGES } from '../../../shared/language.ts';
import { PLACEHOLDERS, TEMPLATE_KEYS } from './templates.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { mailDomain, retryDelayMs, ticketRootMessageId, ticketSubjectToken, withSubjectToken } from './threading.ts';

const vars = {
  ticket: { number: 'T2026-000123', subject: 'Tiskárna ve 2. patře netiskne', url: 'https://helpdesk.example.cz/tickets/123?tab=1&x=2' },
  client: { name: 'Strojírny Brno a.s.' },
  recipient: { name: 'Jana Nováková' },
  comment: { body: 'Ovladač jsme přeinstalovali.\nZkuste to prosím znovu.' },
  resolution_note: 'Vyměněn toner.',
};

const CLIENT_TEMPLATES = new Set<string>(['ticket_created', 'ticket_public_reply', 'ticket_waiting_for_client', 'ticket_resolved', 'ticket_closed', 'contract_prepaid_alert_client']);

describe('mail templates: defaults', () => {
  it('has every key in cs, sk and en, using only its own placeholders', () => {
    for (const language of LANGUAGES) {
      for (const key of TEMPLATE_KEYS) {
        const t = DEFAULT_TEMPLATES[language][key];
        expect([language, key, templateProblems(key, t)]).toEqual([language, key, []]);
        // Mails about a ticket name it; the prepaid alert is about a contract. Staff mails link the
        // page; a client's mail does not (no client portal yet: the link would end at a sign-in the
        // client cannot pass) and tells them to reply instead.
        const [numberOf, urlOf] = key.startsWith('contract_prepaid_alert') ? ['{{contract.number}}', '{{contract.url}}'] : ['{{ticket.number}}', '{{ticket.url}}'];
        expect(t.body).toContain(numberOf);
        if (CLIENT_TEMPLATES.has(key)) {
          expect(t.body).not.toContain(urlOf);
          if (key !== 'ticket_closed') expect(t.body).toMatch(/odpov|reply|answer/i);
        } else {
          expect(t.body).toContain(urlOf);
        }
      }
    }
  });

  it('renders Czech, Slovak and English with the ticket token in the subject', () => {
    expect(renderMail(DEFAULT_TEMPLATES.cs.ticket_created, vars).subject).toBe('[T2026-000123] Přijali jsme váš požadavek: Tiskárna ve 2. patře netiskne');
    expect(renderMail(DEFAULT_TEMPLATES.sk.ticket_resolved, vars).subject).toBe('[T2026-000123] Požiadavka vyriešená: Tiskárna ve 2. patře netiskne');
    const en = renderMail(DEFAULT_TEMPLATES.en.ticket_public_reply, vars);
    expect(en.subject).toBe('[T2026-000123] New reply to your request: Tiskárna ve 2. patře netiskne');
    expect(en.text).toContain('Hello Jana Nováková,');
    expect(en.text).toContain('Ovladač jsme přeinstalovali.\nZkuste to prosím znovu.');
    expect(en.html).toContain('Ovladač jsme přeinstalovali.<br />Zkuste to prosím znovu.');
  });
});

describe('mail templates: rendering', () => {
  it('leaves out a line of nothing but empty placeholders, and the paragraph break it stood in', () => {
    const empty = { a: '', b: '  ', c: 'C' };
    expect(withoutEmptyLines('Hi\n\n{{a}}\n\nBye', empty)).toBe('Hi\n\nBye');
    expect(withoutEmptyLines('Hi\n\n{{a}} {{ b }}\n\nBye', empty)).toBe('Hi\n\nBye');
    expect(withoutEmptyLines('{{a}}\n\nHi\nthere\n{{a}}\nBye\n\n{{a}}', empty)).toBe('Hi\nthere\nBye\n');
    // A value, or any text beside the placeholder, keeps the line.
    expect(withoutEmptyLines('Hi\n\n{{c}}\n\nBye', empty)).toBe('Hi\n\n{{c}}\n\nBye');
    expect(withoutEmptyLines('Hi\n\nNote: {{a}}\n\nBye', empty)).toBe('Hi\n\nNote: {{a}}\n\nBye');
    const r = renderMail({ subject: 's', body: 'Hi\n\n{{a}}\n\nBye' }, empty);
    expect(r.text).toBe('Hi\n\nBye\n');
    expect(r.html).toContain('<p>Hi</p>\n<p>Bye</p>');
  });

  it('substitutes dotted paths; missing, non-scalar and prototype paths are empty', () => {
    expect(substitute('{{ticket.number}}/{{ ticket.subject }}/{{nope.x}}/{{ticket}}/{{ticket.constructor}}', vars)).toBe(
      'T2026-000123/Tiskárna ve 2. patře netiskne///',
    );
    expect(valueAt({ a: { b: 5, c: true } }, 'a.b')).toBe('5');
    expect(valueAt({ a: null }, 'a.b')).toBe('');
  });

  it('escapes values in HTML: markup in a value never becomes markup', () => {
    const hostile = { ...vars, client: { name: '<script>alert(1)</script>' }, comment: { body: '<img src=x onerror=alert(1)> **bold?**' } };
    const r = renderMail({ subject: '{{client.name}}', body: 'Klient: {{client.name}}\n\n{{comment.body}}' }, hostile);
    expect(r.html).not.toContain('<script>');
    expect(r.html).not.toContain('<img');
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.html).toContain('**bold?**');
    expect(r.text).toContain('Klient: <script>alert(1)</script>');
    // The subject is plain text, never HTML.
    expect(r.subject).toBe('[T2026-000123] <script>alert(1)</script>');
  });

  it('renders the template Markdown, sanitised, and links URL values', () => {
    const r = renderMail(
      { subject: 's', body: '**Hotovo** [detail]({{ticket.url}}) {{ticket.url}}\n\n<script>x()</script>\n\n[bad](javascript:alert(1))' },
      vars,
    );
    expect(r.html).toContain('<strong>Hotovo</strong>');
    expect(r.html).toContain('href="https://helpdesk.example.cz/tickets/123?tab=1&amp;x=2"');
    expect(r.html.match(/<a href="https:/g)).toHaveLength(2);
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('>bad</a>');
    expect(r.html).not.toContain('javascript:');
  });

  it('renders each mail with its own values when one template serves many (its rendered body is kept)', () => {
    const template = { subject: '{{ticket.subject}}', body: 'Dobrý den, {{recipient.name}},\n\n[odkaz]({{ticket.url}}) — **{{ticket.subject}}**' };
    const names = ['Jana Nováková', '<b>Petr</b> & syn', 'Eva'];
    const urls = ['https://a.example/1', 'not a url', 'https://b.example/2?x=1&y=2'];
    const mails = names.map((name, i) => renderMail(template, { ...vars, recipient: { name }, ticket: { ...vars.ticket, subject: `Věc ${i}`, url: urls[i] } }));
    // The same again, in another order: a kept rendering never carries values over.
    const again = [2, 0, 1].map((i) => renderMail(template, { ...vars, recipient: { name: names[i] }, ticket: { ...vars.ticket, subject: `Věc ${i}`, url: urls[i] } }));
    expect(again).toEqual([mails[2], mails[0], mails[1]]);
    expect(mails[0]!.html).toContain('Jana Nováková');
    expect(mails[0]!.html).toContain('href="https://a.example/1"');
    expect(mails[1]!.html).toContain('&lt;b&gt;Petr&lt;/b&gt; &amp; syn');
    expect(mails[1]!.html).not.toContain('href="https://a.example');
    expect(mails[2]!.html).toContain('href="https://b.example/2?x=1&amp;y=2"');
    expect(mails[2]!.html).toContain('<strong>Věc 2</strong>');
  });

  it('property: an HTML part left without the second pass is exactly what the second pass would make of it', () => {
    const bodies = [
      ...TEMPLATE_KEYS.flatMap((key) => LANGUAGES.map((lang) => DEFAULT_TEMPLATES[lang][key].body)),
      'Dobrý den, {{recipient.name}},\n\n**{{ticket.subject}}**\n\n> {{comment.body}}\n\n[odkaz]({{ticket.url}}) {{ticket.url}}',
      '| a | b |\n|---|---|\n| {{client.name}} | `{{ticket.number}}` |\n\n- {{comment.body}}\n- _{{resolution_note}}_',
      '[click]({{comment.body}}) [t](https://example.com "{{client.name}}")',
    ];
    const text = fc.oneof(fc.string(), fc.constantFrom('<script>alert(1)</script>', '" onmouseover="x', "it's & <b>", 'javascript:alert(1)', 'a\nb\r\nc', '**bold** _it_ [l](x)', 'kph0q', 'https://kph0q.invalid'));
    const url = fc.oneof(text, fc.constantFrom('https://helpdesk.example.cz/t/1?a=1&b=2', 'http://x.example/a_b'));
    fc.assert(
      fc.property(fc.constantFrom(...bodies), text, text, url, text, text, (body, name, subject, ticketUrl, comment, note) => {
        const values = { recipient: { name }, client: { name }, ticket: { number: 'T2026-000001', subject, url: ticketUrl }, comment: { body: comment }, resolution_note: note };
        const { html, sanitisedAgain } = renderHtmlPart(body, values);
        if (!sanitisedAgain) expect(sanitizeMailHtml(html)).toBe(html);
        // Whatever the values, no tag carries a script, a handler or a javascript: link.
        for (const tag of html.match(/<[^>]*>/g) ?? []) {
          expect(tag).not.toMatch(/^<script|href="\s*javascript:/i);
          expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+=/i);
        }
      }),
      { numRuns: 400 },
    );
    // Both paths are taken: a URL value in a link target skips the pass, any other value there takes it.
    const link = '[odkaz]({{ticket.url}})';
    expect(renderHtmlPart(link, { ticket: { url: 'https://a.example/1' } }).sanitisedAgain).toBe(false);
    expect(renderHtmlPart(link, { ticket: { url: 'javascript:alert(1)' } }).sanitisedAgain).toBe(true);
  });

  it('never lets a value put a javascript: link into an href', () => {
    const r = renderMail({ subject: 's', body: '[click]({{comment.body}})' }, { comment: { body: 'javascript:alert(1)' } });
    expect(r.html).not.toContain('javascript:');
  });

  it('reports unknown placeholders and broken braces', () => {
    expect(templateProblems('ticket_created', { subject: '{{ticket.numbr}}', body: '{{comment.body}} {{ 1+1 }} {{ticket.url' })).toEqual([
      expect.objectContaining({ path: 'subject', code: 'unknown_placeholder', placeholder: 'ticket.numbr' }),
      expect.objectContaining({ path: 'body', code: 'unknown_placeholder', placeholder: 'comment.body' }),
      expect.objectContaining({ path: 'body', code: 'invalid_placeholder', placeholder: '1+1' }),
      expect.objectContaining({ path: 'body', code: 'invalid_placeholder' }),
    ]);
    expect(templateProblems('ticket_public_reply', { subject: 'x', body: '{{comment.body}}' })).toEqual([]);
    expect(PLACEHOLDERS.ticket_resolved).toContain('resolution_note');
  });
});

describe('mail threading and retries', () => {
  it('makes the ticket token, the thread root and the sender domain', () => {
    expect(ticketSubjectToken('T2026-000123')).toBe('[T2026-000123]');
    expect(withSubjectToken('Re: [T2026-000123] Tisk', 'T2026-000123')).toBe('Re: [T2026-000123] Tisk');
    expect(mailDomain('Helpdesk <Helpdesk@Example.CZ>')).toBe('example.cz');
    expect(mailDomain('podpora@firma.sk')).toBe('firma.sk');
    expect(mailDomain('nonsense')).toBe('kontor.invalid');
    expect(ticketRootMessageId('T2026-000123', 'example.cz')).toBe('<ticket-T2026-000123@example.cz>');
  });

  it('backs off 1, 2, 4 … minutes, at most an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });
});
