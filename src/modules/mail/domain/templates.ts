/**
 * The mail templates: their keys and languages, which placeholders each may use, and
 * which go to clients or staff. Their built-in texts are in default-templates.ts;
 * administrators may override any of them (table mail_templates), and deleting the
 * override brings the default back. Bodies are Markdown with {{placeholders}}. Subjects carry
 * no ticket token: rendering puts `[T2026-000123]` in front (see render.ts).
 * A client answers by replying to the mail (it reaches the helpdesk mailbox, the
 * sender address). There is no client portal yet, so the mails to clients carry no
 * link to the ticket page: only staff can open it. {{ticket.url}} stays available
 * for an administrator's own texts and is in the mails to staff (SLA escalation,
 * a colleague's update about a ticket).
 * The prepaid alert has a text for each: staff get the contract page's link, the
 * client's contacts a text without it that asks them to reply.
 */
import { isLanguage, type Language } from '../../../shared/language.ts';

/** The language Kontor writes to a person in: theirs, or Czech when theirs is none it writes. */
export function mailLanguageOf(language: string): Language {
  return isLanguage(language) ? language : 'cs';
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

export function isTemplateKey(value: string): value is TemplateKey {
  return (TEMPLATE_KEYS as readonly string[]).includes(value);
}
