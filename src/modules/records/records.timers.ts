import { recordAudit } from '../../platform/audit/index.ts';
import { uniqueViolationIndex } from '../../platform/db/index.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import { auditWhoOf, type RequestContext } from '../identity/index.ts';
import { require, visibleTicket, type RecordsDeps } from './records.context.ts';
import * as repo from './records.repo.ts';
import type { ServiceRecord, Timer, TimerStop, TimerUpdate } from './records.schemas.ts';
import type { RecordsService } from './records.service.ts';
import { localDateTime } from '../../shared/calendar/index.ts';
import { elapsedMinutes } from './domain/timer.ts';

/** One running timer per user (the table's primary key says so); stopping it logs a draft work entry. */
export function createTimers(deps: RecordsDeps & { records: RecordsService }) {
  const { db, clock, records } = deps;

  function view(t: NonNullable<Awaited<ReturnType<typeof repo.findTimer>>>): Timer {
    return {
      ticket: { id: t.ticket_id, number: t.number, subject: t.subject },
      workType: t.work_type_id === null ? null : { id: t.work_type_id, code: t.work_type_code ?? '', name: t.work_type_name ?? '' },
      description: t.description,
      startedAt: t.started_at,
      localStart: localDateTime(new Date(t.started_at)),
      elapsedMinutes: elapsedMinutes(t.started_at, clock.now()),
    };
  }

  function alreadyRunning(t: NonNullable<Awaited<ReturnType<typeof repo.findTimer>>>): AppError {
    const since = localDateTime(new Date(t.started_at));
    return new AppError('conflict', 'timer_running', `Your timer already runs on ticket ${t.number} since ${since.date} ${since.time}; stop or discard it first`, {
      extra: { ticketId: t.ticket_id, ticketNumber: t.number, startedAt: t.started_at },
    });
  }

  async function running(ctx: RequestContext) {
    const timer = await repo.findTimer(db, ctx.actor.userId);
    if (!timer) throw new AppError('not_found', 'no_timer', 'No timer of yours is running');
    return timer;
  }

  async function checkWorkType(workTypeId: number | undefined): Promise<void> {
    if (workTypeId === undefined) return;
    const wt = await db.selectFrom('work_types').select('active').where('id', '=', workTypeId).executeTakeFirst();
    if (!wt || wt.active !== 1) throw invalid([{ path: 'workTypeId', code: 'unknown_reference', message: 'No active work type with this id' }]);
  }

  async function start(ctx: RequestContext, input: { ticketId: number; workTypeId?: number | undefined; description: string }): Promise<Timer> {
    require(ctx, 'records.write');
    const ticket = await visibleTicket(db, ctx, input.ticketId);
    await checkWorkType(input.workTypeId);
    const existing = await repo.findTimer(db, ctx.actor.userId);
    if (existing) throw alreadyRunning(existing);
    const now = clock.now();
    try {
      await db.transaction().execute(async (trx) => {
        await repo.insertTimer(trx, { user_id: ctx.actor.userId, ticket_id: ticket.id, work_type_id: input.workTypeId ?? null, description: input.description, started_at: now.toISOString() });
        await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'timer', entityId: ctx.actor.userId, action: 'start', after: { ticketId: ticket.id } });
      });
    } catch (error) {
      // Two starts at once: the primary key let one through.
      const other = uniqueViolationIndex(error) ? await repo.findTimer(db, ctx.actor.userId) : null;
      if (other) throw alreadyRunning(other);
      throw error;
    }
    return view((await repo.findTimer(db, ctx.actor.userId))!);
  }

  async function mine(ctx: RequestContext): Promise<Timer | null> {
    require(ctx, 'records.write');
    const timer = await repo.findTimer(db, ctx.actor.userId);
    return timer ? view(timer) : null;
  }

  /**
   * Sets the work type or description of the running timer: the entry that stopping
   * it logs needs a work type, and one chosen while it runs is kept like the timer is.
   */
  async function update(ctx: RequestContext, input: TimerUpdate): Promise<Timer> {
    require(ctx, 'records.write');
    const timer = await running(ctx);
    await checkWorkType(input.workTypeId);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      if (!(await repo.updateTimer(trx, ctx.actor.userId, timer.started_at, { work_type_id: input.workTypeId, description: input.description }))) {
        throw new AppError('conflict', 'timer_changed', 'The timer was stopped or discarded meanwhile');
      }
      await recordAudit(trx, now, auditWhoOf(ctx), {
        entity: 'timer', entityId: ctx.actor.userId, action: 'update',
        before: { workTypeId: timer.work_type_id, description: timer.description }, after: { workTypeId: input.workTypeId ?? timer.work_type_id, description: input.description ?? timer.description },
      });
    });
    return view((await repo.findTimer(db, ctx.actor.userId))!);
  }

  /**
   * Stops the timer: a draft work entry from its start, with the minutes from the start's
   * minute to now's (elapsedMinutes). What the technician corrected while stopping (date, start or none, minutes or an
   * end, work type, texts) replaces what the timer knows.
   */
  async function stop(ctx: RequestContext, input: TimerStop): Promise<ServiceRecord> {
    require(ctx, 'records.write');
    const timer = await running(ctx);
    const ticket = await visibleTicket(db, ctx, timer.ticket_id);
    const started = localDateTime(new Date(timer.started_at));
    const prepared = await records.prepareNew(ctx, ticket, {
      kind: 'work',
      date: input.date ?? started.date,
      startTime: input.startTime !== undefined ? input.startTime : started.time,
      endTime: input.endTime,
      // An end counts the minutes from the start; the elapsed ones would contradict it.
      minutes: input.minutes ?? (input.endTime === undefined ? elapsedMinutes(timer.started_at, clock.now()) : undefined),
      workTypeId: input.workTypeId ?? timer.work_type_id ?? undefined,
      description: input.description ?? timer.description,
      internalNote: input.internalNote,
      billable: input.billable,
    });
    if (!prepared.ok) throw invalid(prepared.problems.map((p) => (p.code === 'too_long' ? { ...p, message: `${p.message}; send the minutes to record, or discard the timer` } : p)));
    const now = clock.now();
    const id = await db.transaction().execute(async (trx) => {
      if (!(await repo.deleteTimer(trx, ctx.actor.userId, timer.started_at))) throw new AppError('conflict', 'timer_changed', 'The timer was stopped or discarded meanwhile');
      const recordId = (await records.insertPrepared(trx, ctx, prepared, now)).id;
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'timer', entityId: ctx.actor.userId, action: 'stop', after: { ticketId: ticket.id, recordId } });
      return recordId;
    });
    return records.get(ctx, id);
  }

  async function discard(ctx: RequestContext): Promise<void> {
    require(ctx, 'records.write');
    const timer = await running(ctx);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      if (!(await repo.deleteTimer(trx, ctx.actor.userId, timer.started_at))) throw new AppError('conflict', 'timer_changed', 'The timer was stopped or discarded meanwhile');
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'timer', entityId: ctx.actor.userId, action: 'discard', before: { ticketId: timer.ticket_id, startedAt: timer.started_at } });
    });
  }

  return { start, mine, update, stop, discard };
}

export type Timers = ReturnType<typeof createTimers>;
