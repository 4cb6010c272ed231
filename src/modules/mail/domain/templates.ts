/**
 * The built-in mail templates: one per key and language. Administrators may
 * override any of them (table mail_templates); deleting the override brings
 * the default back. Bodies are Markdown with {{placeholders}}. Subjects carry
 * no ticket token: rendering puts `[T2026-000123]` in front (see render.ts).
 * A client answers by replying to the mail (it reaches the helpdesk mailbox, the
 * sender address). There is no client portal yet, so the mails to clients carry no
 * link to the ticket page: only staff can open it. {{ticket.url}} stays available
 * for an administrator's own texts and is in the mails to staff (SLA escalation,
 * a colleague's update about a ticket).
 * The prepaid alert has a text for each: staff get the contract page's link, the
 * client's contacts a text without it that asks them to reply.
 */
export const MAIL_LANGUAGES = ['cs', 'sk', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** The language Kontor writes to a person in: theirs, or Czech when theirs is none it writes. */
export function mailLanguageOf(language: string): MailLanguage {
  return (MAIL_LANGUAGES as readonly string[]).includes(language) ? (language as MailLanguage) : 'cs';
}

export const TEMPLATE_KEYS = [
  'ticket_created',
  'ticket_public_reply',
  'ticket_waiting_for_client',
  'ticket_resolved',
  'ticket_closed',
  /** To staff (queue lead, assignee): an SLA warning or breach. */
  'sla_escalation',
  /** To colleagues watching a ticket, and to its new assignee: a reply, an internal note, a state or assignee change by someone else. */
  'ticket_colleague_update',
  /** To service managers: a period's prepaid minutes are 80 % / 100 % used. */
  'contract_prepaid_alert',
  /** The same to the client's contacts, if the contract says so: no link to the contract page (staff only), a reply reaches the helpdesk. */
  'contract_prepaid_alert_client',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/**
 * The mails about a ticket to its client's contacts (tickets.notify.ts): every value
 * comes from the ticket, so a preview can fill them from a real one.
 */
export const CLIENT_NOTICE_KEYS = ['ticket_created', 'ticket_public_reply', 'ticket_waiting_for_client', 'ticket_resolved', 'ticket_closed'] as const satisfies readonly TemplateKey[];
export type ClientNoticeKey = (typeof CLIENT_NOTICE_KEYS)[number];

export function isClientNotice(key: TemplateKey): key is ClientNoticeKey {
  return (CLIENT_NOTICE_KEYS as readonly TemplateKey[]).includes(key);
}

/**
 * The mails about a ticket to staff (tickets.sla-escalation.ts, tickets.notify-colleagues.ts):
 * the ticket, its SLA clock and its timeline hold every value, so a preview can fill them
 * from a real ticket too (the colleague's update from the ticket's latest change).
 */
export const STAFF_TICKET_NOTICE_KEYS = ['sla_escalation', 'ticket_colleague_update'] as const satisfies readonly TemplateKey[];

/** Every mail about one ticket, to its client's contacts or to staff: the preview can fill them from a real ticket. */
export type TicketNoticeKey = ClientNoticeKey | (typeof STAFF_TICKET_NOTICE_KEYS)[number];

export function isTicketNotice(key: TemplateKey): key is TicketNoticeKey {
  return isClientNotice(key) || (STAFF_TICKET_NOTICE_KEYS as readonly TemplateKey[]).includes(key);
}

export interface TemplateText {
  subject: string;
  /** Markdown. */
  body: string;
}

const COMMON = ['ticket.number', 'ticket.subject', 'ticket.url', 'client.name', 'recipient.name'] as const;

/** The placeholders each template may use; anything else is refused when an admin saves a template. */
export const PLACEHOLDERS: Readonly<Record<TemplateKey, readonly string[]>> = {
  ticket_created: COMMON,
  ticket_public_reply: [...COMMON, 'comment.body'],
  ticket_waiting_for_client: [...COMMON, 'comment.body'],
  ticket_resolved: [...COMMON, 'resolution_note'],
  ticket_closed: [...COMMON, 'resolution_note'],
  // sla.event: "SLA warning" / "SLA breach"; sla.detail: one sentence on which clock and how far;
  // sla.due_at: the deadline in the calendar's time zone; sla.action: e.g. the move to the escalation queue, or empty.
  sla_escalation: [...COMMON, 'ticket.priority', 'queue.name', 'assignee.name', 'sla.event', 'sla.detail', 'sla.due_at', 'sla.action'],
  // change.event: e.g. "Internal note" (for the subject); change.actor: who; change.detail: what, e.g. "state New → In progress.";
  // comment.body: the reply or note (or the message of a state change), else empty; recipient.reason: why they get it (watching, assigned).
  ticket_colleague_update: [...COMMON, 'change.event', 'change.actor', 'change.detail', 'comment.body', 'recipient.reason'],
  // prepaid.*: whole minutes and percent of the period's allowance (own minutes + carried); contract.url: its page.
  contract_prepaid_alert: ['contract.number', 'contract.name', 'contract.url', 'client.name', 'recipient.name', 'prepaid.period', 'prepaid.percent', 'prepaid.used', 'prepaid.allowance', 'prepaid.left'],
  contract_prepaid_alert_client: ['contract.number', 'contract.name', 'client.name', 'recipient.name', 'prepaid.period', 'prepaid.percent', 'prepaid.used', 'prepaid.allowance', 'prepaid.left'],
};

const lines = (...l: string[]) => l.join('\n');

const cs: Record<TemplateKey, TemplateText> = {
  ticket_created: {
    subject: 'Přijali jsme váš požadavek: {{ticket.subject}}',
    body: lines(
      'Dobrý den,',
      '',
      'děkujeme, váš požadavek jsme přijali a evidujeme ho pod číslem {{ticket.number}}.',
      '',
      'Předmět: {{ticket.subject}}',
      '',
      'Chcete-li k němu něco doplnit, stačí odpovědět na tento e-mail.',
      '',
      'Při další komunikaci prosím uvádějte číslo požadavku.',
      '',
      'S pozdravem',
      'tým podpory',
    ),
  },
  ticket_public_reply: {
    subject: 'Nová odpověď k požadavku: {{ticket.subject}}',
    body: lines(
      'Dobrý den,',
      '',
      'k vašemu požadavku {{ticket.number}} přibyla nová odpověď:',
      '',
      '{{comment.body}}',
      '',
      'Odpovídat můžete přímo na tento e-mail.',
      '',
      'S pozdravem',
      'tým podpory',
    ),
  },
  ticket_waiting_for_client: {
    subject: 'Potřebujeme od vás doplnění: {{ticket.subject}}',
    body: lines(
      'Dobrý den,',
      '',
      'abychom mohli pokračovat v řešení požadavku {{ticket.number}}, potřebujeme od vás doplnění.',
      '',
      '{{comment.body}}',
      '',
      'Stačí odpovědět na tento e-mail. Do vaší odpovědi požadavek čeká.',
      '',
      'S pozdravem',
      'tým podpory',
    ),
  },
  ticket_resolved: {
    subject: 'Požadavek vyřešen: {{ticket.subject}}',
    body: lines(
      'Dobrý den,',
      '',
      'váš požadavek {{ticket.number}} jsme vyřešili.',
      '',
      '{{resolution_note}}',
      '',
      'Pokud problém přetrvává, stačí odpovědět na tento e-mail.',
      '',
      'S pozdravem',
      'tým podpory',
    ),
  },
  ticket_closed: {
    subject: 'Požadavek uzavřen: {{ticket.subject}}',
    body: lines(
      'Dobrý den,',
      '',
      'požadavek {{ticket.number}} jsme uzavřeli. Děkujeme za spolupráci.',
      '',
      'Budete-li potřebovat další pomoc, založte prosím nový požadavek.',
      '',
      'S pozdravem',
      'tým podpory',
    ),
  },
  sla_escalation: {
    subject: '{{sla.event}}: {{ticket.subject}}',
    body: lines(
      'Dobrý den,',
      '',
      'požadavek {{ticket.number}} klienta {{client.name}} potřebuje pozornost: {{sla.detail}}',
      '',
      '- Předmět: {{ticket.subject}}',
      '- Priorita: {{ticket.priority}}',
      '- Fronta: {{queue.name}}',
      '- Řešitel: {{assignee.name}}',
      '- Termín: {{sla.due_at}}',
      '',
      '{{sla.action}}',
      '',
      'Požadavek: {{ticket.url}}',
      '',
      'Tuto zprávu poslal Kontor automaticky.',
    ),
  },
  ticket_colleague_update: {
    subject: '{{change.event}}: {{ticket.subject}}',
    body: lines(
      'Dobrý den,',
      '',
      'novinka u požadavku {{ticket.number}} klienta {{client.name}}: {{change.detail}}',
      '',
      '- Předmět: {{ticket.subject}}',
      '- Kdo: {{change.actor}}',
      '',
      '{{comment.body}}',
      '',
      'Požadavek: {{ticket.url}}',
      '',
      '{{recipient.reason}} Tuto zprávu poslal Kontor automaticky.',
    ),
  },
  contract_prepaid_alert: {
    subject: 'Předplacené minuty smlouvy {{contract.number}} jsou z {{prepaid.percent}} % vyčerpány',
    body: lines(
      'Dobrý den,',
      '',
      'předplacené minuty smlouvy {{contract.number}} ({{contract.name}}) klienta {{client.name}} jsou v období {{prepaid.period}} z {{prepaid.percent}} % vyčerpány.',
      '',
      '- Vyčerpáno: {{prepaid.used}} min z {{prepaid.allowance}} min',
      '- Zbývá: {{prepaid.left}} min',
      '',
      'Práce nad rámec předplacených minut se účtuje podle smlouvy.',
      '',
      'Smlouva: {{contract.url}}',
      '',
      'Tuto zprávu poslal Kontor automaticky.',
    ),
  },
  contract_prepaid_alert_client: {
    subject: 'Předplacené minuty smlouvy {{contract.number}} jsou z {{prepaid.percent}} % vyčerpány',
    body: lines(
      'Dobrý den,',
      '',
      'předplacené minuty vaší smlouvy {{contract.number}} ({{contract.name}}) jsou v období {{prepaid.period}} z {{prepaid.percent}} % vyčerpány.',
      '',
      '- Vyčerpáno: {{prepaid.used}} min z {{prepaid.allowance}} min',
      '- Zbývá: {{prepaid.left}} min',
      '',
      'Práce nad rámec předplacených minut se účtuje podle smlouvy.',
      '',
      'Máte-li k tomu dotaz, stačí odpovědět na tento e-mail.',
      '',
      'S pozdravem',
      'tým podpory',
    ),
  },
};

const sk: Record<TemplateKey, TemplateText> = {
  ticket_created: {
    subject: 'Prijali sme vašu požiadavku: {{ticket.subject}}',
    body: lines(
      'Dobrý deň,',
      '',
      'ďakujeme, vašu požiadavku sme prijali a evidujeme ju pod číslom {{ticket.number}}.',
      '',
      'Predmet: {{ticket.subject}}',
      '',
      'Ak k nej chcete niečo doplniť, stačí odpovedať na tento e-mail.',
      '',
      'Pri ďalšej komunikácii prosím uvádzajte číslo požiadavky.',
      '',
      'S pozdravom',
      'tím podpory',
    ),
  },
  ticket_public_reply: {
    subject: 'Nová odpoveď k požiadavke: {{ticket.subject}}',
    body: lines(
      'Dobrý deň,',
      '',
      'k vašej požiadavke {{ticket.number}} pribudla nová odpoveď:',
      '',
      '{{comment.body}}',
      '',
      'Odpovedať môžete priamo na tento e-mail.',
      '',
      'S pozdravom',
      'tím podpory',
    ),
  },
  ticket_waiting_for_client: {
    subject: 'Potrebujeme od vás doplnenie: {{ticket.subject}}',
    body: lines(
      'Dobrý deň,',
      '',
      'aby sme mohli pokračovať v riešení požiadavky {{ticket.number}}, potrebujeme od vás doplnenie.',
      '',
      '{{comment.body}}',
      '',
      'Stačí odpovedať na tento e-mail. Do vašej odpovede požiadavka čaká.',
      '',
      'S pozdravom',
      'tím podpory',
    ),
  },
  ticket_resolved: {
    subject: 'Požiadavka vyriešená: {{ticket.subject}}',
    body: lines(
      'Dobrý deň,',
      '',
      'vašu požiadavku {{ticket.number}} sme vyriešili.',
      '',
      '{{resolution_note}}',
      '',
      'Ak problém pretrváva, stačí odpovedať na tento e-mail.',
      '',
      'S pozdravom',
      'tím podpory',
    ),
  },
  ticket_closed: {
    subject: 'Požiadavka uzavretá: {{ticket.subject}}',
    body: lines(
      'Dobrý deň,',
      '',
      'požiadavku {{ticket.number}} sme uzavreli. Ďakujeme za spoluprácu.',
      '',
      'Ak budete potrebovať ďalšiu pomoc, založte prosím novú požiadavku.',
      '',
      'S pozdravom',
      'tím podpory',
    ),
  },
  sla_escalation: {
    subject: '{{sla.event}}: {{ticket.subject}}',
    body: lines(
      'Dobrý deň,',
      '',
      'požiadavka {{ticket.number}} klienta {{client.name}} potrebuje pozornosť: {{sla.detail}}',
      '',
      '- Predmet: {{ticket.subject}}',
      '- Priorita: {{ticket.priority}}',
      '- Front: {{queue.name}}',
      '- Riešiteľ: {{assignee.name}}',
      '- Termín: {{sla.due_at}}',
      '',
      '{{sla.action}}',
      '',
      'Požiadavka: {{ticket.url}}',
      '',
      'Túto správu poslal Kontor automaticky.',
    ),
  },
  ticket_colleague_update: {
    subject: '{{change.event}}: {{ticket.subject}}',
    body: lines(
      'Dobrý deň,',
      '',
      'novinka pri požiadavke {{ticket.number}} klienta {{client.name}}: {{change.detail}}',
      '',
      '- Predmet: {{ticket.subject}}',
      '- Kto: {{change.actor}}',
      '',
      '{{comment.body}}',
      '',
      'Požiadavka: {{ticket.url}}',
      '',
      '{{recipient.reason}} Túto správu poslal Kontor automaticky.',
    ),
  },
  contract_prepaid_alert: {
    subject: 'Predplatené minúty zmluvy {{contract.number}} sú z {{prepaid.percent}} % vyčerpané',
    body: lines(
      'Dobrý deň,',
      '',
      'predplatené minúty zmluvy {{contract.number}} ({{contract.name}}) klienta {{client.name}} sú v období {{prepaid.period}} z {{prepaid.percent}} % vyčerpané.',
      '',
      '- Vyčerpané: {{prepaid.used}} min z {{prepaid.allowance}} min',
      '- Zostáva: {{prepaid.left}} min',
      '',
      'Práca nad rámec predplatených minút sa účtuje podľa zmluvy.',
      '',
      'Zmluva: {{contract.url}}',
      '',
      'Túto správu poslal Kontor automaticky.',
    ),
  },
  contract_prepaid_alert_client: {
    subject: 'Predplatené minúty zmluvy {{contract.number}} sú z {{prepaid.percent}} % vyčerpané',
    body: lines(
      'Dobrý deň,',
      '',
      'predplatené minúty vašej zmluvy {{contract.number}} ({{contract.name}}) sú v období {{prepaid.period}} z {{prepaid.percent}} % vyčerpané.',
      '',
      '- Vyčerpané: {{prepaid.used}} min z {{prepaid.allowance}} min',
      '- Zostáva: {{prepaid.left}} min',
      '',
      'Práca nad rámec predplatených minút sa účtuje podľa zmluvy.',
      '',
      'Ak k tomu máte otázku, stačí odpovedať na tento e-mail.',
      '',
      'S pozdravom',
      'tím podpory',
    ),
  },
};

const en: Record<TemplateKey, TemplateText> = {
  ticket_created: {
    subject: 'We have received your request: {{ticket.subject}}',
    body: lines(
      'Hello {{recipient.name}},',
      '',
      'Thank you for your request. We have logged it as {{ticket.number}}.',
      '',
      'Subject: {{ticket.subject}}',
      '',
      'To add anything to it, just reply to this e-mail.',
      '',
      'Please quote the request number in any further correspondence.',
      '',
      'Kind regards,',
      'The support team',
    ),
  },
  ticket_public_reply: {
    subject: 'New reply to your request: {{ticket.subject}}',
    body: lines(
      'Hello {{recipient.name}},',
      '',
      'There is a new reply to your request {{ticket.number}}:',
      '',
      '{{comment.body}}',
      '',
      'You can answer by simply replying to this e-mail.',
      '',
      'Kind regards,',
      'The support team',
    ),
  },
  ticket_waiting_for_client: {
    subject: 'We need more information: {{ticket.subject}}',
    body: lines(
      'Hello {{recipient.name}},',
      '',
      'To continue working on your request {{ticket.number}}, we need more information from you.',
      '',
      '{{comment.body}}',
      '',
      'Just reply to this e-mail. The request is on hold until we hear from you.',
      '',
      'Kind regards,',
      'The support team',
    ),
  },
  ticket_resolved: {
    subject: 'Request resolved: {{ticket.subject}}',
    body: lines(
      'Hello {{recipient.name}},',
      '',
      'We have resolved your request {{ticket.number}}.',
      '',
      '{{resolution_note}}',
      '',
      'If the problem persists, just reply to this e-mail.',
      '',
      'Kind regards,',
      'The support team',
    ),
  },
  ticket_closed: {
    subject: 'Request closed: {{ticket.subject}}',
    body: lines(
      'Hello {{recipient.name}},',
      '',
      'Your request {{ticket.number}} has been closed. Thank you for your cooperation.',
      '',
      'If you need further help, please open a new request.',
      '',
      'Kind regards,',
      'The support team',
    ),
  },
  sla_escalation: {
    subject: '{{sla.event}}: {{ticket.subject}}',
    body: lines(
      'Hello {{recipient.name}},',
      '',
      'Ticket {{ticket.number}} of {{client.name}} needs attention: {{sla.detail}}',
      '',
      '- Subject: {{ticket.subject}}',
      '- Priority: {{ticket.priority}}',
      '- Queue: {{queue.name}}',
      '- Assignee: {{assignee.name}}',
      '- Due: {{sla.due_at}}',
      '',
      '{{sla.action}}',
      '',
      'Ticket: {{ticket.url}}',
      '',
      'This message was sent automatically by Kontor.',
    ),
  },
  ticket_colleague_update: {
    subject: '{{change.event}}: {{ticket.subject}}',
    body: lines(
      'Hello {{recipient.name}},',
      '',
      'An update on ticket {{ticket.number}} of {{client.name}}: {{change.detail}}',
      '',
      '- Subject: {{ticket.subject}}',
      '- By: {{change.actor}}',
      '',
      '{{comment.body}}',
      '',
      'Ticket: {{ticket.url}}',
      '',
      '{{recipient.reason}} This message was sent automatically by Kontor.',
    ),
  },
  contract_prepaid_alert: {
    subject: '{{prepaid.percent}} % of the prepaid minutes of contract {{contract.number}} used',
    body: lines(
      'Hello {{recipient.name}},',
      '',
      '{{prepaid.percent}} % of the prepaid minutes of contract {{contract.number}} ({{contract.name}}) of {{client.name}} are used in the period {{prepaid.period}}.',
      '',
      '- Used: {{prepaid.used}} min of {{prepaid.allowance}} min',
      '- Left: {{prepaid.left}} min',
      '',
      'Work beyond the prepaid minutes is billed as the contract says.',
      '',
      'Contract: {{contract.url}}',
      '',
      'This message was sent automatically by Kontor.',
    ),
  },
  contract_prepaid_alert_client: {
    subject: '{{prepaid.percent}} % of the prepaid minutes of contract {{contract.number}} used',
    body: lines(
      'Hello {{recipient.name}},',
      '',
      '{{prepaid.percent}} % of the prepaid minutes of your contract {{contract.number}} ({{contract.name}}) are used in the period {{prepaid.period}}.',
      '',
      '- Used: {{prepaid.used}} min of {{prepaid.allowance}} min',
      '- Left: {{prepaid.left}} min',
      '',
      'Work beyond the prepaid minutes is billed as the contract says.',
      '',
      'If you have a question about it, just reply to this e-mail.',
      '',
      'Kind regards,',
      'The support team',
    ),
  },
};

export const DEFAULT_TEMPLATES: Readonly<Record<MailLanguage, Readonly<Record<TemplateKey, TemplateText>>>> = { cs, sk, en };

export function isTemplateKey(value: string): value is TemplateKey {
  return (TEMPLATE_KEYS as readonly string[]).includes(value);
}
