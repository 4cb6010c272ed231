import type { Language } from '../../../shared/language.ts';
import type { TemplateVars } from './render.ts';

/**
 * The values of the `ticket_colleague_update` template: the mail a colleague gets about a
 * change of a ticket they watch (or one just assigned to them). The one mapping for the
 * mail sent (tickets.notify-colleagues.ts) and for the template preview's sample. The
 * sentences and the names of the default states come out in the recipient's language.
 */

/** What happened to the ticket. */
export type ColleagueChange =
  | { kind: 'reply' }
  | { kind: 'note' }
  | { kind: 'state'; from: NamedState; to: NamedState }
  | { kind: 'assignee'; from: string | null; to: string | null };

/** A state as the ticket's process names it: a default state keeps its code's name in every language. */
export interface NamedState {
  code: string;
  name: string;
}

/** Why this colleague gets the mail. */
export type ColleagueReason = 'watcher' | 'assignee';

/** What a colleague's mail says about the change, whoever it goes to. */
export interface ColleagueUpdateFacts {
  ticketId: number;
  number: string;
  subject: string;
  clientName: string;
  /** Who made the change. */
  actorName: string;
  change: ColleagueChange;
  /** The reply, the internal note, or the public message written with a state change. */
  commentBody: string | null;
}

/**
 * The default process's states, named in each language. They are stored with their English
 * names (helpdesk DEFAULT_PROCESS); while a state keeps that name it is written in the
 * recipient's language, and a state an administrator renamed or added keeps its own name
 * (the rule the web app follows).
 */
const DEFAULT_STATE_NAMES: Record<Language, Readonly<Record<string, string>>> = {
  cs: { new: 'Nový', open: 'Otevřený', in_progress: 'V řešení', waiting_for_client: 'Čeká na klienta', waiting_for_third_party: 'Čeká na třetí stranu', resolved: 'Vyřešený', closed: 'Uzavřený' },
  sk: { new: 'Nová', open: 'Otvorená', in_progress: 'V riešení', waiting_for_client: 'Čaká na klienta', waiting_for_third_party: 'Čaká na tretiu stranu', resolved: 'Vyriešená', closed: 'Uzavretá' },
  en: { new: 'New', open: 'Open', in_progress: 'In progress', waiting_for_client: 'Waiting for client', waiting_for_third_party: 'Waiting for third party', resolved: 'Resolved', closed: 'Closed' },
};

export function stateNameIn(language: Language, state: NamedState): string {
  const isDefault = DEFAULT_STATE_NAMES.en[state.code] === state.name;
  return isDefault ? (DEFAULT_STATE_NAMES[language][state.code] ?? state.name) : state.name;
}

const TEXT: Record<Language, {
  event: Record<ColleagueChange['kind'] | 'assignedToYou', string>;
  reply: string;
  note: string;
  state: (from: string, to: string) => string;
  assignee: (from: string, to: string) => string;
  nobody: string;
  reason: Record<ColleagueReason, string>;
}> = {
  cs: {
    event: { reply: 'Odpověď klientovi', note: 'Interní poznámka', state: 'Změna stavu', assignee: 'Změna řešitele', assignedToYou: 'Přidělen vám' },
    reply: 'veřejná odpověď klientovi.',
    note: 'interní poznámka (klient ji nevidí).',
    state: (from, to) => `stav ${from} → ${to}.`,
    assignee: (from, to) => `řešitel ${from} → ${to}.`,
    nobody: 'žádný',
    reason: { watcher: 'Požadavek sledujete.', assignee: 'Požadavek vám byl přidělen.' },
  },
  sk: {
    event: { reply: 'Odpoveď klientovi', note: 'Interná poznámka', state: 'Zmena stavu', assignee: 'Zmena riešiteľa', assignedToYou: 'Pridelená vám' },
    reply: 'verejná odpoveď klientovi.',
    note: 'interná poznámka (klient ju nevidí).',
    state: (from, to) => `stav ${from} → ${to}.`,
    assignee: (from, to) => `riešiteľ ${from} → ${to}.`,
    nobody: 'žiadny',
    reason: { watcher: 'Požiadavku sledujete.', assignee: 'Požiadavka vám bola pridelená.' },
  },
  en: {
    event: { reply: 'Reply to the client', note: 'Internal note', state: 'State changed', assignee: 'Assignee changed', assignedToYou: 'Assigned to you' },
    reply: 'a public reply to the client.',
    note: 'an internal note (the client does not see it).',
    state: (from, to) => `state ${from} → ${to}.`,
    assignee: (from, to) => `assignee ${from} → ${to}.`,
    nobody: 'none',
    reason: { watcher: 'You watch this ticket.', assignee: 'The ticket was assigned to you.' },
  },
};

/** The placeholders' values of a colleague's mail about a change, in their language. */
export function colleagueUpdateVars(publicUrl: string, f: ColleagueUpdateFacts, recipientName: string, reason: ColleagueReason, language: Language): TemplateVars {
  const text = TEXT[language];
  const c = f.change;
  const detail = c.kind === 'reply' ? text.reply
    : c.kind === 'note' ? text.note
      : c.kind === 'state' ? text.state(stateNameIn(language, c.from), stateNameIn(language, c.to))
        : text.assignee(c.from ?? text.nobody, c.to ?? text.nobody);
  return {
    ticket: { number: f.number, subject: f.subject, url: `${publicUrl.replace(/\/$/, '')}/tickets/${f.ticketId}` },
    client: { name: f.clientName },
    recipient: { name: recipientName, reason: text.reason[reason] },
    change: {
      event: c.kind === 'assignee' && reason === 'assignee' ? text.event.assignedToYou : text.event[c.kind],
      actor: f.actorName,
      detail,
    },
    comment: { body: f.commentBody ?? '' },
  };
}
