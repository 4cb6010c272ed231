import type { Config } from '../../config/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { AppError, conflict, forbidden, notFound } from '../../shared/errors.ts';
import { LANGUAGES, type Language } from '../../shared/language.ts';
import { auditWhoOf, hasPermission, type RequestContext } from '../identity/index.ts';
import { wholeNumberText } from '../../shared/number-text.ts';
import {
  DEFAULT_TEMPLATES,
  colleagueUpdateVars,
  escalationVars,
  isTicketNotice,
  PLACEHOLDERS,
  renderMail,
  templateProblems,
  TEMPLATE_KEYS,
  type ColleagueUpdateFacts,
  type EscalationFacts,
  type RenderedMail,
  type TemplateKey,
  type TemplateText,
  type TemplateVars,
  type TicketNoticeKey,
} from './domain/index.ts';
import type { MailTemplate, OutboxItem, OutboxMessage, OutboxQuery, PreviewInput, TemplateInput } from './mail.schemas.ts';
import * as outbox from './outbox.repo.ts';
import * as templates from './templates.repo.ts';

/**
 * Values the preview fills in when no ticket is chosen, per language. A template about no
 * ticket (the prepaid alerts) gets no ticket values: they would put a ticket token in the
 * subject, which the real mail does not have. The escalation is worded and its due time
 * written by the mapping its real mail is filled by (escalationVars), a colleague's update
 * by its own (colleagueUpdateVars).
 */
function sampleVars(key: TemplateKey, language: Language, publicUrl: string): TemplateVars {
  const url = new URL('/tickets/123', publicUrl).toString();
  const samples = {
    cs: ['Nefunguje tisk v účtárně', 'Strojírny Brno a.s.', 'Jana Nováková', 'Ovladač tiskárny jsme přeinstalovali.\nZkuste prosím tisk znovu.', 'Vyměněn toner a vyčištěna podávací jednotka.'],
    sk: ['Nefunguje tlač v účtovníctve', 'Strojárne Žilina a.s.', 'Jana Nováková', 'Ovládač tlačiarne sme preinštalovali.\nSkúste prosím tlač znova.', 'Vymenený toner a vyčistená podávacia jednotka.'],
    en: ['Printing fails in accounting', 'Example Manufacturing Ltd.', 'Jane Smith', 'We have reinstalled the printer driver.\nPlease try printing again.', 'Toner replaced and the feed unit cleaned.'],
  } as const;
  const [subject, client, recipient, comment, resolution] = samples[language];
  if (key === 'sla_escalation') {
    // A breach of the resolution deadline that moved the ticket to the escalation queue, told to its lead.
    const staff = {
      cs: { lead: 'Martin Svoboda', assignee: 'Petr Dvořák', queue: 'Eskalace', timeZone: 'Europe/Prague' },
      sk: { lead: 'Martin Kováč', assignee: 'Peter Horváth', queue: 'Eskalácia', timeZone: 'Europe/Bratislava' },
      en: { lead: 'Martin Shaw', assignee: 'Peter Wood', queue: 'Escalation', timeZone: 'Europe/Prague' },
    }[language];
    const breach: EscalationFacts = {
      ticketId: 123, number: 'T2026-000123', subject, priority: 'P2', clientName: client, queueName: staff.queue, assigneeName: staff.assignee,
      kind: 'breach', clocks: ['resolution'], warnAtPercent: 80, breachedMinutes: 15, dueAt: Date.parse('2026-11-02T13:00:00Z'), timeZone: staff.timeZone,
      movedToQueue: staff.queue, unassignedName: null,
    };
    return escalationVars(publicUrl, breach, staff.lead, language);
  }
  if (key === 'ticket_colleague_update') {
    // An internal note by the technician, told to a colleague who watches the ticket.
    const staff = { cs: ['Petr Dvořák', 'Martin Svoboda'], sk: ['Peter Horváth', 'Martin Kováč'], en: ['Peter Wood', 'Martin Shaw'] }[language];
    const note: ColleagueUpdateFacts = {
      ticketId: 123, number: 'T2026-000123', subject, clientName: client, actorName: staff[0]!, change: { kind: 'note' }, commentBody: comment,
    };
    return colleagueUpdateVars(publicUrl, note, staff[1]!, 'watcher', language);
  }
  // The prepaid alert's contract and minutes, written as the alert writes them (contracts.alerts.ts).
  const contractName = { cs: 'Správa IT – předplacené hodiny', sk: 'Správa IT – predplatené hodiny', en: 'IT management – prepaid hours' }[language];
  const minutes = (n: number) => wholeNumberText(n, language);
  const aboutTicket = PLACEHOLDERS[key].some((p) => p.startsWith('ticket.'));
  return {
    ...(aboutTicket ? { ticket: { number: 'T2026-000123', subject, url } } : {}), client: { name: client }, recipient: { name: recipient }, comment: { body: comment }, resolution_note: resolution,
    contract: { number: 'SM-2026-007', name: contractName, url: new URL('/contracts/7', publicUrl).toString() },
    prepaid: { period: '2026-11', percent: minutes(80), used: minutes(1440), allowance: minutes(1800), left: minutes(360) },
  };
}

/**
 * What a mail about the ticket with this number would be filled with now, in the language
 * given, if the caller may see the ticket (the tickets module's noticePreview; 404 otherwise).
 */
export type TicketNoticeValues = (ctx: RequestContext, key: TicketNoticeKey, language: Language, ticketNumber: string) => Promise<TemplateVars>;

