import { failIf, forbidden, invalid, notFound } from '../../shared/errors.ts';
import { findTeam } from '../helpdesk/index.ts';
import { fieldScopeOf, hasPermission, ticketScopeOf, type RequestContext } from '../identity/index.ts';
import { require, type RecordsDeps } from './records.context.ts';
import * as repo from './records.repo.ts';
import type { TimesheetOut } from './records.schemas.ts';
import { addDays } from '../../shared/calendar/index.ts';
import { problemsOf, invalidDate } from '../../shared/date-details.ts';
import { formatQuantity, parseQuantity } from '../../shared/quantity.ts';
import { buildTimesheet, buildTimesheetOfGroups, type MoneyTotal, type Timesheet, type TimesheetCell, type TimesheetRecord } from './domain/timesheet.ts';

/** The last day a week of timesheets may start on: its seventh day is the last date there is. */
const LAST_WEEK_START = '9999-12-25';

/** Week timesheets: one technician's (own, or anyone's for approvers) and a team's. */
export function createTimesheets(deps: Pick<RecordsDeps, 'db'>) {
  const { db } = deps;

  const toSheetRecord = (r: repo.StoredRecord): TimesheetRecord => ({
    technician: r.technician, ticket: r.ticket, date: r.date, minutes: r.minutes, travel: r.kind === 'travel', kmMilli: r.km === null ? null : parseQuantity(r.km), billable: r.billable,
    currency: r.price.currency, amountMinor: r.amountMinor ?? null, costMinor: r.costMinor ?? null, costCurrency: r.price.costCurrency ?? null,
  });

  /** Money as the actor's field scope allows: amounts with prices, costs with costs, neither → no money at all. */
  function present(ctx: RequestContext, sheet: Timesheet): TimesheetOut {
    const scope = fieldScopeOf(ctx.actor.roles);
    const money = (m: MoneyTotal) => {
      const out: { currency: string; amountMinor?: number; costMinor?: number } = { currency: m.currency };
      if (scope.prices) out.amountMinor = m.amountMinor;
      if (scope.costs) out.costMinor = m.costMinor;
      return out;
    };
    // Written out field by field (no rest spread): a team's week has tens of thousands of cells.
    const cell = (c: TimesheetCell) => {
      const minutes = {
        billableMinutes: c.billableMinutes, nonBillableMinutes: c.nonBillableMinutes, travelMinutes: c.travelMinutes, km: c.kmMilli === 0 ? '0' : formatQuantity(c.kmMilli), records: c.records, unpriced: c.unpriced,
      };
      return !scope.prices && !scope.costs ? minutes : { ...minutes, money: c.money.map(money) };
    };
    // A day without records is null: most days of a busy team's ticket rows are empty.
    const dayCell = (c: TimesheetCell) => (c.records === 0 ? null : cell(c));
    return {
      start: sheet.start, end: sheet.end, days: sheet.days,
      byTechnician: sheet.byTechnician.map((r) => ({ technician: r.key, days: r.days.map(dayCell), total: cell(r.total) })),
      byTicket: sheet.byTicket.map((r) => ({ ticket: r.key, days: r.days.map(dayCell), total: cell(r.total) })),
      total: cell(sheet.total),
    };
  }

  function checkStart(start: string): void {
    failIf(problemsOf(invalidDate('start', start)));
    // The week's seven days are dates too: a start in the last days of year 9999 would run past them.
    if (start > LAST_WEEK_START) throw invalid([{ path: 'start', code: 'invalid_date', message: `a week must end by 9999-12-31; "${start}" starts too late` }]);
  }

  /**
   * A technician's week: the caller's own by default; someone else's only with
   * records.approve. Own records always count, even on tickets of a queue one has left.
   */
  async function week(ctx: RequestContext, q: { start: string; technicianId?: number | undefined }): Promise<TimesheetOut> {
    require(ctx, 'records.write');
    checkStart(q.start);
    const technicianId = q.technicianId ?? ctx.actor.userId;
    const own = technicianId === ctx.actor.userId;
    if (!own && !hasPermission(ctx.actor, 'records.approve')) throw forbidden('You may see only your own timesheet');
    const user = await db.selectFrom('users').select(['id', 'name']).where('id', '=', technicianId).executeTakeFirst();
    if (!user) throw notFound('Technician');
    const records = await repo.listRecords(db, { technicianId, from: q.start, to: addDays(q.start, 6) }, own ? { kind: 'all' } : ticketScopeOf(ctx.actor), {
      sort: 'date', limit: 10_000, after: null,
    });
    return present(ctx, buildTimesheet(q.start, records.map(toSheetRecord), [user]));
  }

  /** A team's week: every member's row, for approvers. */
  async function teamWeek(ctx: RequestContext, q: { start: string; teamId: number }): Promise<TimesheetOut> {
    require(ctx, 'records.approve');
    checkStart(q.start);
    const team = await findTeam(db, q.teamId);
    if (!team) throw notFound('Team');
    const members = await repo.teamMembers(db, q.teamId);
    // Summed by the database per technician, ticket, day and currencies: a busy team logs tens of thousands of records a week.
    const groups = await repo.timesheetGroups(db, { technicianIds: members.map((m) => m.id), from: q.start, to: addDays(q.start, 6) }, ticketScopeOf(ctx.actor));
    const byId = new Map(members.map((m) => [m.id, m]));
    return present(ctx, buildTimesheetOfGroups(q.start, groups.map((g) => ({ ...g, technician: byId.get(g.technicianId)! })), members));
  }

  return { week, teamWeek };
}

export type Timesheets = ReturnType<typeof createTimesheets>;
