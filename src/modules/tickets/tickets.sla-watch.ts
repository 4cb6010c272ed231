import type { Selectable } from 'kysely';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { periodicJob } from '../../platform/periodic.ts';
import { isPostgres, type Db, type TicketsTable, type Tx } from '../../platform/db/index.ts';
import { findQueue, getSlaPolicy, type EffectiveSlaPolicy } from '../helpdesk/index.ts';
import { computeSla, nextSlaCheckAt, slaTransitions, type SlaPolicy, type SlaState, type SlaTransition } from './domain/sla/index.ts';
import { crossingFigures, escalationLeads, escalationMoveOf, mailEscalation } from './tickets.sla-escalation.ts';
import type { NotifyConfig } from './tickets.notify.ts';
import { insertEvents } from './tickets.repo.ts';
import { checkedFrom, slaColumns, slaEventsOf, toCorePolicy } from './tickets.sla.ts';

/**
 * The SLA watcher: finds tickets whose next SLA check is due
 * (tickets.sla_next_check_at, kept by refreshSla and by this job), and reports
 * each warning and breach exactly once: ticket event, audit entry, escalation
 * mail to the queue lead and the assignee, and on a breach the move to the
 * policy's escalation queue (or, when that queue is inactive, an event saying the
 * move was skipped).
 *
 * Exactly once: the crossings are those between the end of the last checked
 * window (sla_checked_at) and now, computed by the pure core from the ticket's
 * SLA history; the new window end is written in the same transaction as
 * everything the crossings cause. A ticket is claimed for its transaction with
 * FOR UPDATE SKIP LOCKED on PostgreSQL (a second watcher skips it), and by a
 * conditional write on SQLite (writes are serialised; the second one finds the
 * check no longer due). A crash rolls the whole check back; the next run does it.
 */

export interface SlaWatchLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SlaWatchResult {
  /** Tickets looked at. */
  checked: number;
  /** Warnings recorded (one per clock that crossed its warning threshold). */
  warned: number;
  /** Breaches recorded (one per clock that went over its target). */
  breached: number;
  /** Tickets moved to their policy's escalation queue. */
  escalated: number;
}

export interface SlaWatcherOptions {
  /** Due tickets fetched per query. */
  batchSize?: number;
  /** At most this many tickets per run, so one run never goes on for ever. */
  maxPerRun?: number;
}

type TicketRow = Selectable<TicketsTable>;