/** The mail administration: outbox, templates, status. Everything needs mail.manage. */
export function createMailService(deps: { db: Db; clock: Clock; config: Pick<Config, 'smtpUrl' | 'publicUrl'>; ticketNoticeValues: TicketNoticeValues }) {
  const { db, clock, config, ticketNoticeValues } = deps;

  function requireManage(ctx: RequestContext): void {
    if (!hasPermission(ctx.actor, 'mail.manage')) throw forbidden();
  }

  function validated(key: TemplateKey, input: TemplateInput): TemplateText {
    const t = { subject: input.subject, body: input.body };
    const problems = templateProblems(key, t);
    const first = problems[0];
    if (first) {
      throw new AppError('validation', first.code, first.message, {
        details: problems.map((p) => ({ path: p.path, code: p.code, message: p.message })),
        extra: { placeholder: first.placeholder },
      });
    }
    return t;
  }

  async function listOutbox(ctx: RequestContext, q: OutboxQuery): Promise<{ items: OutboxItem[]; nextCursor: string | null }> {
    requireManage(ctx);
    const beforeId = q.cursor ? (decodeCursor(q.cursor, ['number'])[0] as number) : undefined;
    const rows = await outbox.listMessages(db, { status: q.status, beforeId, limit: q.limit + 1 });
    return pageOf(rows, q.limit, (r) => [r.id], outbox.toItem);
  }

  async function getMessage(ctx: RequestContext, id: number): Promise<OutboxMessage> {
    requireManage(ctx);
    const row = await outbox.findMessage(db, id);
    if (!row) throw notFound('Mail');
    return outbox.toMessage(row, await outbox.attachmentInfoOf(db, id));
  }

  async function retry(ctx: RequestContext, id: number): Promise<OutboxMessage> {
    requireManage(ctx);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const before = await outbox.findMessage(trx, id);
      if (!before) throw notFound('Mail');
      const after = await outbox.requeueFailed(trx, id, now);
      if (!after) throw conflict('not_failed', `Only a failed mail can be sent again; this one is ${before.status}`);
      await recordAudit(trx, now, auditWhoOf(ctx), {
        entity: 'mail',
        entityId: id,
        action: 'retry',
        before: { status: before.status, attempts: before.attempts, lastError: before.last_error },
        after: { status: after.status, attempts: after.attempts, nextAttemptAt: after.next_attempt_at },
      });
      return outbox.toMessage(after, await outbox.attachmentInfoOf(trx, id));
    });
  }

  async function status(ctx: RequestContext): Promise<{ smtpConfigured: boolean; pending: number; failed: number }> {
    requireManage(ctx);
    const counts = await outbox.countUnsent(db);
    return { smtpConfigured: config.smtpUrl !== '', pending: counts.pending + counts.sending, failed: counts.failed };
  }

  function toTemplate(key: TemplateKey, language: Language, row: templates.TemplateRow | null): MailTemplate {
    const t = row ?? DEFAULT_TEMPLATES[language][key];
    return {
      key, language, subject: t.subject, body: t.body, overridden: row !== null, updatedAt: row?.updated_at ?? null, placeholders: [...PLACEHOLDERS[key]],
      ticketPreview: isTicketNotice(key),
    };
  }

  async function listTemplates(ctx: RequestContext): Promise<MailTemplate[]> {
    requireManage(ctx);
    const overrides = await templates.listOverrides(db);
    const find = (key: TemplateKey, language: Language) => overrides.find((o) => o.key === key && o.language === language) ?? null;
    return TEMPLATE_KEYS.flatMap((key) => LANGUAGES.map((language) => toTemplate(key, language, find(key, language))));
  }

  async function saveTemplate(ctx: RequestContext, key: TemplateKey, language: Language, input: TemplateInput): Promise<MailTemplate> {
    requireManage(ctx);
    const t = validated(key, input);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const before = toTemplate(key, language, await templates.findOverride(trx, key, language));
      await templates.upsertOverride(trx, key, language, t, now.toISOString());
      const after = toTemplate(key, language, await templates.findOverride(trx, key, language));
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'mail_template', entityId: `${key}/${language}`, action: 'update', before, after });
      return after;
    });
  }

  async function resetTemplate(ctx: RequestContext, key: TemplateKey, language: Language): Promise<MailTemplate> {
    requireManage(ctx);
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const override = await templates.findOverride(trx, key, language);
      if (override && (await templates.deleteOverride(trx, key, language))) {
        await recordAudit(trx, now, auditWhoOf(ctx), {
          entity: 'mail_template',
          entityId: `${key}/${language}`,
          action: 'reset',
          before: toTemplate(key, language, override),
        });
      }
      return toTemplate(key, language, null);
    });
  }

  /**
   * The text rendered with sample values, or for a mail about a ticket (to its client's
   * contacts, an SLA escalation or a colleague's update to staff) with the values of a real
   * ticket: the same values its mail would be sent with now (tickets.notify.ts,
   * tickets.sla-escalation.ts, tickets.notify-colleagues.ts).
   * The prepaid alerts speak of a contract's minutes, which no ticket holds, and keep their samples.
   */
  async function preview(ctx: RequestContext, key: TemplateKey, language: Language, input: PreviewInput): Promise<RenderedMail> {
    requireManage(ctx);
    const template = validated(key, input);
    const vars = input.ticketNumber && isTicketNotice(key) ? await ticketNoticeValues(ctx, key, language, input.ticketNumber) : sampleVars(key, language, config.publicUrl);
    return renderMail(template, vars);
  }

  return { listOutbox, getMessage, retry, status, listTemplates, saveTemplate, resetTemplate, preview };
}

export type MailService = ReturnType<typeof createMailService>;
