import type { Language } from '../../../shared/language.ts';
import type { TemplateVars } from './render.ts';

/**
 * The values of the `sla_escalation` template: the one mapping for the mail the SLA
 * watcher sends, for the template preview filled from a real ticket, and for the
 * preview's sample. Dates, minutes and sentences come out in the template's language.
 */

/** The SLA clocks an escalation may speak of. */
export type EscalationClock = 'firstResponse' | 'resolution';

/** What an escalation says about its ticket, whoever it goes to. */
export interface EscalationFacts {
  ticketId: number;
  number: string;
  subject: string;
  priority: string;
  clientName: string;
  queueName: string;
  assigneeName: string | null;
  kind: 'warning' | 'breach';
  /** The clocks that crossed, with the kind above. */
  clocks: readonly EscalationClock[];
  warnAtPercent: number;
  /** Whole business minutes over the target (breach). */
  breachedMinutes: number | null;
  /** The earliest due time of those clocks (epoch ms); null while paused. */
  dueAt: number | null;
  /** The SLA calendar's time zone, which the due time is written in. */
  timeZone: string;
  /** The queue the breach moved the ticket to, if it did. */
  movedToQueue: string | null;
  /** The assignee the move took off the ticket (they may not work the new queue), if it did. */
  unassignedName: string | null;
}

const LOCALE: Record<Language, string> = { cs: 'cs-CZ', sk: 'sk-SK', en: 'en-GB' };

const TEXT: Record<Language, {
  event: Record<EscalationFacts['kind'], string>;
  clock: Record<EscalationClock, string>;
  warning: (clocks: string, percent: number) => string;
  breach: (clocks: string, minutes: number | null) => string;
  moved: (queue: string) => string;
  unassigned: (name: string, queue: string) => string;
  nobody: string;
  and: string;
}> = {
  cs: {
    event: { warning: 'Blíží se termín SLA', breach: 'Porušení SLA' },
    clock: { firstResponse: 'první reakci', resolution: 'vyřešení' },
    warning: (c, p) => `lhůta pro ${c} je z ${p} % vyčerpána.`,
    breach: (c, m) => `lhůta pro ${c} byla překročena${m ? ` o ${m} min` : ''}.`,
    moved: (q) => `Požadavek byl přesunut do fronty ${q}.`,
    unassigned: (n, q) => `${n} nemůže řešit požadavky fronty ${q}, proto už požadavek nemá řešitele.`,
    nobody: 'nepřiřazen',
    and: ' a ',
  },
  sk: {
    event: { warning: 'Blíži sa termín SLA', breach: 'Porušenie SLA' },
    clock: { firstResponse: 'prvú reakciu', resolution: 'vyriešenie' },
    warning: (c, p) => `lehota na ${c} je z ${p} % vyčerpaná.`,
    breach: (c, m) => `lehota na ${c} bola prekročená${m ? ` o ${m} min` : ''}.`,
    moved: (q) => `Požiadavka bola presunutá do frontu ${q}.`,
    unassigned: (n, q) => `${n} nemôže riešiť požiadavky frontu ${q}, preto už požiadavka nemá riešiteľa.`,
    nobody: 'nepriradená',
    and: ' a ',
  },
  en: {
    event: { warning: 'SLA warning', breach: 'SLA breach' },
    clock: { firstResponse: 'first response', resolution: 'resolution' },
    warning: (c, p) => `${p} % of the time for the ${c} is used up.`,
    breach: (c, m) => `the ${c} deadline was missed${m ? ` by ${m} min` : ''}.`,
    moved: (q) => `The ticket was moved to the queue ${q}.`,
    unassigned: (n, q) => `${n} cannot work the tickets of the queue ${q}, so the ticket is now unassigned.`,
    nobody: 'unassigned',
    and: ' and ',
  },
};

function formatInstant(ms: number | null, language: Language, timeZone: string): string {
  if (ms === null) return '—';
  try {
    return new Intl.DateTimeFormat(LOCALE[language], { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  } catch {
    return new Date(ms).toISOString();
  }
}

/** The placeholders' values of an escalation mail to one recipient, in their language. */
export function escalationVars(publicUrl: string, e: EscalationFacts, recipientName: string, language: Language): TemplateVars {
  const text = TEXT[language];
  const clocks = e.clocks.map((c) => text.clock[c]).join(text.and);
  return {
    ticket: { number: e.number, subject: e.subject, url: `${publicUrl.replace(/\/$/, '')}/tickets/${e.ticketId}`, priority: e.priority },
    client: { name: e.clientName },
    recipient: { name: recipientName },
    queue: { name: e.queueName },
    assignee: { name: e.assigneeName ?? text.nobody },
    sla: {
      event: text.event[e.kind],
      detail: e.kind === 'breach' ? text.breach(clocks, e.breachedMinutes) : text.warning(clocks, e.warnAtPercent),
      due_at: formatInstant(e.dueAt, language, e.timeZone),
      action: e.movedToQueue
        ? [text.moved(e.movedToQueue), ...(e.unassignedName ? [text.unassigned(e.unassignedName, e.movedToQueue)] : [])].join(' ')
        : '',
    },
  };
}
