import type { Tx } from '../../platform/db/index.ts';
import { enqueueMail, renderTemplate, threadHeaders, withSubjectToken, type MailLanguage } from '../mail/index.ts';
import type { SlaClockName } from './domain/sla/index.ts';
import type { NotifyConfig } from './tickets.notify.ts';

/**
 * The escalation mail of the SLA watcher (template `sla_escalation`): to the
 * queue lead(s) and the assignee, each in their own language, queued in the
 * watcher's transaction with an idempotency key per crossing and recipient.
 */

export interface Escalation {
  ticketId: number;
  number: string;
  subject: string;
  priority: string;
  clientName: string;
  queueName: string;
  assigneeName: string | null;
  kind: 'warning' | 'breach';
  /** The clocks that crossed, in this run, with the kind above. */
  clocks: readonly SlaClockName[];
  warnAtPercent: number;
  /** Whole business minutes over the target (breach). */
  breachedMinutes: number | null;
  dueAt: number | null;
  timeZone: string;
  /** The queue the breach moved the ticket to, if it did. */
  movedToQueue: string | null;
  /** The assignee the move took off the ticket (they may not work the new queue), if it did. */
  unassignedName: string | null;
  /** Users to tell; duplicates and inactive users without e-mail are left out. */
  userIds: readonly (number | null)[];
  /** Makes the mail unique per crossing (e.g. `breach:resolution:2026-11-03T16:00:00.000Z`). */
  eventKey: string;
}

const LOCALE: Record<MailLanguage, string> = { cs: 'cs-CZ', sk: 'sk-SK', en: 'en-GB' };

const TEXT: Record<MailLanguage, {
  event: Record<Escalation['kind'], string>;
  clock: Record<SlaClockName, string>;
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

function formatInstant(ms: number | null, language: MailLanguage, timeZone: string): string {
  if (ms === null) return '—';
  try {
    return new Intl.DateTimeFormat(LOCALE[language], { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  } catch {
    return new Date(ms).toISOString();
  }
}

/** Queues the escalation mail for every recipient; returns how many were queued. */
export async function mailEscalation(trx: Tx, at: Date, config: NotifyConfig, e: Escalation): Promise<number> {
  const ids = [...new Set(e.userIds.filter((id): id is number => id !== null))];
  if (!ids.length) return 0;
  const users = await trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'language'])
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  for (const user of users) {
    const language = (['cs', 'sk', 'en'].includes(user.language) ? user.language : 'cs') as MailLanguage;
    const text = TEXT[language];
    const clocks = e.clocks.map((c) => text.clock[c]).join(text.and);
    const rendered = await renderTemplate(trx, 'sla_escalation', language, {
      ticket: { number: e.number, subject: e.subject, url: `${config.publicUrl.replace(/\/$/, '')}/tickets/${e.ticketId}`, priority: e.priority },
      client: { name: e.clientName },
      recipient: { name: user.name },
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
    });
    await enqueueMail(trx, at, {
      to: [{ email: user.email, name: user.name }],
      subject: withSubjectToken(rendered.subject, e.number),
      text: rendered.text,
      html: rendered.html,
      ...threadHeaders({ ticketNumber: e.number, mailFrom: config.mailFrom, first: false }),
      ticketId: e.ticketId,
      template: { key: 'sla_escalation', language },
      idempotencyKey: `ticket:${e.ticketId}:sla:${e.eventKey}:user:${user.id}`,
    });
  }
  return users.length;
}
