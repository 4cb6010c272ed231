// What an SLA badge shows: the status (the server's, made worse when the due time
// has passed since the server last looked) and the due moment ("by 14:00", "overdue
// since yesterday 9:00"). The list's badge names a moment, not a duration: the time left
// in working hours needs the policy's calendar, which only the server knows.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { localeTag } from '../../app/format';
import type { Sla, SlaTargetOutcome } from './api';

export const SLA_STATUSES = ['running', 'warning', 'breached', 'paused', 'met', 'none'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

export const SLA_COLORS: Record<SlaStatus, string> = {
  running: 'teal',
  warning: 'orange',
  breached: 'red',
  paused: 'gray',
  met: 'green',
  none: 'gray',
};

export interface SlaView {
  status: SlaStatus;
  color: string;
  /** Milliseconds to the due time (negative: overdue); null when no clock runs. */
  remainingMs: number | null;
}

const MINUTE = 60_000;

export function isSlaStatus(value: string): value is SlaStatus {
  return (SLA_STATUSES as readonly string[]).includes(value);
}

export function slaView(sla: Pick<Sla, 'status' | 'dueAt'>, now: number): SlaView {
  let status: SlaStatus = isSlaStatus(sla.status) ? sla.status : 'none';
  const due = sla.dueAt ? Date.parse(sla.dueAt) : Number.NaN;
  const running = status === 'running' || status === 'warning' || status === 'breached';
  const remainingMs = running && Number.isFinite(due) ? due - now : null;
  // The server marks a breach on its next pass; the clock on the wall already knows.
  if (remainingMs !== null && remainingMs < 0 && status !== 'breached') status = 'breached';
  return { status, color: SLA_COLORS[status], remainingMs };
}

export interface DurationUnits {
  d: string;
  h: string;
  m: string;
}

/**
 * A compact duration: "2 d 4 h", "3 h 15 min", "45 min", "< 1 min". Two units at
 * most, rounded down (time left should never look longer than it is).
 */
export function formatDuration(ms: number, units: DurationUnits): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes < 1) return `< 1 ${units.m}`;
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h > 0 ? `${d} ${units.d} ${h} ${units.h}` : `${d} ${units.d}`;
  if (h > 0) return m > 0 ? `${h} ${units.h} ${m} ${units.m}` : `${h} ${units.h}`;
  return `${m} ${units.m}`;
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The calendar day of a moment as seen from now, in the browser's time zone: today,
 * tomorrow, yesterday, a weekday within six days either side (no other day of the week
 * has that name then), else a date (with the year when it is not this year's).
 */
export type MomentDay =
  | { kind: 'today' }
  | { kind: 'tomorrow' }
  | { kind: 'yesterday' }
  | { kind: 'weekday'; weekday: Weekday }
  | { kind: 'date'; withYear: boolean };

const DAY = 86_400_000;

/** Days since 1970-01-01 of the local calendar date (whole: a DST change does not shift it). */
function localDayNumber(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY;
}

export function momentDay(at: number, now: number): MomentDay {
  const days = localDayNumber(at) - localDayNumber(now);
  if (days === 0) return { kind: 'today' };
  if (days === 1) return { kind: 'tomorrow' };
  if (days === -1) return { kind: 'yesterday' };
  if (Math.abs(days) <= 6) return { kind: 'weekday', weekday: WEEKDAYS[new Date(at).getDay()]! };
  return { kind: 'date', withYear: new Date(at).getFullYear() !== new Date(now).getFullYear() };
}

/**
 * A moment in few characters, in the UI language: "14:00", "zítra 9:00", "pondělí 9:00"
 * (the weekday written out and in the form "do"/"od" take: "po" would read as "after"),
 * "30. 11. 9:00", "3. 1. 2027 9:00".
 */
export function formatMoment(t: TFunction, at: string, now: number): string {
  const time = dayjs(at).format('LT');
  const day = momentDay(Date.parse(at), now);
  switch (day.kind) {
    case 'today':
      return time;
    case 'tomorrow':
    case 'yesterday':
      return `${t(`tickets.sla.moment.${day.kind}`)} ${time}`;
    case 'weekday':
      return `${t(`tickets.sla.moment.weekdays.${day.weekday}`)} ${time}`;
    case 'date': {
      const date = new Intl.DateTimeFormat(localeTag(), { day: 'numeric', month: 'numeric', ...(day.withYear ? { year: 'numeric' } : {}) }).format(Date.parse(at));
      return `${date} ${time}`;
    }
  }
}

/**
 * The list badge's text: by when ("do 14:00", "by tomorrow 09:00"), since when it is
 * overdue ("po termínu od včera 9:00"), or the status where no clock runs ("Pozastaveno").
 */
export function slaBadgeText(t: TFunction, sla: Pick<Sla, 'dueAt'>, view: SlaView, now: number): string {
  if (view.remainingMs === null || !sla.dueAt) return t(`tickets.sla.status.${view.status}`);
  const at = formatMoment(t, sla.dueAt, now);
  return view.remainingMs < 0 ? t('tickets.sla.overdueSince', { at }) : t('tickets.sla.dueBy', { at });
}

/**
 * The server's working time left (null: no count, e.g. an older server), but none once
 * the due time has passed on the wall clock since the server counted.
 */
export function workingLeftAt(target: Pick<SlaTargetOutcome, 'dueAt' | 'businessMinutesLeft'>, now: number): number | null {
  const left = target.businessMinutesLeft ?? null;
  if (left === null || left <= 0 || target.dueAt === null) return left;
  return Date.parse(target.dueAt) <= now ? 0 : left;
}

/** What the details panel shows for one SLA target. */
export type TargetDisplay =
  | { kind: 'countdown'; dueAt: string; remainingMs: number; warning: boolean; workingMinutesLeft: number | null }
  | { kind: 'paused' }
  | { kind: 'met'; at: string }
  | { kind: 'missed'; at: string; lateMs: number }
  | { kind: 'none' };

/**
 * A target that stopped (answered, resolved) shows its outcome, never a countdown;
 * one that runs shows its due time and the time left or overdue. The outcome is the
 * server's (business time), not a comparison of wall-clock times here.
 */
export function targetDisplay(target: SlaTargetOutcome, now: number): TargetDisplay {
  if (target.stoppedAt !== null) {
    return target.status === 'breached'
      ? { kind: 'missed', at: target.stoppedAt, lateMs: (target.breachedMinutes ?? 0) * MINUTE }
      : { kind: 'met', at: target.stoppedAt };
  }
  if (target.status === 'paused') return { kind: 'paused' };
  if (target.status === 'none' || target.status === 'met' || !target.dueAt) return { kind: 'none' };
  // warning: past the policy's warning share, so the time left shows in the warning colour.
  // workingMinutesLeft: the server's count in business hours, what the page says (remainingMs is wall-clock time).
  return {
    kind: 'countdown', dueAt: target.dueAt, remainingMs: Date.parse(target.dueAt) - now, warning: target.status === 'warning',
    workingMinutesLeft: workingLeftAt(target, now),
  };
}