const WATCHER: AuditWho = { userId: null, tokenId: null, name: 'system (SLA watcher)', ip: null };
const ACTOR = { userId: null, name: 'SLA' };
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createSlaWatcher(
  deps: { db: Db; clock: Clock; config: NotifyConfig; logger: SlaWatchLogger },
  options: SlaWatcherOptions = {},
) {
  const { db, clock, config, logger } = deps;
  const batchSize = options.batchSize ?? 50;
  const maxPerRun = options.maxPerRun ?? 1_000;
  const postgres = isPostgres(db);

  /** The ticket, locked for this transaction, if its check is still due; null when another watcher has it or did it. */
  async function claim(trx: Tx, id: number, now: string): Promise<TicketRow | null> {
    if (postgres) {
      const row = await trx.selectFrom('tickets').selectAll().where('id', '=', id).where('sla_next_check_at', '<=', now).forUpdate().skipLocked().executeTakeFirst();
      return row ?? null;
    }
    // A write first: it takes SQLite's write lock before anything is read.
    const row = await trx
      .updateTable('tickets')
      .set((eb) => ({ sla_next_check_at: eb.ref('sla_next_check_at') }))
      .where('id', '=', id)
      .where('sla_next_check_at', '<=', now)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Moves the ticket to the policy's escalation queue. Its assignee stays only if they
   * may be assigned a ticket of that queue (the rule a manual move is held to); else the
   * ticket is left unassigned, which its timeline and the escalation mail say.
   */
  async function moveToEscalationQueue(trx: Tx, row: TicketRow, policy: EffectiveSlaPolicy, now: Date, reason: object) {
    const targetId = policy.escalateToQueueId;
    if (targetId === null || targetId === row.queue_id) return null;
    const move = await escalationMoveOf(trx, row.assignee_id, targetId);
    if (!move) {
      logger.warn({ ticketId: row.id, queueId: targetId }, 'SLA escalation queue is missing or inactive: ticket not moved');
      // The timeline says it too: the ticket's people see why it stayed, not only whoever reads the server log.
      const target = await findQueue(trx, targetId);
      await insertEvents(trx, row.id, now.toISOString(), ACTOR, [
        { kind: 'escalation_skipped', field: 'queue', after: { id: targetId, name: target?.name ?? null, reason: target ? 'inactive' : 'missing' } },
      ]);
      return null;
    }
    const { queue: to, unassigned } = move;
    const from = await findQueue(trx, row.queue_id);
    const at = now.toISOString();
    await trx
      .updateTable('tickets')
      .set((eb) => ({ queue_id: to.id, ...(unassigned ? { assignee_id: null } : {}), updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
    const before = from ? { id: from.id, name: from.name } : { id: row.queue_id, name: '' };
    await insertEvents(trx, row.id, at, ACTOR, [
      { kind: 'escalated', field: 'queue', before, after: { id: to.id, name: to.name } },
      // The same change as a user's unassignment, so the timeline words it the same way.
      ...(unassigned ? [{ kind: 'field', field: 'assignee', before: { id: unassigned.id, name: unassigned.name }, after: null }] : []),
    ]);
    await recordAudit(trx, now, WATCHER, {
      entity: 'ticket', entityId: row.id, action: 'escalate',
      before: { queueId: row.queue_id, ...(unassigned ? { assigneeId: unassigned.id } : {}) },
      after: { queueId: to.id, ...(unassigned ? { assigneeId: null } : {}), ...reason },
    });
    return { queue: to, unassigned };
  }

  /** Tells the leads and the assignee about the worst crossing of this check; moves the ticket on a breach. */
  async function escalate(trx: Tx, row: TicketRow, policy: EffectiveSlaPolicy, state: SlaState, crossed: SlaTransition[], now: Date) {
    const kind = crossed.some((t) => t.kind === 'breach') ? 'breach' : 'warning';
    const worst = crossed.filter((t) => t.kind === kind);
    const clocks = [...new Set(worst.map((t) => t.clock))];
    const eventKey = `${kind}:${worst.map((t) => `${t.clock}@${iso(t.at) ?? ''}`).join(',')}`;
    const queue = await findQueue(trx, row.queue_id);
    const escalationQueue = policy.escalateToQueueId === null ? null : await findQueue(trx, policy.escalateToQueueId);
    const moved = kind === 'breach' ? await moveToEscalationQueue(trx, row, policy, now, { reason: 'sla_breach', clocks }) : null;
    const leads = escalationLeads(queue?.leadUserId ?? null, escalationQueue?.leadUserId ?? null, moved !== null);
    const client = await trx.selectFrom('clients').select('name').where('id', '=', row.client_id).executeTakeFirstOrThrow();
    // Unassigned by the move: the mail names nobody as the assignee and says why; the former assignee is still told.
    const assignee = row.assignee_id === null || moved?.unassigned ? null : await trx.selectFrom('users').select('name').where('id', '=', row.assignee_id).executeTakeFirst();
    await mailEscalation(trx, now, config, {
      ticketId: row.id, number: row.number, subject: row.subject, priority: row.priority, clientName: client.name,
      queueName: (moved?.queue ?? queue)?.name ?? '', assigneeName: assignee?.name ?? null, kind, clocks,
      warnAtPercent: state.warnAtPercent, ...crossingFigures(state, kind, clocks), timeZone: policy.calendar.timeZone, movedToQueue: moved?.queue.name ?? null,
      unassignedName: moved?.unassigned?.name ?? null,
      userIds: [...leads, row.assignee_id], eventKey,
    });
    return moved !== null;
  }

  /** One ticket's check in one transaction; null when it was not (or no longer) due. */
  async function checkTicket(id: number, now: Date): Promise<SlaWatchResult | null> {
    return db.transaction().execute(async (trx) => {
      const row = await claim(trx, id, now.toISOString());
      if (!row) return null;
      const result: SlaWatchResult = { checked: 1, warned: 0, breached: 0, escalated: 0 };
      const policy = row.sla_policy_id === null ? null : await getSlaPolicy(trx, row.sla_policy_id);
      if (!policy) {
        await trx.updateTable('tickets').set({ sla_next_check_at: null }).where('id', '=', id).execute();
        return result;
      }
      const core: SlaPolicy = toCorePolicy(policy);
      const events = await slaEventsOf(trx, id);
      const from = checkedFrom(row.sla_checked_at);
      // Never move the window end back (a server whose clock is behind).
      const until = Math.max(from, now.getTime());
      const state = computeSla(core, events, until);
      const crossed = from < until ? slaTransitions(computeSla(core, events, from), state) : [];
      const values = { ...slaColumns(state), sla_checked_at: iso(until), sla_next_check_at: iso(nextSlaCheckAt(core, state)) };
      const at = now.toISOString();
      for (const t of crossed) {
        const thresholdAt = iso(t.at) ?? at;
        const target = state[t.clock];
        const detail = {
          clock: t.clock, at: thresholdAt, dueAt: iso(target.dueAt), priority: state.priority,
          ...(t.kind === 'breach' ? { breachedMinutes: Math.round(target.breachedByMinutes ?? 0) } : { percent: state.warnAtPercent }),
        };
        if (t.kind === 'warning') {
          values.sla_warned_at = thresholdAt;
          result.warned++;
        } else {
          values.sla_breached_at = thresholdAt;
          result.breached++;
        }
        await insertEvents(trx, id, at, ACTOR, [{ kind: `sla_${t.kind}`, field: t.clock, after: detail }]);
        await recordAudit(trx, now, WATCHER, { entity: 'ticket', entityId: id, action: `sla_${t.kind}`, after: detail });
      }
      await trx.updateTable('tickets').set(values).where('id', '=', id).execute();
      // Only a clock still open is worth telling anyone about; a late answer already given is a fact for reports.
      const actionable = crossed.filter((t) => state[t.clock].metAt === null);
      if (actionable.length && (await escalate(trx, row, policy, state, actionable, now))) result.escalated++;
      return result;
    });
  }

  async function watch(): Promise<SlaWatchResult> {
    const total: SlaWatchResult = { checked: 0, warned: 0, breached: 0, escalated: 0 };
    // Keyset over (sla_next_check_at, id): a ticket that failed or that another watcher holds is not fetched again in this run.
    let after: { at: string; id: number } | null = null;
    for (let seen = 0; seen < maxPerRun; ) {
      const now = clock.now();
      let query = db.selectFrom('tickets').select(['id', 'sla_next_check_at']).where('sla_next_check_at', '<=', now.toISOString());
      if (after) {
        const { at, id } = after;
        query = query.where((eb) => eb.or([eb('sla_next_check_at', '>', at), eb.and([eb('sla_next_check_at', '=', at), eb('id', '>', id)])]));
      }
      const due = await query.orderBy('sla_next_check_at').orderBy('id').limit(Math.min(batchSize, maxPerRun - seen)).execute();
      for (const ticket of due) {
        try {
          const r = await checkTicket(ticket.id, now);
          if (r) for (const key of ['checked', 'warned', 'breached', 'escalated'] as const) total[key] += r[key];
        } catch (err) {
          logger.error({ err, ticketId: ticket.id }, 'SLA check of a ticket failed; it is tried again in the next run');
        }
      }
      const last = due.at(-1);
      if (!last || due.length < batchSize) break;
      after = { at: last.sla_next_check_at as string, id: last.id };
      seen += due.length;
    }
    if (total.warned || total.breached) logger.info({ ...total }, 'SLA watcher reported warnings and breaches');
    return total;
  }

  // One pass at a time, every intervalMs (default 30 s) until stop(): platform/periodic.ts.
  const job = periodicJob(watch, (err) => logger.error({ err }, 'SLA watcher run failed'));
  return { runOnce: job.runOnce, start: (intervalMs = 30_000) => job.start(intervalMs), stop: job.stop };
}

export type SlaWatcher = ReturnType<typeof createSlaWatcher>;
